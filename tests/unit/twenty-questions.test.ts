// 20 Questions' pure rules: the round from the thing to the reveal, the counter, guesses and their verdicts,
// the hint after question 10, the thing reaching the asker only at the reveal, the story and the star,
// swapping roles as an agreed step; and the shape of the prompt deck.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROMPT_KINDS, PROMPTS, promptsFor } from '../../shared/content/twenty-questions.js';
import { other, type Audience, type SeatIndex } from '../../shared/core.js';
import {
  HINT_AFTER,
  MAX_GUESSES,
  MEMORY_TITLE,
  memoryKeyOf,
  moveSchema,
  QUESTIONS,
  readAnswer,
  readThing,
  twentyQuestions as tq,
  writeAnswer,
  writeThing,
  answerSlot,
  guessSlot,
  questionSlot,
  thingSlot,
  type Move,
  type State,
} from '../../shared/activities/twenty-questions/index.js';
import { openView, starWords } from '../../shared/activities/twenty-questions/open.js';
import { UNREADABLE, type Opener } from '../../shared/sealed/opener.js';
import { seededRng } from '../../shared/random.js';
import * as v from 'valibot';
import { context } from '../support/activity-walk.js';
import { sealedAround } from '../support/sealed.js';
import { nearDuplicates } from '../support/similarity.js';

const AUDIENCES: Audience[] = ['partners', 'friends', 'family'];

function start(audience: Audience = 'partners', seed = 1): State {
  return tq.setup({}, { audience }, seededRng(seed));
}

/** Plays a move that must be accepted, and returns the new state (and its memories). */
function play(state: State, seat: SeatIndex, move: Move) {
  expect(v.is(moveSchema, move), JSON.stringify(move)).toBe(true);
  const result = tq.move(state, seat, move, context(7));
  if (!result.ok) throw new Error(`${JSON.stringify(move)} refused: ${result.error.message}`);
  return result.value;
}

function refused(state: State, seat: SeatIndex, move: Move) {
  const result = tq.move(state, seat, move, context(7));
  if (result.ok) throw new Error(`${JSON.stringify(move)} was accepted`);
  expect(result.error.message.length).toBeGreaterThan(10);
  return result.error;
}

function chosen(audience: Audience = 'partners', seed = 1): { state: State; thinker: SeatIndex; asker: SeatIndex } {
  const state = start(audience, seed);
  const thinker = state.thinker;
  return { state: play(state, thinker, { type: 'choose', thing: sealedAround('THING', 1024) }).state, thinker, asker: other(thinker) };
}

/** Asks and answers questions until `count` are answered. */
function askAndAnswer(state: State, thinker: SeatIndex, count: number): State {
  let s = state;
  while (s.questions.length < count) {
    const n = s.questions.length + 1;
    s = play(s, other(thinker), { type: 'ask', n, words: n % 2 ? sealedAround(`Q${n}`, 1024) : null }).state;
    s = play(s, thinker, { type: 'answer', n, answer: sealedAround(`A${n}`) }).state;
  }
  return s;
}

describe('the prompt deck', () => {
  it('has at least 30 prompts, with unique ids, across all five kinds', () => {
    expect(PROMPTS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(PROMPTS.map((p) => p.id)).size).toBe(PROMPTS.length);
    for (const kind of PROMPT_KINDS) expect(PROMPTS.filter((p) => p.kind === kind).length, kind).toBeGreaterThanOrEqual(5);
  });

  it('offers every audience at least three prompts of every kind, and friends and family some of their own', () => {
    for (const audience of AUDIENCES) {
      for (const kind of PROMPT_KINDS) expect(promptsFor(audience).filter((p) => p.kind === kind).length, `${audience} ${kind}`).toBeGreaterThanOrEqual(3);
      expect(PROMPTS.some((p) => p.audiences.length === 1 && p.audiences[0] === audience), audience).toBe(true);
    }
  });

  it('reads as short suggestions: sentence case, no full stop, under 60 characters, no near-duplicates', () => {
    for (const p of PROMPTS) {
      expect(p.text, p.id).toMatch(/^\p{Lu}/u);
      expect(p.text, p.id).not.toMatch(/[.!?]$/);
      expect(p.text.length, p.id).toBeLessThanOrEqual(60);
      expect(p.audiences.length, p.id).toBeGreaterThan(0);
    }
    expect(nearDuplicates(PROMPTS)).toEqual([]);
  });
});

describe('choosing the thing', () => {
  it('offers the thinker one prompt of each kind for the room, and nobody else any', () => {
    fc.assert(
      fc.property(fc.constantFrom(...AUDIENCES), fc.nat(), (audience, seed) => {
        const state = start(audience, seed);
        const mine = tq.view(state, state.thinker);
        expect(mine.prompts.map((p) => p.kind)).toEqual([...PROMPT_KINDS]);
        for (const p of mine.prompts) expect(PROMPTS.find((d) => d.id === p.id)?.audiences).toContain(audience);
        expect(tq.view(state, other(state.thinker)).prompts).toEqual([]);
      }),
    );
  });

  it('draws other prompts when asked, and only for the thinker', () => {
    const state = start('partners', 3);
    const next = play(state, state.thinker, { type: 'prompts' }).state;
    expect(next.prompts).toHaveLength(PROMPT_KINDS.length);
    expect(next.prompts.every((id, i) => id !== state.prompts[i])).toBe(true);
    expect(refused(state, other(state.thinker), { type: 'prompts' }).code).toBe('NOT_YOUR_TURN');
  });

  it('is the thinker’s alone and private; the asker is told they are choosing', () => {
    const state = start();
    expect(tq.awaiting(state)).toEqual({ seats: [state.thinker], private: true });
    expect(refused(state, other(state.thinker), { type: 'ask', n: 1, words: null }).message).toMatch(/still choosing/);
    expect(refused(state, other(state.thinker), { type: 'choose', thing: sealedAround('MINE', 1024) }).code).toBe('NOT_YOUR_TURN');
  });

  it('moves on to the questions, seen by both, and cannot be changed for the round', () => {
    const { state, thinker, asker } = chosen();
    expect(state.phase).toBe('asking');
    expect(tq.awaiting(state)).toEqual({ seats: [asker], private: false });
    expect(refused(state, thinker, { type: 'choose', thing: sealedAround('OTHER', 1024) }).code).toBe('WRONG_PHASE');
  });
});

describe('the thing stays the thinker’s until the reveal', () => {
  it('never reaches the asker’s view before the reveal, whatever is played', () => {
    const moveArb = fc.oneof(
      fc.record({ type: fc.constant('ask' as const), n: fc.integer({ min: 1, max: 20 }), words: fc.constant(null) }),
      fc.record({ type: fc.constant('answer' as const), n: fc.integer({ min: 1, max: 20 }), answer: fc.constant(sealedAround('A')) }),
      fc.record({ type: fc.constant('guess' as const), n: fc.integer({ min: 1, max: 10 }), words: fc.constant(sealedAround('G')) }),
      fc.record({ type: fc.constant('judge' as const), n: fc.integer({ min: 1, max: 10 }), right: fc.boolean() }),
      fc.constant({ type: 'ask-hint' as const }),
      fc.constant({ type: 'give-up' as const }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom<SeatIndex>(0, 1), moveArb), { maxLength: 80 }), (moves) => {
        let { state, asker } = chosen();
        for (const [seat, m] of moves) {
          const result = tq.move(state, seat, m, context(1));
          if (result.ok) state = result.value.state;
          const seen = JSON.stringify(tq.view(state, asker));
          expect(seen.includes('THING')).toBe(state.phase === 'revealed');
          expect(tq.view(state, asker).questionsLeft).toBe(QUESTIONS - state.questions.length);
          expect(state.questions.length).toBeLessThanOrEqual(QUESTIONS);
          expect(state.guesses.length).toBeLessThanOrEqual(MAX_GUESSES);
        }
      }),
    );
  });
});

describe('questions', () => {
  it('one at a time: the next waits for the answer to the last', () => {
    const { state, thinker, asker } = chosen();
    const asked = play(state, asker, { type: 'ask', n: 1, words: sealedAround('Q1', 1024) }).state;
    expect(tq.awaiting(asked).seats).toEqual([thinker, asker]);
    expect(refused(asked, asker, { type: 'ask', n: 2, words: null }).message).toMatch(/Wait for the answer/);
    expect(refused(asked, thinker, { type: 'ask', n: 2, words: null }).code).toBe('NOT_YOUR_TURN');
    expect(refused(asked, asker, { type: 'answer', n: 1, answer: sealedAround('A') }).code).toBe('NOT_YOUR_TURN');
    const answered = play(asked, thinker, { type: 'answer', n: 1, answer: sealedAround('A1') }).state;
    expect(refused(answered, thinker, { type: 'answer', n: 1, answer: sealedAround('A1') }).code).toBe('ALREADY_ANSWERED');
    expect(refused(answered, asker, { type: 'ask', n: 1, words: null }).code).toBe('NOT_FOUND');
    expect(tq.view(answered, asker).questionsLeft).toBe(19);
  });

  it('a question asked aloud is logged with no words', () => {
    const { state, asker } = chosen();
    const asked = play(state, asker, { type: 'ask', n: 1, words: null }).state;
    expect(tq.view(asked, other(asker)).questions).toEqual([{ words: null, answer: null }]);
  });

  it('the 20th answer reveals the round, and there is no 21st question', () => {
    const { state, thinker, asker } = chosen();
    const nineteen = askAndAnswer(state, thinker, 19);
    expect(nineteen.phase).toBe('asking');
    const last = play(nineteen, asker, { type: 'ask', n: 20, words: null }).state;
    expect(tq.view(last, asker).questionsLeft).toBe(0);
    expect(tq.view(last, asker).can.ask).toBe(false);
    const done = play(last, thinker, { type: 'answer', n: 20, answer: sealedAround('A20') }).state;
    expect(done.phase).toBe('revealed');
    expect(done.ending).toBe('out-of-questions');
    expect(tq.view(done, asker).thing).toBe(sealedAround('THING', 1024));
    expect(refused(done, asker, { type: 'ask', n: 21 > QUESTIONS ? QUESTIONS : 21, words: null }).code).toBe('WRONG_PHASE');
  });

  it('a guess waiting for its verdict after the 20th answer is judged before the reveal', () => {
    const { state, thinker, asker } = chosen();
    let s = askAndAnswer(state, thinker, 19);
    s = play(s, asker, { type: 'ask', n: 20, words: null }).state;
    s = play(s, asker, { type: 'guess', n: 1, words: sealedAround('G1', 1024) }).state;
    s = play(s, thinker, { type: 'answer', n: 20, answer: sealedAround('A20') }).state;
    expect(s.phase).toBe('asking');
    expect(tq.awaiting(s).seats).toEqual([thinker]);
    s = play(s, thinker, { type: 'judge', n: 1, right: false }).state;
    expect(s.phase).toBe('revealed');
    expect(s.ending).toBe('out-of-questions');
  });
});

describe('guesses', () => {
  it('can come at any time, even with a question waiting, and a wrong one lets the game go on', () => {
    const { state, thinker, asker } = chosen();
    let s = play(state, asker, { type: 'ask', n: 1, words: null }).state;
    s = play(s, asker, { type: 'guess', n: 1, words: sealedAround('G1', 1024) }).state;
    expect(tq.view(s, thinker).guesses).toEqual([{ words: sealedAround('G1', 1024), right: null, afterQuestions: 1 }]);
    expect(refused(s, asker, { type: 'guess', n: 2, words: sealedAround('G2') }).message).toMatch(/last guess/);
    expect(refused(s, asker, { type: 'judge', n: 1, right: true }).code).toBe('NOT_YOUR_TURN');
    s = play(s, thinker, { type: 'judge', n: 1, right: false }).state;
    expect(s.phase).toBe('asking');
    expect(refused(s, thinker, { type: 'judge', n: 1, right: true }).code).toBe('ALREADY_ANSWERED');
    s = play(s, thinker, { type: 'answer', n: 1, answer: sealedAround('A1') }).state;
    s = play(s, asker, { type: 'guess', n: 2, words: sealedAround('G2') }).state;
    s = play(s, thinker, { type: 'judge', n: 2, right: true }).state;
    expect(s.phase).toBe('revealed');
    expect(s.ending).toBe('guessed');
    expect(tq.view(s, asker).guesses.map((g) => g.right)).toEqual([false, true]);
  });

  it('stop at the most a round takes, and the questions go on', () => {
    let { state: s, thinker, asker } = chosen();
    for (let n = 1; n <= MAX_GUESSES; n++) {
      s = play(s, asker, { type: 'guess', n, words: sealedAround(`G${n}`) }).state;
      s = play(s, thinker, { type: 'judge', n, right: false }).state;
    }
    expect(refused(s, asker, { type: 'guess', n: MAX_GUESSES, words: sealedAround('G') }).code).toBe('NOT_POSSIBLE');
    expect(tq.view(s, asker).can).toMatchObject({ guess: false, ask: true });
    expect(tq.awaiting(s).seats).toEqual([asker]);
  });

  it('giving up reveals the thing to the asker, and only the asker can', () => {
    const { state, thinker, asker } = chosen();
    expect(refused(state, thinker, { type: 'give-up' }).code).toBe('NOT_YOUR_TURN');
    const s = play(state, asker, { type: 'give-up' }).state;
    expect(s.ending).toBe('gave-up');
    expect(tq.view(s, asker).thing).not.toBeNull();
  });
});

describe('the hint', () => {
  it('can be asked for once question 10 is answered, once a round, and the thinker writes it', () => {
    const { state, thinker, asker } = chosen();
    const nine = askAndAnswer(state, thinker, HINT_AFTER - 1);
    expect(tq.view(nine, asker).can.askHint).toBe(false);
    expect(refused(nine, asker, { type: 'ask-hint' }).message).toMatch(/after question 10/);
    const ten = askAndAnswer(nine, thinker, HINT_AFTER);
    expect(tq.view(ten, asker).can.askHint).toBe(true);
    expect(refused(ten, thinker, { type: 'hint', words: sealedAround('H') }).message).toMatch(/Nobody has asked/);
    const asked = play(ten, asker, { type: 'ask-hint' }).state;
    expect(tq.awaiting(asked).seats).toContain(thinker);
    expect(refused(asked, asker, { type: 'ask-hint' }).code).toBe('NOT_POSSIBLE');
    expect(refused(asked, asker, { type: 'hint', words: sealedAround('H') }).code).toBe('NOT_YOUR_TURN');
    const given = play(asked, thinker, { type: 'hint', words: sealedAround('HINT', 1024) }).state;
    expect(tq.view(given, asker).hint).toEqual({ asked: true, given: sealedAround('HINT', 1024) });
    expect(tq.awaiting(given).seats).toEqual([asker]);
  });
});

describe('after the reveal', () => {
  function revealedRound() {
    const { state, thinker, asker } = chosen();
    let s = play(state, asker, { type: 'guess', n: 1, words: sealedAround('G1') }).state;
    s = play(s, thinker, { type: 'judge', n: 1, right: true }).state;
    return { s, thinker, asker };
  }

  it('the thinker may tell the story (and take it back); the asker cannot write it', () => {
    const { s, thinker, asker } = revealedRound();
    expect(refused(s, asker, { type: 'story', words: sealedAround('S') }).code).toBe('NOT_YOUR_TURN');
    const told = play(s, thinker, { type: 'story', words: sealedAround('STORY', 4096) }).state;
    expect(tq.view(told, asker).story).toBe(sealedAround('STORY', 4096));
    expect(play(told, thinker, { type: 'story', words: null }).state.story).toBeNull();
  });

  it('a star keeps the thinker’s words under a title that is nobody’s words, once per round', () => {
    const { s, thinker, asker } = revealedRound();
    const entries = [{ seat: thinker, sealed: sealedAround('MEM', 1024) }];
    const starred = play(s, asker, { type: 'star', starred: true, entries });
    expect(starred.memories).toEqual([{ key: memoryKeyOf(1), title: MEMORY_TITLE, entries: [{ seat: thinker, slot: `memory:${memoryKeyOf(1)}`, sealed: entries[0]!.sealed }] }]);
    expect(tq.view(starred.state, asker).starred).toBe(true);
    expect(tq.view(starred.state, thinker).starred).toBe(false);
    expect(refused(s, asker, { type: 'star', starred: true, entries: [{ seat: asker, sealed: sealedAround('X') }] }).code).toBe('BAD_REQUEST');
    expect(refused(s, asker, { type: 'star', starred: true, entries: [] }).code).toBe('BAD_REQUEST');
    expect(play(starred.state, asker, { type: 'star', starred: false }).memories).toBeUndefined();
  });

  it('swapping roles is agreed: one ready waits for the other, then a fresh round the other way round', () => {
    const { s, thinker, asker } = revealedRound();
    expect(tq.awaiting(s)).toEqual({ seats: [0, 1], private: false });
    const one = play(s, asker, { type: 'swap', ready: true }).state;
    expect(tq.view(one, thinker).swap[asker]).toBe(true);
    expect(tq.awaiting(one).seats).toEqual([thinker]);
    expect(refused(one, asker, { type: 'swap', ready: true }).code).toBe('ALREADY_READY');
    expect(play(one, asker, { type: 'swap', ready: false }).state.swap).toEqual([false, false]);
    const next = play(one, thinker, { type: 'swap', ready: true }).state;
    expect(next).toMatchObject({ round: 2, thinker: asker, phase: 'choosing', thing: null, questions: [], guesses: [], story: null, ending: null });
    expect(tq.awaiting(next)).toEqual({ seats: [asker], private: true });
    expect(tq.view(next, thinker).thing).toBeNull();
  });

  it('keeps no score: the view holds no count of who won', () => {
    const { s, asker } = revealedRound();
    expect(Object.keys(tq.view(s, asker)).sort()).toEqual(
      ['can', 'ending', 'guesses', 'hint', 'phase', 'prompts', 'questions', 'questionsLeft', 'round', 'seat', 'starred', 'story', 'swap', 'thing', 'thinker'].sort(),
    );
  });
});

describe('what the browser seals', () => {
  it('reads back what it wrote, and nothing else', () => {
    expect(readThing(writeThing('  the blue kettle ', 'Something near me that has a story'))).toEqual({ text: 'the blue kettle', prompt: 'Something near me that has a story' });
    expect(readThing(writeThing('Lisbon'))).toEqual({ text: 'Lisbon' });
    expect(readAnswer(writeAnswer('sometimes', ' on Sundays '))).toEqual({ reply: 'sometimes', words: 'on Sundays' });
    expect(readAnswer(writeAnswer('no', '  '))).toEqual({ reply: 'no' });
    for (const bad of ['', 'null', '[]', '{"text":""}', '{"text":3}', '{"text":"x","prompt":4}']) expect(readThing(bad), bad).toBeNull();
    for (const bad of ['', '{}', '{"reply":"maybe"}', '{"reply":"toString"}', '{"reply":"yes","words":1}']) expect(readAnswer(bad), bad).toBeNull();
  });
});

describe('opening the view in the browser', () => {
  /** An opener that reads each value as the text it was "sealed" from, only at the place it was made for. */
  const opener =
    (values: Record<string, { seat: SeatIndex; text: string }>): Opener =>
    async (at, sealed) => {
      const value = values[sealed];
      return value && at.activity === 'twenty-questions' && value.seat === at.seat && sealed.startsWith(`AQAA${at.slot.replace(/[^A-Za-z0-9]/g, '')}`) ? value.text : null;
    };
  const blob = (slot: string, n = '') => sealedAround(`${slot.replace(/[^A-Za-z0-9]/g, '')}${n}`);

  it('opens each value where its writer sealed it, and reads one that does not open, or is not what it should be, as unreadable', async () => {
    const { state, thinker, asker } = chosen();
    let s: State = { ...state, thing: blob(thingSlot(1)) };
    s = play(s, asker, { type: 'ask', n: 1, words: blob(questionSlot(1, 1)) }).state;
    s = play(s, thinker, { type: 'answer', n: 1, answer: blob(answerSlot(1, 1)) }).state;
    s = play(s, asker, { type: 'ask', n: 2, words: blob(questionSlot(1, 2)) }).state;
    s = play(s, thinker, { type: 'answer', n: 2, answer: blob(answerSlot(1, 2)) }).state;
    s = play(s, asker, { type: 'guess', n: 1, words: blob(guessSlot(1, 1)) }).state;
    const values = {
      [blob(thingSlot(1))]: { seat: thinker, text: writeThing('the red kite', 'A place we have been together') },
      [blob(questionSlot(1, 1))]: { seat: asker, text: 'Is it outside?' },
      [blob(answerSlot(1, 1))]: { seat: thinker, text: writeAnswer('yes', 'mostly') },
      // Sealed by the wrong seat: it does not open where the view says it belongs.
      [blob(questionSlot(1, 2))]: { seat: thinker, text: 'moved here' },
      [blob(answerSlot(1, 2))]: { seat: thinker, text: '{"reply":"perhaps"}' },
      [blob(guessSlot(1, 1))]: { seat: asker, text: 'a kite' },
    };
    const forThinker = await openView(tq.view(s, thinker), opener(values));
    expect(forThinker.thing).toEqual({ text: 'the red kite', prompt: 'A place we have been together', unreadable: false });
    expect(forThinker.questions).toEqual([
      { n: 1, words: { text: 'Is it outside?', unreadable: false }, answer: { reply: 'yes', label: 'Yes', words: 'mostly' } },
      { n: 2, words: { text: UNREADABLE, unreadable: true }, answer: { reply: null, label: UNREADABLE, words: null } },
    ]);
    expect(forThinker.guesses[0]?.words.text).toBe('a kite');
    const forAsker = await openView(tq.view(s, asker), opener(values));
    expect(forAsker.thing).toBeNull();
    expect(starWords(forAsker)).toEqual([]);
    expect(starWords(forThinker)).toEqual([{ seat: thinker, text: 'the red kite' }]);
  });
});
