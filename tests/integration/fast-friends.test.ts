// Fast friends between two real clients over Redis, everything sealed as the browser seals it with a real
// room key: closeness before, sealed; for each question the one answering first alternates; until both
// are done no frame to the other holds the first one's words (not even sealed); a pass shows as a pass;
// Grace drops off mid-turn and comes back to the same turn; a star lands in Memories and opens; the sets
// are moved through early, both agreeing; the closing minute ends it and the room asks closeness
// "after" at once; both leave together. Canaries typed as words are in no Redis value, stream entry,
// log line at trace level, or frame either client sent or the server received.
import { describe, expect, inject, it } from 'vitest';
import type { View } from '../../shared/activities/fast-friends/index.js';
import { memoryKey, wordsSlot, writeWords } from '../../shared/activities/fast-friends/model.js';
import { openView, starWords } from '../../shared/activities/fast-friends/open.js';
import { memorySlot } from '../../shared/activities/types.js';
import { CLOSENESS_ACTIVITY, closenessSlot } from '../../shared/closeness.js';
import { openMemories } from '../../shared/opened-room.js';
import { other, type SeatIndex } from '../../shared/protocol.js';
import { expectMentions, expectNoCanary, logSource, redisSources } from '../support/canary.js';
import { recordedPair } from '../support/recorded-pair.js';
import { connected, eventually, useServerOnRedis, type Client } from '../support/server.js';
import { openerFor } from '../support/what-it-means-answers.js';

const redisUrl = inject('redisUrl');
const ACTIVITY = 'fast-friends';

function ffView(c: Client): View {
  const activity = c.snapshots.at(-1)?.view.activity;
  if (activity?.id !== 'fast-friends') throw new Error('not started');
  return activity.view;
}

describe.runIf(redisUrl !== '')('Fast friends over Redis, sealed', () => {
  const world = useServerOnRedis('fast-friends', { logLevel: 'trace' });

  it('turns that alternate, words hidden until both are done, a pass, a drop-off, a star, the sets, the closing minute and closeness after; no canary anywhere in the clear', { timeout: 30_000 }, async () => {
    const { admin, logs } = world;
    const { pair, people, sent, received, canaries, canary, move, version, framesTo } = await recordedPair(world);
    const { ada, grace, roomId } = pair;
    const answerClosenessBoth = async (values: [string, string]) => {
      const open = await eventually(() => {
        const o = pair.view(0).closeness.open;
        if (!o) throw new Error('no closeness question yet');
        return o;
      });
      for (const seat of [0, 1] as const) {
        const value = await pair.seal(seat, CLOSENESS_ACTIVITY, closenessSlot(open.id), values[seat]);
        expect((await pair.send(seat, { type: 'closeness', id: open.id, value })).ok).toBe(true);
      }
      return open;
    };
    const bothGoOn = async (to: 'question' | 'set') => {
      for (const seat of [0, 1] as const) expect((await move(seat, { type: 'next', to, ready: true })).ok).toBe(true);
    };

    expect((await pair.send(0, { type: 'propose', activity: 'fast-friends', options: {} })).ok).toBe(true);
    expect((await pair.send(0, { type: 'ready' })).ok).toBe(true);
    expect((await pair.send(1, { type: 'ready' })).ok).toBe(true);
    const game = await eventually(() => ffView(ada).game);
    expect((await answerClosenessBoth(['3', '4'])).moment).toBe('before');

    // Beginning waits for both: one tap never moves the other.
    expect((await move(0, { type: 'next', to: 'question', ready: true })).ok).toBe(true);
    expect(ffView(ada).phase).toBe('intro');
    expect((await move(1, { type: 'next', to: 'question', ready: true })).ok).toBe(true);
    const q0 = await eventually(() => ffView(ada).question!);
    const first = q0.first;
    const second = other(first);
    expect(ada.snapshots.at(-1)!.view.activity!.awaiting).toEqual({ seats: [first], private: true });

    // The server checks only the shape: words in the clear, or the second answering first, are refused.
    const before = await version();
    const words0 = `the kitchen radio ${canary('First')}`;
    const sealed0 = await pair.seal(first, ACTIVITY, wordsSlot(game, 0), writeWords(words0));
    const refusals = await Promise.all([
      move(first, { type: 'answer', at: 0, words: 'typed in the clear' }),
      move(second, { type: 'answer', at: 0, words: await pair.seal(second, ACTIVITY, wordsSlot(game, 0), writeWords('too soon')) }),
      move(first, { type: 'next', to: 'question', ready: true }),
    ]);
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['BAD_REQUEST', 'NOT_YOUR_TURN', 'WRONG_PHASE']);
    expect(refusals.every((r) => !r.ok && r.error.message.length > 10)).toBe(true);
    expect(await version()).toBe(before);

    // The first answers with words: the other hears only that they are done — not even the sealed text.
    expect((await move(first, { type: 'answer', at: 0, words: sealed0 })).ok).toBe(true);
    await eventually(() => expect(ffView(people[second]).question!.turn).toBe(second));
    expect(ffView(people[second]).question!.turns[first]).toEqual({ done: true, passed: null, words: null });
    expect(framesTo(people[second])).not.toContain(sealed0);

    // Grace drops off mid-question and comes back to the same turn.
    grace.close();
    const seen = grace.snapshots.length;
    grace.socket.connect();
    await connected(grace);
    await eventually(() => expect(grace.snapshots.length).toBeGreaterThan(seen));
    expect(ffView(grace).question).toMatchObject({ at: 0, turn: second });

    // While the turn is open, Redis holds the words sealed and nothing of them in the clear.
    const mid = await redisSources(admin);
    expectMentions(mid.filter((s) => s.name.includes(roomId) && s.name.endsWith(':room')), sealed0);
    expectNoCanary([...canaries, words0], mid);

    // The second passes: both see the first's words and the pass.
    expect((await move(second, { type: 'pass', at: 0 })).ok).toBe(true);
    const opened = await eventually(async () => {
      const v = await openView(ffView(people[second]), openerFor(pair.key, pair.sealId));
      expect(v.question!.turn).toBeNull();
      return v;
    });
    expect(opened.question!.turns[first]).toMatchObject({ passed: false, words: words0 });
    expect(opened.question!.turns[second]).toMatchObject({ passed: true, words: null });

    // The one who passed stars it: the words the first typed, sealed by the starring browser.
    const key = memoryKey(game, 0);
    const entries = await Promise.all(starWords(opened.question!).map(async (w) => ({ seat: w.seat, sealed: await pair.seal(w.seat, ACTIVITY, memorySlot(key), w.text) })));
    expect((await move(second, { type: 'star', at: 0, starred: true, entries })).ok).toBe(true);
    const kept = await eventually(() => {
      const memories = ada.snapshots.at(-1)!.view.memories;
      expect(memories).toHaveLength(1);
      return memories;
    });
    const [memory] = await openMemories(kept, openerFor(pair.key, pair.sealId));
    expect(memory!.title).toBe(opened.question!.text);
    expect(memory!.entries.map((e) => [e.seat, e.text])).toEqual([[first, words0]]);

    // Next question: the other answers first now. Then on through the sets early, both agreeing each time.
    await bothGoOn('question');
    await eventually(() => expect(ffView(ada).question).toMatchObject({ at: 1, set: 0, index: 1, first: second }));
    for (let at = 1; at <= 3; at++) {
      const q = await eventually(() => {
        const v = ffView(ada).question!;
        expect(v.at).toBe(at);
        return v;
      });
      for (const seat of [q.first, other(q.first)]) {
        const words = `${canary(`At${at}Seat${seat}`)} said aloud`;
        expect((await move(seat, { type: 'answer', at, words: await pair.seal(seat, ACTIVITY, wordsSlot(game, at), writeWords(words)) })).ok).toBe(true);
      }
      await bothGoOn('set');
    }
    await eventually(() => expect(ffView(ada)).toMatchObject({ phase: 'closing', question: null }));

    // The closing minute: one done is not enough; both, and the room asks closeness "after" at once.
    expect((await move(0, { type: 'closed', ready: true })).ok).toBe(true);
    expect(ffView(grace).phase).toBe('closing');
    expect((await move(1, { type: 'closed', ready: true })).ok).toBe(true);
    await eventually(() => expect(ffView(ada).phase).toBe('done'));
    expect((await answerClosenessBoth(['5', '6'])).moment).toBe('after');
    await eventually(() => expect(pair.view(0).closeness.history.map((h) => h.moment)).toEqual(['before', 'after']));

    // Going back is agreed: one is not enough, both end it, and nobody is named as ending it.
    expect((await move(0, { type: 'leave', ready: true })).ok).toBe(true);
    expect((await move(1, { type: 'leave', ready: true })).ok).toBe(true);
    expect((await pair.send(1, { type: 'end-activity' })).ok).toBe(true);
    await eventually(() => expect(ada.snapshots.at(-1)!.view.activity).toBeNull());
    expect(ada.snapshots.at(-1)!.view.ended).toBeNull();
    // The closeness "after" was asked as it finished: leaving asks nothing more.
    expect(pair.view(0).closeness.open).toBeNull();

    // Nothing anyone typed is anywhere the server or Redis could see.
    const redis = await redisSources(admin);
    expectMentions(redis.filter((s) => s.name.includes(roomId) && s.name.endsWith(':room')), entries[0]!.sealed);
    expectNoCanary([...canaries, 'kitchen radio', 'said aloud'], [...redis, logSource(logs), ...sent, received]);
    expect(sent.map((s) => s.text).join('\n')).toContain('"type":"answer"');
  });
});
