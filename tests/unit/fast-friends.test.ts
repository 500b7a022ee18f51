// Fast friends as pure rules, with words sealed by a real key: the one answering first alternates question
// by question; each answers in turn, and nothing of the other's typed words (nor whether they passed)
// is in a view before both are done; a pass is a turn, never a question taken from the other; going on
// is agreed, to the next question or the next set; the closing minute ends it; stars keep what the
// starring browser sealed; a question's words leave the state once it is left; and the browser's side
// (padded words, strict to read back; who is ready for which way on) works as the screens need.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastFriends, firstAt, turnOf, type Move, type State } from '../../shared/activities/fast-friends/index.js';
import { closingAt, memoryKey, questionText, readWords, WORDS_MAX, wordsProblem, wordsSlot, writeWords } from '../../shared/activities/fast-friends/model.js';
import { minutesIn, openView, readyFor, starWords } from '../../shared/activities/fast-friends/open.js';
import { memorySlot, type MoveResult } from '../../shared/activities/types.js';
import { questionsOf, SET_COUNT } from '../../shared/content/fast-friends.js';
import { other, type SeatIndex } from '../../shared/core.js';
import { seededRng } from '../../shared/random.js';
import { makeRoomKey, SEALED_SIZES, fromBase64Url } from '../../shared/sealed/seal.js';
import { fakeSealed } from '../support/sealed.js';
import { openerFor, sealFor } from '../support/what-it-means-answers.js';

const ACTIVITY = 'fast-friends';
const ROOM = 'seal-id-fast-friend';
const key = await makeRoomKey();

const fresh = (seed = 1): State => fastFriends.setup({}, { audience: 'friends' }, seededRng(seed));
const act = (state: State, seat: SeatIndex, move: Move, now = 0): MoveResult<State> => fastFriends.move(state, seat, move, { now, rng: seededRng(1) });
function must(result: MoveResult<State>): State {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value.state;
}
const codeOf = (result: MoveResult<State>) => (result.ok ? 'ok' : result.error.code);
const both = (state: State, move: Move, now = 0) => must(act(must(act(state, 0, move, now)), 1, move, now));
const begin = (state: State, now = 0) => both(state, { type: 'next', to: 'question', ready: true }, now);
const secretOf = (seat: SeatIndex, at: number) => `secret words ${seat} at ${at}`;
const sealedWords = (state: State, seat: SeatIndex, text = secretOf(seat, state.current!.at)) =>
  sealFor(key, ROOM, seat, wordsSlot(state.game, state.current!.at), writeWords(text), ACTIVITY);

/** Both take their turn on the question on the table, in order: words, or a pass where `passes` says. */
async function answerBoth(state: State, passes: [boolean, boolean] = [false, false]): Promise<State> {
  for (let i = 0; i < 2; i++) {
    const seat = turnOf(state.current!)!;
    const at = state.current!.at;
    state = must(act(state, seat, passes[seat] ? { type: 'pass', at } : { type: 'answer', at, words: await sealedWords(state, seat) }));
  }
  return state;
}

describe('Fast friends: taking turns', () => {
  it('the one answering first alternates from question to question, across sets, whoever starts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(fc.boolean(), { minLength: 3, maxLength: 30 }), async (seed, skips) => {
        let state = begin(fresh(seed));
        const firsts: SeatIndex[] = [];
        for (const skip of skips) {
          if (state.phase !== 'questions') break;
          firsts.push(state.current!.first);
          expect(turnOf(state.current!)).toBe(state.current!.first);
          state = await answerBoth(state, [skip, false]);
          state = both(state, { type: 'next', to: skip ? 'set' : 'question', ready: true });
        }
        for (let i = 1; i < firsts.length; i++) expect(firsts[i]).toBe(other(firsts[i - 1]!));
        expect(firsts[0]).toBe(fresh(seed).starter);
      }),
      { numRuns: 40 },
    );
  });

  it('the first answers before the other; nobody answers twice; a turn for a question left behind is refused', async () => {
    let state = begin(fresh(3));
    const q = state.current!;
    const second = other(q.first);
    expect(codeOf(act(state, second, { type: 'answer', at: q.at, words: await sealedWords(state, second) }))).toBe('NOT_YOUR_TURN');
    expect(codeOf(act(state, second, { type: 'pass', at: q.at }))).toBe('NOT_YOUR_TURN');
    state = must(act(state, q.first, { type: 'answer', at: q.at, words: await sealedWords(state, q.first) }));
    expect(codeOf(act(state, q.first, { type: 'pass', at: q.at }))).toBe('ALREADY_ANSWERED');
    expect(fastFriends.awaiting(state)).toEqual({ seats: [second], private: true });
    state = must(act(state, second, { type: 'pass', at: q.at }));
    expect(fastFriends.awaiting(state)).toEqual({ seats: [0, 1], private: false });
    state = both(state, { type: 'next', to: 'question', ready: true });
    expect(codeOf(act(state, state.current!.first, { type: 'pass', at: q.at }))).toBe('NOT_FOUND');
  });

  it("nothing of the other seat's typed words, nor whether they passed, is in a view before both are done", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.boolean(), fc.string({ minLength: 1, maxLength: 40 }), async (seed, firstPasses, typed) => {
        let state = begin(fresh(seed));
        const q = state.current!;
        const words = await sealedWords(state, q.first, typed);
        const answered = must(act(state, q.first, firstPasses ? { type: 'pass', at: q.at } : { type: 'answer', at: q.at, words }));
        const theirs = fastFriends.view(answered, other(q.first));
        expect(JSON.stringify(theirs)).not.toContain(words);
        expect(theirs.question!.turns[q.first]).toEqual({ done: true, passed: null, words: null });
        // The same view whether they passed or wrote anything at all.
        const otherWay = must(act(state, q.first, firstPasses ? { type: 'answer', at: q.at, words } : { type: 'pass', at: q.at }));
        expect(fastFriends.view(otherWay, other(q.first))).toEqual(theirs);
        // Their own view keeps their own.
        expect(fastFriends.view(answered, q.first).question!.turns[q.first]).toEqual(firstPasses ? { done: true, passed: true, words: null } : { done: true, passed: false, words });
        // Once both are done, both see both.
        state = must(act(answered, other(q.first), { type: 'pass', at: q.at }));
        for (const seat of [0, 1] as const) expect(fastFriends.view(state, seat).question!.turns[q.first].passed).toBe(firstPasses);
      }),
      { numRuns: 40 },
    );
  });

  it('a pass is one person’s turn: the other still answers, and their words are shown', async () => {
    let state = begin(fresh(5));
    const q = state.current!;
    state = must(act(state, q.first, { type: 'pass', at: q.at }));
    const second = other(q.first);
    const words = await sealedWords(state, second, 'I would say the sea');
    state = must(act(state, second, { type: 'answer', at: q.at, words }));
    const opened = await openView(fastFriends.view(state, q.first), openerFor(key, ROOM));
    expect(opened.question!.turns[second]).toMatchObject({ done: true, passed: false, words: 'I would say the sea' });
    expect(opened.question!.turns[q.first]).toMatchObject({ done: true, passed: true, words: null });
  });
});

describe('Fast friends: going on together', () => {
  it('begins only once both are ready, and the first set starts its clock then', () => {
    const state = fresh(2);
    expect(fastFriends.awaiting(state)).toEqual({ seats: [0, 1], private: false });
    const one = must(act(state, 0, { type: 'next', to: 'question', ready: true }, 1000));
    expect(one.phase).toBe('intro');
    expect(codeOf(act(one, 0, { type: 'next', to: 'question', ready: true }))).toBe('ALREADY_READY');
    const started = must(act(one, 1, { type: 'next', to: 'question', ready: true }, 5000));
    expect(started).toMatchObject({ phase: 'questions', current: { at: 0, set: 0, index: 0 }, setStartedAt: [5000, null, null] });
    expect(minutesIn(fastFriends.view(started, 0), 5000 + 16 * 60_000)).toBe(16);
  });

  it('one tap never moves the other: next waits for both; different ways on wait for either to go along in one tap (issue 1)', async () => {
    let state = await answerBoth(begin(fresh(4)));
    const waiting = must(act(state, 0, { type: 'next', to: 'question', ready: true }));
    expect(waiting.current!.index).toBe(0);
    expect(fastFriends.awaiting(waiting)).toEqual({ seats: [1], private: false });
    const apart = must(act(waiting, 1, { type: 'next', to: 'set', ready: true }));
    expect(apart.current!.at).toBe(0);
    expect(apart.going).toEqual(['question', 'set']);
    expect(fastFriends.awaiting(apart)).toEqual({ seats: [0, 1], private: false });
    expect(codeOf(act(apart, 1, { type: 'next', to: 'set', ready: true }))).toBe('ALREADY_READY');
    const changed = must(act(apart, 0, { type: 'next', to: 'set', ready: true }, 9000));
    expect(changed.current).toMatchObject({ set: 1, index: 0, at: 1 });
    expect(changed.setStartedAt[1]).toBe(9000);
    const along = must(act(apart, 1, { type: 'next', to: 'question', ready: true }));
    expect(along.current).toMatchObject({ set: 0, index: 1, at: 1 });
    const takenBack = must(act(apart, 0, { type: 'next', to: 'question', ready: false }));
    expect(takenBack.going).toEqual([null, 'set']);
    expect(codeOf(act(state, 0, { type: 'next', to: 'set', ready: false }))).toBe('NOT_POSSIBLE');
    state = must(act(state, 0, { type: 'next', to: 'set', ready: true }));
    expect(readyFor(fastFriends.view(state, 1), 'set')).toEqual([true, false]);
    expect(readyFor(fastFriends.view(state, 1), 'question')).toEqual([false, false]);
  });

  it('one pace for two: after any taps, each can always agree with the other in one tap, and no tap changes the other’s choice (issue 1)', async () => {
    const answered = await answerBoth(begin(fresh(11)));
    const tap = fc.record({
      seat: fc.constantFrom<SeatIndex>(0, 1),
      to: fc.constantFrom('question' as const, 'set' as const),
      ready: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(tap, { maxLength: 12 }), fc.constantFrom<SeatIndex>(0, 1), (taps, last) => {
        let state = answered;
        for (const t of taps) {
          const result = act(state, t.seat, { type: 'next', to: t.to, ready: t.ready });
          if (!result.ok) continue;
          const next = result.value.state;
          if (next.current!.at !== state.current!.at) return; // they agreed and moved on: nothing left to resolve
          expect(next.going[other(t.seat)]).toBe(state.going[other(t.seat)]);
          expect(next.going[t.seat]).toBe(t.ready ? t.to : null);
          state = next;
        }
        // Whoever is stuck waiting is awaited, and one tap each resolves it: the last to tap goes along
        // with a choice that is on the table (or any way, if none is), and the pair moves on.
        const seat = last;
        const theirs = state.going[other(seat)];
        const mine = state.going[seat];
        if (mine !== null && theirs !== null) expect(fastFriends.awaiting(state).seats).toEqual([0, 1]);
        let agreed = state;
        if (theirs === null) agreed = must(act(agreed, other(seat), { type: 'next', to: mine ?? 'question', ready: true }));
        const target = agreed.going[other(seat)]!;
        if (agreed.current!.at === state.current!.at && agreed.going[seat] !== target) agreed = must(act(agreed, seat, { type: 'next', to: target, ready: true }));
        expect(agreed.current!.at).toBe(state.current!.at + 1);
        expect(agreed.going).toEqual([null, null]);
      }),
      { numRuns: 300 },
    );
  });

  it('ended mid-way it is kept, with where it was for the lobby; the intro and the end are not (issue 2)', async () => {
    const intro = fresh(12);
    expect(fastFriends.keep!(intro)).toBe(false);
    let state = begin(intro);
    expect(fastFriends.keep!(state)).toBe(true);
    expect(fastFriends.summary!(state)).toBe('Set 1, question 1');
    state = both(await answerBoth(state), { type: 'next', to: 'set', ready: true });
    for (let i = 0; i < 3; i++) state = both(await answerBoth(state), { type: 'next', to: 'question', ready: true });
    expect(state.current).toMatchObject({ set: 1, index: 3 });
    expect(fastFriends.summary!(state)).toBe('Set 2, question 4');
    expect(fastFriends.view(state, 0)).toMatchObject({ set: 1, question: { set: 1, index: 3 } });
    state = both(await answerBoth(state), { type: 'next', to: 'set', ready: true });
    state = both(await answerBoth(state), { type: 'next', to: 'set', ready: true });
    expect(state.phase).toBe('closing');
    expect(fastFriends.keep!(state)).toBe(true);
    expect(fastFriends.summary!(state)).toBe('the closing minute');
    expect(fastFriends.keep!(both(state, { type: 'closed', ready: true }))).toBe(false);
  });

  it('at the last question of a set either way leads on to the next set; after the last set comes the closing minute', async () => {
    let state = begin(fresh(6));
    for (let set = 0; set < SET_COUNT; set++) {
      const size = questionsOf(set).length;
      for (let index = 0; index < size; index++) {
        expect(state.current).toMatchObject({ set, index });
        state = await answerBoth(state);
        const last = index === size - 1;
        expect(fastFriends.view(state, 0).question!.lastInSet).toBe(last);
        state = must(act(state, 0, { type: 'next', to: 'question', ready: true }));
        if (last) expect(readyFor(fastFriends.view(state, 1), 'set')).toEqual([true, false]);
        state = must(act(state, 1, { type: 'next', to: last ? 'set' : 'question', ready: true }));
      }
    }
    expect(state).toMatchObject({ phase: 'closing', current: null, asked: questionsOf(0).length + questionsOf(1).length + questionsOf(2).length });
    expect(fastFriends.awaiting(state)).toEqual({ seats: [0, 1], private: false });
    expect(fastFriends.finished(state)).toBe(false);
    const one = must(act(state, 1, { type: 'closed', ready: true }));
    expect(codeOf(act(one, 1, { type: 'closed', ready: true }))).toBe('ALREADY_READY');
    const done = must(act(one, 0, { type: 'closed', ready: true }));
    expect(fastFriends.finished(done)).toBe(true);
    expect(fastFriends.awaiting(done)).toEqual({ seats: [], private: false });
    expect(fastFriends.asksAfterAtFinish).toBe(true);
    expect(fastFriends.leftTogether!(must(act(done, 0, { type: 'leave', ready: true })))).toBe(false);
    expect(fastFriends.leftTogether!(both(done, { type: 'leave', ready: true }))).toBe(true);
  });

  it('from the last set, moving on early goes to the closing minute', async () => {
    let state = begin(fresh(7));
    for (let set = 0; set < SET_COUNT; set++) state = both(await answerBoth(state), { type: 'next', to: 'set', ready: true });
    expect(state.phase).toBe('closing');
    expect(state.asked).toBe(SET_COUNT);
  });

  it('before both are done, nobody can go on; and nothing of an earlier question stays in the state', async () => {
    let state = begin(fresh(8));
    expect(codeOf(act(state, 0, { type: 'next', to: 'question', ready: true }))).toBe('WRONG_PHASE');
    state = await answerBoth(state);
    const words = state.current!.turns.map((t) => t?.words);
    state = both(state, { type: 'next', to: 'question', ready: true });
    for (const w of words) expect(JSON.stringify(state)).not.toContain(w!);
  });
});

describe('Fast friends: stars', () => {
  it('either can star a question both answered; it keeps the question as its title and the words the browser sealed', async () => {
    let state = begin(fresh(9));
    const at = state.current!.at;
    expect(codeOf(act(state, 0, { type: 'star', at, starred: true, entries: [] }))).toBe('WRONG_PHASE');
    state = await answerBoth(state, [false, true]);
    const keptKey = memoryKey(state.game, at);
    const entry = { seat: 0 as SeatIndex, sealed: await sealFor(key, ROOM, 0, memorySlot(keptKey), 'kept words', ACTIVITY) };
    // Seat 1 passed: there are no words of theirs to keep.
    expect(codeOf(act(state, 1, { type: 'star', at, starred: true, entries: [{ seat: 1, sealed: entry.sealed }] }))).toBe('BAD_REQUEST');
    const starred = act(state, 1, { type: 'star', at, starred: true, entries: [entry] });
    expect(starred.ok && starred.value.memories).toEqual([
      { key: keptKey, title: questionText(questionsOf(0)[0]!.text, null), entries: [{ seat: 0, slot: memorySlot(keptKey), sealed: entry.sealed }] },
    ]);
    state = must(starred);
    expect(codeOf(act(state, 0, { type: 'star', at, starred: true, entries: [] }))).toBe('NOT_POSSIBLE');
    state = both(state, { type: 'next', to: 'question', ready: true });
    expect(fastFriends.view(state, 0).starred).toEqual([questionsOf(0)[0]!.text]);
  });

  it('what a star keeps is the words each typed: none for a pass or an answer given aloud', async () => {
    let state = begin(fresh(10));
    const q = state.current!;
    state = must(act(state, q.first, { type: 'answer', at: q.at, words: await sealedWords(state, q.first, '') }));
    state = must(act(state, other(q.first), { type: 'answer', at: q.at, words: await sealedWords(state, other(q.first), 'the garden') }));
    const opened = await openView(fastFriends.view(state, 0), openerFor(key, ROOM));
    expect(starWords(opened.question!)).toEqual([{ seat: other(q.first), text: 'the garden' }]);
  });
});

describe('Fast friends: the browser side', () => {
  it('words are padded so every answer seals to the same size, and read back strictly', async () => {
    const sizes = new Set<number>();
    for (const text of ['', 'yes', 'x'.repeat(WORDS_MAX), 'ü'.repeat(WORDS_MAX)]) {
      expect(readWords(writeWords(text))).toBe(text);
      sizes.add(fromBase64Url(await sealFor(key, ROOM, 0, 'words:g:0', writeWords(text), ACTIVITY))!.length);
    }
    expect([...sizes]).toEqual([SEALED_SIZES[2]]);
    for (const broken of ['', 'words', '{"words":3}', JSON.stringify({ words: 'x'.repeat(WORDS_MAX + 1) })]) expect(readWords(broken)).toBeNull();
    expect(wordsProblem('x'.repeat(WORDS_MAX + 1))).toMatch(/280/);
    expect(wordsProblem('')).toBeNull();
  });

  it('words sealed for another question, seat or room do not open: the screen says so and the rest works', async () => {
    let state = begin(fresh(11));
    const q = state.current!;
    const elsewhere = await sealFor(key, ROOM, q.first, wordsSlot(state.game, q.at + 1), writeWords('moved here'), ACTIVITY);
    state = must(act(state, q.first, { type: 'answer', at: q.at, words: elsewhere }));
    state = must(act(state, other(q.first), { type: 'answer', at: q.at, words: fakeSealed('garbage', SEALED_SIZES[2]) }));
    const opened = await openView(fastFriends.view(state, 0), openerFor(key, ROOM));
    expect(opened.question!.turns.map((t) => t.unreadable)).toEqual([true, true]);
  });

  it('the closing minute gives each line an equal share, counts down, and ends at the minute', () => {
    expect(closingAt(0, 5, 60)).toEqual({ line: 0, left: 60, over: false });
    expect(closingAt(12.5, 5, 60)).toEqual({ line: 1, left: 48, over: false });
    expect(closingAt(59.9, 5, 60)).toEqual({ line: 4, left: 1, over: false });
    expect(closingAt(600, 5, 60)).toEqual({ line: 4, left: 0, over: true });
    fc.assert(
      fc.property(fc.double({ min: -5, max: 120, noNaN: true }), fc.double({ min: -5, max: 120, noNaN: true }), (a, b) => {
        const [x, y] = [closingAt(Math.min(a, b), 5, 60), closingAt(Math.max(a, b), 5, 60)];
        expect(x.line).toBeLessThanOrEqual(y.line);
        expect(x.left).toBeGreaterThanOrEqual(y.left);
        expect(y.line).toBeGreaterThanOrEqual(0);
        expect(y.line).toBeLessThan(5);
      }),
    );
  });

  it('{them} reads as the other person by name, or as "each other" where nobody in particular is meant', () => {
    expect(questionText('What did you first notice about {them}?', 'Sam')).toBe('What did you first notice about Sam?');
    expect(questionText('What did you first notice about {them}?', null)).toBe('What did you first notice about each other?');
    expect(firstAt(1, 0)).toBe(1);
    expect(firstAt(1, 3)).toBe(0);
  });
});
