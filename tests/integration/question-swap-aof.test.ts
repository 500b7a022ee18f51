// Question Swap's closing note on a Redis that keeps an append-only file: two real clients play three
// cards and write each other a note sealed with a real key; it reaches the other and Memories, and no word
// of it is in the clear in any Redis value, the adapter stream, the AOF files, the logs at trace or any frame.
import { nanoid } from 'nanoid';
import { afterAll, describe, expect, it } from 'vitest';
import { answerSlot, noteSlot } from '../../shared/activities/question-swap/model.js';
import { openMemories } from '../../shared/opened-room.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { expectMentions, expectNoCanary, logSource, recordSent, redisSources, streamSources, type Source, startAofWorld, type AofWorld } from '../support/canary.js';
import { redisServerInstalled } from '../support/redis-server.js';
import { sealedPair } from '../support/sealed-pair.js';
import { eventually } from '../support/server.js';
import { openerFor } from '../support/what-it-means-answers.js';

describe.runIf(redisServerInstalled())('Question Swap’s closing note, on a Redis that keeps an append-only file', () => {
  let world: AofWorld | undefined;
  afterAll(() => world?.close());

  it('reaches the other and Memories, and leaves no word in Redis, its AOF, the stream, the logs at trace or any frame', { timeout: 60_000 }, async () => {
    world = await startAofWorld(`aof-qs-${nanoid(8)}`);
    const { redis, admin, server, logs, received, clients } = world;
    const sent: Source[] = [];
    const canary = `NoteCanary${nanoid(8)}`;
    const pair = await sealedPair(server.url, ['Ada', 'Grace'], { onClient: (c, name) => sent.push(recordSent(c, name)) });
    clients.push(pair.ada, pair.grace);
    const move = async (seat: SeatIndex, m: Record<string, unknown>) => expect((await pair.send(seat, { type: 'move', move: m })).ok).toBe(true);
    const swapOf = (seat: SeatIndex) => {
      const activity = pair.view(seat).activity;
      if (activity?.id !== 'question-swap') throw new Error('no game yet');
      return activity.view;
    };

    await pair.send(0, { type: 'propose', activity: 'question-swap', options: { answerMode: 'write', rounds: 3 } });
    await pair.send(0, { type: 'ready' });
    await pair.send(1, { type: 'ready' });
    for (const seat of [0, 1] as const) {
      await eventually(() => swapOf(seat));
      await move(seat, { type: 'consent', kinds: ['emotional', 'intellectual', 'experiential'], maxDepth: 3 });
    }
    for (let n = 1; n <= 3; n++) {
      const card = await eventually(() => {
        const round = swapOf(0).round;
        if (round?.number !== n) throw new Error(`no card ${n} yet`);
        return round.card;
      });
      for (const seat of [0, 1] as const) {
        const words = JSON.stringify({ text: `answer ${n}`, choice: 0, guess: 1 });
        await move(seat, { type: 'answer', cardId: card.id, sealed: await pair.seal(seat, 'question-swap', answerSlot(card.id), words) });
      }
      await eventually(() => expect(swapOf(1).round?.revealed).toBe(true));
      for (const seat of [0, 1] as const) await move(seat, { type: 'next', cardId: card.id });
    }

    const closing = await eventually(() => {
      const view = swapOf(1);
      if (!view.closing) throw new Error('no closing card yet');
      return view.closing;
    });
    expect(closing.round).toBe(3);
    await move(0, { type: 'note', round: 3, sealed: await pair.seal(0, 'question-swap', noteSlot(3), `${canary} from Ada`) });
    // Grace's view holds nothing of Ada's note until her own is in.
    await eventually(() => expect(swapOf(1).closing?.done).toEqual([true, false]));
    expect(swapOf(1).closing?.notes).toBeNull();
    await move(1, { type: 'note', round: 3, sealed: await pair.seal(1, 'question-swap', noteSlot(3), `${canary} from Grace`) });
    const notes = await eventually(() => {
      const shown = swapOf(1).closing?.notes;
      if (!shown) throw new Error('not both in yet');
      return shown;
    });
    expect(await pair.open(0, 'question-swap', noteSlot(3), notes[0]!)).toBe(`${canary} from Ada`);
    const kept = await eventually(() => {
      const memories = pair.view(0).memories;
      expect(memories).toHaveLength(1);
      return memories;
    });
    expect((await openMemories(kept, openerFor(pair.key, pair.sealId)))[0]!.entries.map((e) => e.text)).toEqual([`${canary} from Ada`, `${canary} from Grace`]);

    const streams = await streamSources(admin);
    const values = await redisSources(admin);
    const aof = (await redis.files()).filter((f) => f.name.endsWith('.aof'));
    expect(aof.length, 'Redis wrote append-only files').toBeGreaterThan(0);
    expectMentions([{ name: 'aof files', text: aof.map((f) => f.text).join('\n') }, ...streams, received], pair.sealId);
    expectNoCanary([canary], [...values, ...streams, ...aof, logSource(logs), received, ...sent]);
  });
});
