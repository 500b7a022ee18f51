// A full 8-round Question Swap between two real socket clients over Redis, with a reconnect and a
// replayed answer in the middle of a round: no answer lost, none doubled, none seen early.
import { nanoid } from 'nanoid';
import { describe, expect, inject, it } from 'vitest';
import type { CommandInput, SeatIndex } from '../../shared/protocol.js';
import { answerMove, gameView } from '../support/question-swap.js';
import { sealedAround } from '../support/sealed.js';
import { cid, connected, eventually, seatedPair, type Client, useServerOnRedis } from '../support/server.js';

const redisUrl = inject('redisUrl');

describe.runIf(redisUrl !== '')('Question Swap over Redis', () => {
  const world = useServerOnRedis('qs');

  it('plays 8 rounds; a reconnect mid-round loses nothing and a replayed answer is not doubled', async () => {
    const { ada, grace, roomId } = await seatedPair(world.server.url);
    world.clients.push(ada, grace);
    const send = (c: Client, seat: SeatIndex, command: CommandInput['command'], commandId = cid()) =>
      c.socket.emitWithAck('room:command', { commandId, seat, command });

    expect((await send(grace, 1, { type: 'ready' })).ok).toBe(false);
    expect((await send(ada, 0, { type: 'propose', activity: 'question-swap', options: { answerMode: 'write' } })).ok).toBe(true);
    expect((await send(ada, 0, { type: 'ready' })).ok).toBe(true);
    const third = await send(ada, 0, { type: 'ready' });
    expect(third.ok ? '' : third.error.code).toBe('ALREADY_READY');
    expect((await send(grace, 1, { type: 'ready' })).ok).toBe(true);

    const consent = { type: 'consent', kinds: ['emotional', 'intellectual', 'experiential'], maxDepth: 3 };
    await send(ada, 0, { type: 'move', move: consent });
    await send(grace, 1, { type: 'move', move: consent });
    await eventually(() => expect(gameView(ada).phase).toBe('play'));

    const seenByGrace: string[] = [];
    for (let round = 1; round <= 8; round++) {
      const view = await eventually(() => {
        const v = gameView(ada);
        expect(v.round?.number).toBe(round);
        expect(gameView(grace).round?.number).toBe(round);
        return v;
      });
      const adaWords = `ada-round-${round}-${nanoid(6)}`;
      const graceWords = `grace-round-${round}-${nanoid(6)}`;
      const adaMove = answerMove(view, adaWords);
      const adaCommand = cid();
      const first = await send(ada, 0, { type: 'move', move: adaMove }, adaCommand);
      expect(first.ok).toBe(true);

      if (round === 4) {
        // Ada's phone sleeps mid-round and wakes: the same socket reconnects with its token, gets a
        // full snapshot, and Socket.IO replays the buffered answer with the same command id.
        ada.socket.disconnect();
        const before = ada.snapshots.length;
        ada.socket.connect();
        await connected(ada);
        await eventually(() => expect(ada.snapshots.length).toBeGreaterThan(before));
        expect(gameView(ada).round?.mine).toBeTruthy();
        const replay = await send(ada, 0, { type: 'move', move: adaMove }, adaCommand);
        expect(replay).toEqual(first);
      }

      await eventually(() => expect(gameView(grace).round?.answered[0]).toBe(true));
      seenByGrace.push(...grace.snapshots.map((s) => JSON.stringify(s)));
      expect(seenByGrace.join('')).not.toContain(adaWords);

      expect((await send(grace, 1, { type: 'move', move: answerMove(view, graceWords) })).ok).toBe(true);
      const revealed = await eventually(() => {
        const r = gameView(ada).round!;
        expect(r.revealed).toBe(true);
        return r;
      });
      expect(revealed.answers).toEqual([sealedAround(adaWords), sealedAround(graceWords)]);
      expect((await send(grace, 1, { type: 'move', move: { type: 'next', cardId: view.round!.card.id } })).ok).toBe(true);
      // The next card waits for Ada too.
      expect(gameView(grace).round?.number).toBe(round);
      expect((await send(ada, 0, { type: 'move', move: { type: 'next', cardId: view.round!.card.id } })).ok).toBe(true);
    }

    await eventually(() => expect(gameView(ada).phase).toBe('finished'));
    await eventually(() => expect(gameView(grace).completed).toBe(8));
    const { stored } = await world.store.load(roomId);
    const state = stored!.room.play.activity!.state as { used: string[] };
    expect(new Set(state.used).size).toBe(state.used.length);
    expect((await send(ada, 0, { type: 'end-activity' })).ok).toBe(true);
    await eventually(() => expect(ada.snapshots.at(-1)?.view.activity).toBeNull());
  });
});
