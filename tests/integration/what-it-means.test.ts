// "What intimacy means to me" and the closeness circles between two real clients over Redis, with every
// answer sealed as the browser seals it: private until both finish (the partner receives not even the
// sealed text early), refusals of the wrong shape that leave the room unchanged, then the reveal opened
// with the room key — while canaries typed in every sentence, unusual ratings and rankings, and a
// starred memory appear in no Redis value and in no log line at trace level.
import { nanoid } from 'nanoid';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeRanking, writeRatings, type Ratings } from '../../shared/activities/what-it-means/answers.js';
import { starMemory, type State, type View } from '../../shared/activities/what-it-means/index.js';
import { openView, starWords } from '../../shared/activities/what-it-means/open.js';
import { memorySlot } from '../../shared/activities/types.js';
import { STARTERS } from '../../shared/content/starters.js';
import { FOUNDATIONS, INTIMACY_KINDS, type IntimacyKind } from '../../shared/intimacy.js';
import { openMemories } from '../../shared/opened-room.js';
import type { CommandInput, SeatIndex } from '../../shared/protocol.js';
import { sealedShapeProblem } from '../../shared/sealed/shape.js';
import { makeRoomKey } from '../../shared/sealed/seal.js';
import type { RunningServer } from '../../server/server.js';
import { RedisStore } from '../../server/store/redis.js';
import { everything } from '../support/redis-dump.js';
import { fakeSealed, TEST_SEAL } from '../support/sealed.js';
import { cid, eventually, seatedPair, startTestServer, type Client } from '../support/server.js';
import { answerMoves, openerFor, ratingsOf, sealFor } from '../support/what-it-means-answers.js';

const redisUrl = inject('redisUrl');

function meansView(c: Client): View {
  const activity = c.snapshots.at(-1)?.view.activity;
  if (activity?.id !== 'what-it-means') throw new Error('not started');
  return activity.view;
}

describe.runIf(redisUrl !== '')('What intimacy means to me over Redis, sealed', () => {
  const clients: Client[] = [];
  const logs: string[] = [];
  let server: RunningServer;
  let store: RedisStore;
  let admin: Redis;
  beforeAll(async () => {
    store = await RedisStore.connect(redisUrl, `means-${nanoid(8)}`);
    server = await startTestServer(store, { logLevel: 'trace' }, logs);
    admin = new Redis(redisUrl);
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await server?.close();
    await store?.close();
    admin?.disconnect();
  });

  it('answers stay sealed and private until both finish; both read the other’s after; no canary reaches Redis or the logs', async () => {
    const { ada, grace, roomId } = await seatedPair(server.url);
    clients.push(ada, grace);
    const key = await makeRoomKey();
    // seatedPair seals the room with TEST_SEAL: its id is what every value's associated data names.
    const room = TEST_SEAL.id;
    const send = (c: Client, seat: SeatIndex, command: CommandInput['command']) => c.socket.emitWithAck('room:command', { commandId: cid(), seat, command });
    const move = (c: Client, seat: SeatIndex, m: Record<string, unknown>) => send(c, seat, { type: 'move', move: m });
    const version = async () => (await store.load(roomId)).stored!.version;

    await send(ada, 0, { type: 'propose', activity: 'what-it-means', options: {} });
    await send(ada, 0, { type: 'ready' });
    await send(grace, 1, { type: 'ready' });
    const question = await eventually(() => {
      const open = ada.snapshots.at(-1)!.view.closeness.open;
      if (!open) throw new Error('no closeness question yet');
      return open;
    });
    expect((await send(ada, 0, { type: 'closeness', id: question.id, value: fakeSealed('four') })).ok).toBe(true);
    expect(grace.snapshots.at(-1)!.view.closeness.open?.answered).toBe(false);
    expect(JSON.stringify(grace.snapshots.map((s) => s.view.closeness))).not.toContain(fakeSealed('four'));
    const unsealed = await send(grace, 1, { type: 'closeness', id: question.id, value: '6' });
    expect(unsealed.ok ? '' : unsealed.error.code).toBe('BAD_REQUEST');
    await send(grace, 1, { type: 'closeness', id: question.id, value: fakeSealed('six') });
    await eventually(() => expect(ada.snapshots.at(-1)!.view.closeness.history.at(-1)?.values).toEqual([fakeSealed('four'), fakeSealed('six')]));

    // The server checks only shape: plain answers, a sealed value too large for its part, and Done too early.
    const before = await version();
    const refusals = await Promise.all([
      move(ada, 0, { type: 'rank', ranking: [...INTIMACY_KINDS] }),
      move(ada, 0, { type: 'rate', ratings: await sealFor(key, room, 0, 'ratings', 'x'.repeat(200)) }),
      move(ada, 0, { type: 'sentences', sentences: 'not a sealed value' }),
      move(ada, 0, { type: 'done' }),
    ]);
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['BAD_REQUEST', 'BAD_REQUEST', 'BAD_REQUEST', 'NOT_POSSIBLE']);
    expect(await version()).toBe(before);

    // Canaries in every sentence, and ratings and rankings nobody would give by chance.
    const canary = `Canary${nanoid(8)}`;
    const unusual: [Ratings, Ratings] = [ratingsOf(null, null), ratingsOf(null, null)];
    FOUNDATIONS.forEach((f, i) => {
      unusual[0][f] = { today: (i % 5) + 1, want: i === 3 ? null : 5 - (i % 5) };
      unusual[1][f] = { today: 5 - ((i * 2) % 5), want: ((i * 3) % 5) + 1 };
    });
    const rankings: [IntimacyKind[], IntimacyKind[]] = [
      ['spiritual', 'physical', 'emotional', 'experiential', 'intellectual'],
      ['experiential', 'spiritual', 'intellectual', 'emotional', 'physical'],
    ];
    const sentencesOf = (seat: SeatIndex) => STARTERS.slice(seat, seat + 3).map((s, i) => ({ starterId: s.id, text: `${canary} seat${seat} sentence${i} “quoted” ü` }));
    for (const [c, seat] of [[ada, 0], [grace, 1]] as const) {
      for (const m of await answerMoves(key, room, seat, { ranking: rankings[seat], ratings: unusual[seat], sentences: sentencesOf(seat) })) {
        expect((await move(c, seat, m)).ok).toBe(true);
      }
      expect((await move(c, seat, { type: 'done' })).ok).toBe(true);
      if (seat === 0) {
        await eventually(() => expect(meansView(grace).otherDone).toBe(true));
        const stored = (await store.load(roomId)).stored!.room.play.activity!.state as State;
        const sealed = [stored.entries[0].ranking, stored.entries[0].ratings, stored.entries[0].sentences] as string[];
        // Not even Ada's sealed text has reached Grace before Grace is done.
        for (const blob of sealed) expect(JSON.stringify(grace.received)).not.toContain(blob);
      }
    }

    const revealed = await eventually(() => {
      const v = meansView(ada);
      expect(v.revealed).toBe(true);
      return v;
    });
    const opened = await openView(revealed, openerFor(key, room));
    expect(opened.both!.map((e) => e.sentences)).toEqual([sentencesOf(0), sentencesOf(1)]);
    expect(opened.both!.map((e) => e.ratings)).toEqual(unusual);
    expect(opened.both!.map((e) => e.ranking)).toEqual(rankings);
    expect(opened.both!.every((e) => e.unreadable.length === 0)).toBe(true);
    const graces = await openView(meansView(grace), openerFor(key, room));
    expect(graces.both![0].sentences).toEqual(sentencesOf(0));
    expect(graces.gaps).toEqual(opened.gaps);
    expect(opened.gaps.length).toBeGreaterThan(0);

    // Grace stars a sentence: her browser seals both people's words for the memory.
    const target = { part: 'sentence' as const, index: 1 };
    const memory = starMemory(target);
    const words = starWords(graces, target);
    const entries = await Promise.all(words.map(async (w) => ({ seat: w.seat, sealed: await sealFor(key, room, w.seat, memorySlot(memory.key), w.text) })));
    expect((await move(grace, 1, { type: 'star', target, starred: true, entries })).ok).toBe(true);
    const memories = await eventually(() => {
      const kept = ada.snapshots.at(-1)!.view.memories;
      expect(kept).toHaveLength(1);
      return kept;
    });
    const [kept] = await openMemories(memories, openerFor(key, room));
    expect(kept!.entries.map((e) => e.text)).toEqual([`${STARTERS[1]!.text.replace(/…$/, '')} ${sentencesOf(0)[1]!.text}`, `${STARTERS[2]!.text.replace(/…$/, '')} ${sentencesOf(1)[1]!.text}`]);
    const late = await move(grace, 1, { type: 'rank', ranking: entries[0]!.sealed });
    expect(late.ok ? '' : late.error.code).toBe('WRONG_PHASE');

    // What the server stores of each answer is its sealed text, nothing else.
    const state = (await store.load(roomId)).stored!.room.play.activity!.state as State;
    for (const entry of state.entries) {
      for (const part of [entry.ranking, entry.ratings, entry.sentences]) {
        expect(typeof part).toBe('string');
        expect(sealedShapeProblem(part!, 16384)).toBeNull();
      }
    }
    const keys = await everything(admin);
    expect(keys.some((k) => k.text.includes(state.entries[1].sentences!)), 'the room is in this Redis').toBe(true);
    const clear = [
      canary,
      ...unusual.flatMap((r) => [writeRatings(r), JSON.stringify(r), JSON.stringify(r.trust)]),
      ...rankings.flatMap((r) => [writeRanking(r), JSON.stringify(writeRanking(r)).slice(1, -1), r.join(' › ')]),
    ];
    for (const k of keys) for (const text of clear) expect(`${k.key} ${k.text}`, `${k.key} holds ${text}`).not.toContain(text);
    const logged = logs.join('\n');
    expect(logged).toContain('room created');
    for (const text of clear) expect(logged).not.toContain(text);
  });
});
