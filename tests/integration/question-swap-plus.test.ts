// Question Swap's wildcards, favourites and written cards between two real clients over Redis, in a
// room sealed with a real key: a wildcard played by the one it belongs to changes the next card for both
// (and a replay changes nothing); favourites kept in one game are drawn first in the next; a card one
// writes is sealed (no word of it in Redis), drawn in a later game, and read by both.
import { nanoid } from 'nanoid';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { answerSlot, type View } from '../../shared/activities/question-swap/index.js';
import { ownCardSlot } from '../../shared/activities/question-swap/library.js';
import { openView } from '../../shared/activities/question-swap/open.js';
import type { CommandInput, SeatIndex } from '../../shared/protocol.js';
import { expectMentions, expectNoCanary, logSource, recordSent, redisSources, startAofWorld, streamSources, type AofWorld, type Source } from '../support/canary.js';
import { redisServerInstalled } from '../support/redis-server.js';
import { sealedPair, type SealedPair } from '../support/sealed-pair.js';
import { openerFor } from '../support/what-it-means-answers.js';
import { cid, eventually, useServerOnRedis } from '../support/server.js';

const redisUrl = inject('redisUrl');
const KINDS = ['emotional', 'intellectual', 'experiential', 'spiritual'] as const;

function swapOf(pair: SealedPair, seat: SeatIndex): View {
  const activity = pair.view(seat).activity;
  if (activity?.id !== 'question-swap') throw new Error('no game yet');
  return activity.view;
}

async function must(pair: SealedPair, seat: SeatIndex, command: CommandInput['command']): Promise<void> {
  const answer = await pair.send(seat, command);
  if (!answer.ok) throw new Error(`${JSON.stringify(command).slice(0, 80)}: ${answer.error.code} ${answer.error.message}`);
}

const move = (pair: SealedPair, seat: SeatIndex, m: Record<string, unknown>) => must(pair, seat, { type: 'move', move: m });

/** Proposes a written game with these options, both ready and agree; resolves at card 1. */
async function startGame(pair: SealedPair, options: Record<string, unknown>): Promise<void> {
  await must(pair, 0, { type: 'propose', activity: 'question-swap', options: { answerMode: 'write', ...options } });
  await must(pair, 0, { type: 'ready' });
  await must(pair, 1, { type: 'ready' });
  for (const seat of [0, 1] as const) {
    await eventually(() => swapOf(pair, seat));
    await move(pair, seat, { type: 'consent', kinds: KINDS, maxDepth: 3 });
  }
  await eventually(() => expect(swapOf(pair, 1).round?.number).toBe(1));
}

/** Both answer card `n` (sealed), and both see it revealed. */
async function reveal(pair: SealedPair, n: number): Promise<string> {
  const card = await eventually(() => {
    const round = swapOf(pair, 0).round;
    if (round?.number !== n || swapOf(pair, 1).round?.number !== n) throw new Error(`no card ${n} yet`);
    return round.card;
  });
  for (const seat of [0, 1] as const) {
    const words = JSON.stringify({ text: `answer ${n}`, choice: 0, guess: 1 });
    await move(pair, seat, { type: 'answer', cardId: card.id, sealed: await pair.seal(seat, 'question-swap', answerSlot(card.id), words) });
  }
  await eventually(() => expect([swapOf(pair, 0).round?.revealed, swapOf(pair, 1).round?.revealed]).toEqual([true, true]));
  return card.id;
}

async function bothNext(pair: SealedPair, cardId: string): Promise<void> {
  for (const seat of [0, 1] as const) await move(pair, seat, { type: 'next', cardId });
}

describe.runIf(redisUrl !== '')('Question Swap’s wildcards and favourites over Redis', () => {
  const world = useServerOnRedis('qs-plus');

  it('a wildcard is the named one’s to play; both see what it chose on the next card, and a replay changes nothing', { timeout: 60_000 }, async () => {
    const pair = await sealedPair(world.server.url);
    world.clients.push(pair.ada, pair.grace);
    await startGame(pair, { rounds: 5 });
    for (let n = 1; n <= 5; n++) {
      const cardId = await reveal(pair, n);
      const offer = swapOf(pair, 0).wildcard;
      if (!offer) {
        await bothNext(pair, cardId);
        continue;
      }
      expect(swapOf(pair, 1).wildcard).toEqual(offer);
      const chooser = offer.chooser;
      const notMine = await pair.send(chooser === 0 ? 1 : 0, { type: 'move', move: { type: 'wildcard', cardId, to: 'swap' } });
      expect(notMine.ok ? 'ok' : notMine.error.code).toBe('NOT_YOUR_TURN');
      const command = { commandId: cid(), seat: chooser, command: { type: 'move', move: { type: 'wildcard', cardId, to: 'kind', kind: 'spiritual' } } } as const;
      const socket = [pair.ada, pair.grace][chooser]!.socket;
      const first = await socket.emitWithAck('room:command', command);
      expect(first.ok).toBe(true);
      expect(await socket.emitWithAck('room:command', command)).toEqual(first);
      for (const seat of [0, 1] as const) {
        await eventually(() => expect(swapOf(pair, seat).wildcard?.chosen).toMatchObject({ by: chooser, to: 'kind', kind: 'spiritual' }));
      }
      await bothNext(pair, cardId);
      for (const seat of [0, 1] as const) {
        const round = await eventually(() => {
          const r = swapOf(pair, seat).round;
          expect(r?.number).toBe(n + 1);
          return r!;
        });
        expect(round.card.kind).toBe('spiritual');
        expect(round.steered).toMatchObject({ by: chooser, to: 'kind', kind: 'spiritual' });
      }
      return;
    }
    throw new Error('a deck of five had no wildcard');
  });

  it('a card marked "Come back to this" is kept by the room after the game ends, and "Our favourites" deals it first', { timeout: 60_000 }, async () => {
    const pair = await sealedPair(world.server.url);
    world.clients.push(pair.ada, pair.grace);
    await startGame(pair, { rounds: 3 });
    const cardId = await reveal(pair, 1);
    await move(pair, 1, { type: 'favourite', cardId, on: true });
    await eventually(() => expect(swapOf(pair, 0).round?.favourite).toBe(true));
    await must(pair, 0, { type: 'end-activity' });
    await eventually(() => expect(pair.view(1).activity).toBeNull());
    await startGame(pair, { rounds: 3, deck: 'favourites' });
    for (const seat of [0, 1] as const) {
      await eventually(() => {
        const round = swapOf(pair, seat).round!;
        expect(round.card.id).toBe(cardId);
        expect(round.favourite).toBe(true);
        expect(swapOf(pair, seat).library.favourites).toBe(1);
      });
    }
  });
});

describe.runIf(redisServerInstalled())('A card one of them writes, on a Redis that keeps an append-only file', () => {
  let world: AofWorld | undefined;
  afterAll(() => world?.close());

  it('comes in a later round for both to read, either may pass it, and no word of it is in Redis, its AOF, the stream, the logs or any frame', { timeout: 60_000 }, async () => {
    world = await startAofWorld(`aof-qs-own-${nanoid(8)}`);
    const { redis, admin, server, logs, received, clients } = world;
    const sent: Source[] = [];
    const canary = `OwnCardCanary${nanoid(8)}`;
    const option = `OwnOptionCanary${nanoid(8)}`;
    const pair = await sealedPair(server.url, ['Ada', 'Grace'], { onClient: (c, name) => sent.push(recordSent(c, name)) });
    clients.push(pair.ada, pair.grace);
    await startGame(pair, { rounds: 3 });
    const first = swapOf(pair, 0).round!.card.id;
    // Ada writes a light card while card 1 is on the table: it comes in the next round.
    const id = `own-${nanoid(12)}`;
    const words = JSON.stringify({ text: `${canary}?`, options: [option, 'the other one'] });
    await move(pair, 0, { type: 'write-card', id, kind: 'emotional', depth: 1, cardType: 'would-you-rather', sealed: await pair.seal(0, 'question-swap', ownCardSlot(id), words) });
    await eventually(() => expect(swapOf(pair, 1).library.theirs).toBe(1));
    expect(swapOf(pair, 1).library.mine).toEqual([]);
    expect(swapOf(pair, 0).library.mine.map((c) => c.id)).toEqual([id]);
    expect(await reveal(pair, 1)).toBe(first);
    await bothNext(pair, first);
    const opener = openerFor(pair.key, pair.sealId);
    for (const seat of [0, 1] as const) {
      const round = await eventually(async () => {
        const opened = (await openView(swapOf(pair, seat), opener)).round;
        expect(opened?.number).toBe(2);
        return opened!;
      });
      expect(round.card).toMatchObject({ id, text: `${canary}?`, options: [option, 'the other one'], type: 'would-you-rather' });
      expect(round.own).toEqual({ by: 0, unreadable: false });
    }
    await move(pair, 1, { type: 'pass', cardId: id });
    await eventually(() => expect(swapOf(pair, 0).round?.card.id).not.toBe(id));

    const streams = await streamSources(admin);
    const values = await redisSources(admin);
    const aof = (await redis.files()).filter((f) => f.name.endsWith('.aof'));
    expect(aof.length, 'Redis wrote append-only files').toBeGreaterThan(0);
    expectMentions([{ name: 'aof files', text: aof.map((f) => f.text).join('\n') }, received], id);
    expectNoCanary([canary, option], [...values, ...streams, ...aof, logSource(logs), received, ...sent]);
  });
});
