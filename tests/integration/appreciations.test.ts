// Appreciations between two real clients over Redis, everything sealed as the browser seals it with a
// real room key: until both have written, no frame to Grace holds anything of Ada's (not even sealed),
// and during the reading no frame holds a card before its turn; only the one it was written for answers;
// Grace drops off mid-reading and comes back to the same card; a star lands in Memories and opens; both
// leave together. Canaries typed in every appreciation are in no Redis value, stream entry, log line at
// trace level, or frame either client sent or the server received.
import { describe, expect, inject, it } from 'vitest';
import { starMemory, type State, type View } from '../../shared/activities/appreciations/index.js';
import { answerSlot, itemSlot, writeAnswer, writeAppreciation, type Answer } from '../../shared/activities/appreciations/model.js';
import { openView, starWords } from '../../shared/activities/appreciations/open.js';
import { memorySlot } from '../../shared/activities/types.js';
import { openMemories } from '../../shared/opened-room.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { expectMentions, expectNoCanary, logSource, redisSources } from '../support/canary.js';
import { recordedPair } from '../support/recorded-pair.js';
import { connected, eventually, useServerOnRedis, type Client } from '../support/server.js';
import { openerFor } from '../support/what-it-means-answers.js';

const redisUrl = inject('redisUrl');
const ACTIVITY = 'appreciations';

function appreciationsView(c: Client): View {
  const activity = c.snapshots.at(-1)?.view.activity;
  if (activity?.id !== 'appreciations') throw new Error('not started');
  return activity.view;
}

describe.runIf(redisUrl !== '')('Appreciations over Redis, sealed', () => {
  const world = useServerOnRedis('appreciations', { logLevel: 'trace' });

  it('hidden until both have written, then one card at a time; answers, a drop-off, a star and leaving together; no canary anywhere in the clear', { timeout: 30_000 }, async () => {
    const { admin, logs, store } = world;
    const { pair, people, sent, received, canaries, canary, move, version, framesTo } = await recordedPair(world);
    const { ada, grace, roomId } = pair;
    const stored = async () => (await store.load(roomId)).stored!.room.play.activity!.state as State;

    expect((await pair.send(0, { type: 'propose', activity: 'appreciations', options: {} })).ok).toBe(true);
    expect((await pair.send(0, { type: 'ready' })).ok).toBe(true);
    expect((await pair.send(1, { type: 'ready' })).ok).toBe(true);
    const game = await eventually(() => appreciationsView(ada).game);

    const written: [string[], string[]] = [[`I noticed ${canary('Ada0')} “quoted” ü`], [0, 1, 2].map((i) => `Thank you for ${canary(`Grace${i}`)}`)];
    const sealedItems = async (seat: SeatIndex) => Promise.all(written[seat].map((t, i) => pair.seal(seat, ACTIVITY, itemSlot(game, i), writeAppreciation(t))));

    // The server checks only the shape: words in the clear, none, or four are refused, and nothing changes.
    const before = await version();
    const refusals = await Promise.all([
      move(0, { type: 'share', items: ['I noticed you'] }),
      move(0, { type: 'share', items: [] }),
      move(0, { type: 'share', items: [...(await sealedItems(1)), ...(await sealedItems(1))].slice(0, 4) }),
      move(0, { type: 'answer', at: 0, answer: await pair.seal(0, ACTIVITY, 'x', 'felt') }),
    ]);
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['BAD_REQUEST', 'BAD_REQUEST', 'BAD_REQUEST', 'WRONG_PHASE']);
    expect(refusals.every((r) => !r.ok && r.error.message.length > 10)).toBe(true);
    expect(await version()).toBe(before);

    // Ada writes one; Grace hears only that she is done — no frame to Grace holds Ada's sealed text.
    const adas = await sealedItems(0);
    expect((await move(0, { type: 'share', items: adas })).ok).toBe(true);
    await eventually(() => expect(appreciationsView(grace).otherDone).toBe(true));
    expect(framesTo(grace)).not.toContain(adas[0]);
    expect(appreciationsView(grace)).toMatchObject({ total: 0, cards: [] });
    expect(ada.snapshots.at(-1)!.view.activity!.awaiting).toEqual({ seats: [1], private: true });

    // Grace writes three: the reading begins, taking turns, and each frame holds only the cards shown so far.
    expect((await move(1, { type: 'share', items: await sealedItems(1) })).ok).toBe(true);
    const order = (await stored()).order;
    expect(order).toHaveLength(4);
    const items = (await stored()).writers.map((w) => w.items);
    const sealedAt = (at: number) => items[order[at]!.from]![order[at]!.index]!;
    const answers: Answer[] = ['felt', 'more', 'keep', 'felt'];
    for (let at = 0; at < order.length; at++) {
      const turn = order[at]!;
      const to: SeatIndex = turn.from === 0 ? 1 : 0;
      await eventually(() => expect(appreciationsView(people[to]).cards).toHaveLength(at + 1));
      for (const c of people) for (let later = at + 1; later < order.length; later++) if (order[later]!.from !== people.indexOf(c)) expect(framesTo(c)).not.toContain(sealedAt(later));
      const opened = await openView(appreciationsView(people[to]), openerFor(pair.key, pair.sealId));
      expect(opened.cards[at]!.text).toBe(written[turn.from][turn.index]);

      const answer = await pair.seal(to, ACTIVITY, answerSlot(game, turn.from, turn.index), writeAnswer(answers[at]!));
      const byWriter = await move(turn.from, { type: 'answer', at, answer });
      expect(byWriter.ok ? 'ok' : byWriter.error.code).toBe('NOT_YOUR_TURN');
      if (at === 1) {
        // Read aloud on request, and Grace drops off mid-reading: she comes back to the same card.
        expect((await move(to, { type: 'aloud', at, on: true })).ok).toBe(true);
        const back = people[1];
        back.close();
        const seen = back.snapshots.length;
        back.socket.connect();
        await connected(back);
        // Every connect gets a full snapshot: the same card, still being read aloud.
        await eventually(() => expect(back.snapshots.length).toBeGreaterThan(seen));
        expect(appreciationsView(back)).toMatchObject({ aloud: 1, cards: { length: 2 } });
      }
      expect((await move(to, { type: 'answer', at, answer })).ok).toBe(true);
    }

    // While the reading is stored, Redis holds each appreciation sealed and nothing of it in the clear.
    const clear = [...canaries, ...written.flat(), '"felt"', '"Felt that"', 'Tell me more', 'Keeping this'];
    const mid = await redisSources(admin);
    expectMentions(mid.filter((s) => s.name.includes(roomId) && s.name.endsWith(':room')), sealedAt(3));
    expectNoCanary(clear, mid);

    // All read: both open every card and answer; Grace stars Ada's, sealing its words and her answer.
    const adaView = await eventually(async () => {
      const v = await openView(appreciationsView(ada), openerFor(pair.key, pair.sealId));
      expect(v.cards.every((c) => c.answered)).toBe(true);
      return v;
    });
    expect(adaView.cards.map((c) => c.text)).toEqual(order.map((t) => written[t.from][t.index]));
    expect(adaView.cards.map((c) => c.answer)).toEqual(answers);
    const adasCard = adaView.cards.find((c) => c.from === 0)!;
    const memory = starMemory(game, adasCard);
    const entries = await Promise.all(starWords(adasCard).map(async (w) => ({ seat: w.seat, sealed: await pair.seal(w.seat, ACTIVITY, memorySlot(memory.key), w.text) })));
    expect((await move(1, { type: 'star', at: adasCard.at, starred: true, entries })).ok).toBe(true);
    const kept = await eventually(() => {
      const memories = ada.snapshots.at(-1)!.view.memories;
      expect(memories).toHaveLength(1);
      return memories;
    });
    const [opened] = await openMemories(kept, openerFor(pair.key, pair.sealId));
    expect(opened!.title).toBe('An appreciation');
    expect(opened!.entries.map((e) => [e.seat, e.text])).toEqual([[0, written[0][0]], [1, answers[adasCard.at] === 'felt' ? 'Felt that' : answers[adasCard.at] === 'more' ? 'Tell me more' : 'Keeping this']]);

    // Going back is agreed: one is not enough, both end it.
    expect((await move(0, { type: 'leave', ready: true })).ok).toBe(true);
    expect(ada.snapshots.at(-1)!.view.activity?.id).toBe('appreciations');
    expect((await move(1, { type: 'leave', ready: true })).ok).toBe(true);
    // As the browser does once its tap made both ready; since both chose it, nobody is named as ending it.
    expect((await pair.send(1, { type: 'end-activity' })).ok).toBe(true);
    await eventually(() => expect(ada.snapshots.at(-1)!.view.activity).toBeNull());
    expect(ada.snapshots.at(-1)!.view.ended).toBeNull();

    // Nothing anyone wrote, nor an answer in the clear, is anywhere the server or Redis could see.
    const redis = await redisSources(admin);
    expectMentions(redis.filter((s) => s.name.includes(roomId) && s.name.endsWith(':room')), entries[0]!.sealed);
    expectNoCanary(clear, [...redis, logSource(logs), ...sent, received]);
    expect(sent.map((s) => s.text).join('\n')).toContain('"type":"share"');
  });
});
