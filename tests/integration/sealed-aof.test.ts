// A sealed room leaves no word anyone typed in the clear anywhere the server side can see: a real server
// on a Redis with `appendonly yes` (its adapter stream on, as whenever rooms are in Redis), two real
// clients whose names carry canaries, who answer the closeness circles sealed, write canary sentences in
// What intimacy means to me and star one into Memories, plan something together with canaries in every
// field and thank each other, then play a Question Swap card (answers, a reaction, a star); then the room
// is erased.
// No canary, nor the room key, nor a closeness answer in the clear, may be in any Redis value, the stream
// (read before the erase scrubs it), the append-only files, the logs at trace, or any frame either side saw.
import { nanoid } from 'nanoid';
import { afterAll, describe, expect, it } from 'vitest';
import { answerSlot, memoryKeyOf, reactionSlot } from '../../shared/activities/question-swap/model.js';
import { starMemory } from '../../shared/activities/what-it-means/index.js';
import { openView, starWords } from '../../shared/activities/what-it-means/open.js';
import { memorySlot } from '../../shared/activities/types.js';
import { CLOSENESS_ACTIVITY, closenessSlot, readCloseness } from '../../shared/closeness.js';
import { STARTERS } from '../../shared/content/starters.js';
import { INTIMACY_KINDS } from '../../shared/intimacy.js';
import { openView as openPlanView } from '../../shared/activities/plan-together/open.js';
import * as planMakers from '../../shared/activities/plan-together/sealed-moves.js';
import { openMemories } from '../../shared/opened-room.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { exportRoomKey } from '../../shared/sealed/seal.js';
import { expectMentions, expectNoCanary, logSource, recordSent, redisSources, streamSources, type Source, startAofWorld, type AofWorld } from '../support/canary.js';
import { redisServerInstalled } from '../support/redis-server.js';
import { planBrowser } from '../support/plan-sealed.js';
import { sealedPair, untilClosenessAsked } from '../support/sealed-pair.js';
import { answerMoves, openerFor, ratingsOf } from '../support/what-it-means-answers.js';
import { cid, eventually } from '../support/server.js';

/** A plan's dates hold no words: distinctive days stand in for canaries (two steps and the target). */
const PLAN_DATES = ['2031-07-01', '2031-07-02', '2031-08-09'];

/** A closeness answer sent in the clear would look like this in a frame, a log line or a stored room. */
const PLAIN_CLOSENESS = [/"type":"closeness","id":"[^"]*","value":\d/, /"answers":\[\d/, /"answers":\[null,\d/];

describe.runIf(redisServerInstalled())('a sealed room, on a Redis that keeps an append-only file', () => {
  let world: AofWorld | undefined;
  afterAll(() => world?.close());

  it('leaves no canary in Redis, its AOF, the stream, the logs at trace or any frame, before or after the erase', { timeout: 60_000 }, async () => {
    const prefix = `aof-${nanoid(8)}`;
    world = await startAofWorld(prefix);
    const { redis, admin, server, logs, received, clients } = world;
    const sent: Source[] = [];
    const canaries = [`Adacanary${nanoid(8)}`, `Gracecanary${nanoid(8)}`, `Sentencecanary${nanoid(8)}`, `Plancanary${nanoid(8)}`, `Swapcanary${nanoid(8)}`];

    const pair = await sealedPair(server.url, [`Ada ${canaries[0]}`, `Grace ${canaries[1]}`], {
      onClient: (c, name) => sent.push(recordSent(c, name)),
    });
    clients.push(pair.ada, pair.grace);
    const keyText = await exportRoomKey(pair.key);

    const question = await untilClosenessAsked(pair);
    const slot = closenessSlot(question.id);
    for (const [seat, value] of [[0, '6'], [1, '3']] as const) {
      const answer = await pair.send(seat, { type: 'closeness', id: question.id, value: await pair.seal(seat, CLOSENESS_ACTIVITY, slot, value) });
      expect(answer.ok).toBe(true);
    }
    for (const seat of [0, 1] as const) {
      const revealed = await eventually(() => {
        const h = pair.view(seat).closeness.history.at(-1);
        if (!h) throw new Error('not revealed yet');
        return h;
      });
      const opened = await Promise.all(([0, 1] as const).map((s) => pair.open(s, CLOSENESS_ACTIVITY, slot, revealed.values[s])));
      expect(opened.map(readCloseness)).toEqual([6, 3]);
      const names = await Promise.all(([0, 1] as const).map((s) => pair.open(s, 'room', 'name', pair.view(seat).seats[s]!.name)));
      expect(names).toEqual([`Ada ${canaries[0]}`, `Grace ${canaries[1]}`]);
    }

    // What intimacy means to me (sealed on main): canary sentences from both, the reveal, and a star.
    const sentencesOf = (seat: SeatIndex) =>
      STARTERS.slice(seat, seat + 3).map((st, i) => ({ starterId: st.id, text: `${canaries[2]} seat${seat} sentence${i}` }));
    for (const seat of [0, 1] as const) {
      const answers = { ranking: seat === 0 ? [...INTIMACY_KINDS] : [...INTIMACY_KINDS].reverse(), ratings: ratingsOf(seat + 2, 4), sentences: sentencesOf(seat) };
      for (const move of await answerMoves(pair.key, pair.sealId, seat, answers)) expect((await pair.send(seat, { type: 'move', move })).ok).toBe(true);
      expect((await pair.send(seat, { type: 'move', move: { type: 'done' } })).ok).toBe(true);
    }
    const revealed = await eventually(() => {
      const activity = pair.view(1).activity;
      if (activity?.id !== 'what-it-means' || !activity.view.revealed) throw new Error('not revealed yet');
      return activity.view;
    });
    const opened = await openView(revealed, openerFor(pair.key, pair.sealId));
    expect(opened.both!.map((e) => e.sentences)).toEqual([sentencesOf(0), sentencesOf(1)]);
    const target = { part: 'sentence' as const, index: 1 };
    const memory = starMemory(target);
    const entries = await Promise.all(
      starWords(opened, target).map(async (w) => ({ seat: w.seat, sealed: await pair.seal(w.seat, 'what-it-means', memorySlot(memory.key), w.text) })),
    );
    expect((await pair.send(1, { type: 'move', move: { type: 'star', target, starred: true, entries } })).ok).toBe(true);
    const kept = await eventually(() => {
      const memories = pair.view(0).memories;
      expect(memories).toHaveLength(1);
      return memories;
    });
    expect((await openMemories(kept, openerFor(pair.key, pair.sealId)))[0]!.entries.map((e) => e.text).join(' ')).toContain(canaries[2]);

    // Plan something together (sealed on main): canary ideas, steps and their dates, why it matters, the
    // target date, things needed and the thanks, made and sealed as the browsers make them.
    expect((await pair.send(0, { type: 'end-activity' })).ok).toBe(true);
    await pair.send(0, { type: 'propose', activity: 'plan-together', options: {} });
    await pair.send(0, { type: 'ready' });
    await pair.send(1, { type: 'ready' });
    const planner = await planBrowser(pair.sealId, pair.key);
    const planMove = async (seat: SeatIndex, move: Record<string, unknown>) => expect((await pair.send(seat, { type: 'move', move })).ok).toBe(true);
    const sealedMove = async (seat: SeatIndex, maker: planMakers.Maker) => planMove(seat, await planner.make(seat, maker));
    const planOf = (seat: SeatIndex) => {
      const activity = pair.view(seat).activity;
      if (activity?.id !== 'plan-together') throw new Error('no plan yet');
      return activity.view;
    };
    for (const seat of [0, 1] as const) {
      await eventually(() => planOf(seat));
      await sealedMove(seat, planMakers.addIdea({ text: `${canaries[3]} idea${seat}` }, []));
      await planMove(seat, { type: 'ideas-done' });
    }
    const chosen = await eventually(() => planOf(0).pool[0]!.id);
    for (const seat of [0, 1] as const) await planMove(seat, { type: 'vote', ideaId: chosen, on: true });
    for (const seat of [0, 1] as const) await planMove(seat, { type: 'votes-done' });
    await eventually(() => expect(planOf(1).phase).toBe('plan'));
    for (const seat of [0, 1] as const) {
      await sealedMove(seat, planMakers.addStep({ text: `${canaries[3]} step${seat}`, owner: 'both', date: PLAN_DATES[seat]! }, seat));
      await sealedMove(seat, planMakers.setWhy(`${canaries[3]} why${seat}`));
      await sealedMove(seat, planMakers.addNeed(`${canaries[3]} need${seat}`));
    }
    await sealedMove(1, planMakers.setTarget(PLAN_DATES[2]!, false));
    for (const seat of [0, 1] as const) await planMove(seat, { type: 'finish', ready: true });
    for (const seat of [0, 1] as const) await sealedMove(seat, planMakers.appreciate(`${canaries[3]} thanks${seat}`));
    const thanked = await eventually(() => {
      const view = planOf(0);
      expect(view.appreciations.every((a) => a !== null)).toBe(true);
      return view;
    });
    const openedPlan = await openPlanView(thanked, planner.opener);
    expect(openedPlan.plan!.steps.map((st) => [st.text, st.date])).toEqual([
      [`${canaries[3]} step0`, PLAN_DATES[0]],
      [`${canaries[3]} step1`, PLAN_DATES[1]],
    ]);
    expect(openedPlan.appreciations).toEqual([`${canaries[3]} thanks0`, `${canaries[3]} thanks1`]);

    // Question Swap (sealed on main): a canary answer from each, the reveal, a sealed reaction and a star.
    expect((await pair.send(0, { type: 'end-activity' })).ok).toBe(true);
    await pair.send(0, { type: 'propose', activity: 'question-swap', options: { answerMode: 'write' } });
    await pair.send(0, { type: 'ready' });
    await pair.send(1, { type: 'ready' });
    const swapOf = (seat: SeatIndex) => {
      const activity = pair.view(seat).activity;
      if (activity?.id !== 'question-swap' || !activity.view.round) throw new Error('no card yet');
      return activity.view;
    };
    for (const seat of [0, 1] as const) {
      await eventually(() => expect(pair.view(seat).activity?.id).toBe('question-swap'));
      const move = { type: 'consent', kinds: ['emotional', 'intellectual', 'experiential'], maxDepth: 3 };
      expect((await pair.send(seat, { type: 'move', move })).ok).toBe(true);
    }
    const card = await eventually(() => swapOf(1).round!.card);
    for (const seat of [0, 1] as const) {
      // What a browser seals for any card type: the words, and a pick and a guess the card may take.
      const words = JSON.stringify({ text: `${canaries[4]} answer${seat}`, choice: 0, guess: 1 });
      const move = { type: 'answer', cardId: card.id, sealed: await pair.seal(seat, 'question-swap', answerSlot(card.id), words) };
      expect((await pair.send(seat, { type: 'move', move })).ok).toBe(true);
    }
    const shown = await eventually(() => {
      const round = swapOf(0).round!;
      if (!round.revealed || !round.answers) throw new Error('not revealed yet');
      return round;
    });
    expect(await pair.open(1, 'question-swap', answerSlot(card.id), shown.answers![1]!)).toContain(`${canaries[4]} answer1`);
    const reaction = await pair.seal(0, 'question-swap', reactionSlot(card.id), 'tell-me-more');
    expect((await pair.send(0, { type: 'move', move: { type: 'react', cardId: card.id, reaction } })).ok).toBe(true);
    const swapKey = memoryKeyOf(shown.number, card.id);
    const swapEntries = await Promise.all(([0, 1] as const).map(async (seat) => ({ seat, sealed: await pair.seal(seat, 'question-swap', memorySlot(swapKey), `${canaries[4]} kept${seat}`) })));
    expect((await pair.send(1, { type: 'move', move: { type: 'star', cardId: card.id, starred: true, entries: swapEntries } })).ok).toBe(true);
    const swapMemory = await eventually(() => {
      const kept = pair.view(0).memories.find((m) => m.id === swapKey);
      if (!kept) throw new Error('not kept yet');
      return kept;
    });
    expect((await openMemories([swapMemory], openerFor(pair.key, pair.sealId)))[0]!.entries.map((e) => e.text)).toEqual([`${canaries[4]} kept0`, `${canaries[4]} kept1`]);

    const streamsBefore = await streamSources(admin);
    const redisBefore = await redisSources(admin);
    expect(streamsBefore.length, 'the adapter stream is on').toBeGreaterThan(0);
    expect(await pair.ada.socket.emitWithAck('room:erase', { commandId: cid() })).toEqual({ ok: true });
    const redisAfter = await redisSources(admin);
    const aof = await redis.files();

    // Each place searched really held the room (its seal id travels in every view and stored document).
    const aofFiles = aof.filter((f) => f.name.endsWith('.aof'));
    expect(aofFiles.length, 'Redis wrote append-only files').toBeGreaterThan(0);
    expectMentions([{ name: 'aof files', text: aofFiles.map((f) => f.text).join('\n') }, ...streamsBefore, received], pair.sealId);
    expectMentions(sent, 'room:command');
    expect(logs.join('\n')).toContain('room created');
    expect(redisAfter.some((s) => s.text.includes(pair.sealId)), 'nothing of the room is left after the erase').toBe(false);

    expectNoCanary([...canaries, ...PLAN_DATES, keyText, ...PLAIN_CLOSENESS], [...redisBefore, ...streamsBefore, ...redisAfter, ...aof, logSource(logs), received, ...sent]);

    // The erased room's ciphertext is still in the AOF until Redis rewrites it (why the README and
    // docker-compose.yml make rewrites frequent); after a rewrite nothing of it is on disk.
    expect(aofFiles.some((f) => f.text.includes(pair.sealId))).toBe(true);
    await redis.rewrite();
    const rewritten = await redis.files();
    // The new base (an RDB preamble) holds what is left, the rate limits and the stream, but not the room.
    const base = rewritten.find((f) => f.name.endsWith('.base.rdb'));
    expect(base?.text).toContain(`${prefix}:sio`);
    expect(rewritten.filter((f) => f.text.includes(pair.sealId)).map((f) => f.name)).toEqual([]);
  });
});
