// Question Swap's structure, as pure functions: how many cards a session has (and later the closing note,
// wildcards, favourites, custom cards and the Fast friends arc).
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { NOTES_TITLE } from '../../shared/activities/question-swap/closing.js';
import { DECK_DEFAULT, DECK_MAX, DECK_MIN, NOTE_MAX, noteProblem, questionSwap, type Move, type State } from '../../shared/activities/question-swap/index.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { parse } from '../../shared/parse.js';
import { act, answerFor, errorCode, must, playing } from '../support/question-swap-state.js';
import { sealedAround } from '../support/sealed.js';

/** Both answer the card on the table and tap Next. */
function playCard(state: State): State {
  state = must(act(state, 0, answerFor(state, 'a')));
  state = must(act(state, 1, answerFor(state, 'b')));
  state = must(act(state, 0, { type: 'next', cardId: state.round!.cardId }));
  return must(act(state, 1, { type: 'next', cardId: state.round!.cardId }));
}

describe('how many cards', () => {
  it(`takes ${DECK_MIN} to ${DECK_MAX} cards, ${DECK_DEFAULT} unless chosen, and says what is wrong otherwise`, () => {
    expect(v.parse(questionSwap.optionsSchema, { answerMode: 'write' }).rounds).toBe(DECK_DEFAULT);
    const problem = (rounds: unknown) => {
      const parsed = parse(questionSwap.optionsSchema, { answerMode: 'write', rounds });
      return parsed.ok ? null : parsed.error;
    };
    expect(problem(DECK_MIN - 1)).toEqual({ code: 'BAD_REQUEST', message: `Choose at least ${DECK_MIN} cards.` });
    expect(problem(DECK_MAX + 1)).toEqual({ code: 'BAD_REQUEST', message: `Choose at most ${DECK_MAX} cards.` });
    expect(problem(7.5)?.message).toBe('Choose a whole number of cards.');
    expect(problem('8')?.message).toBe('Choose how many cards.');
  });

  it('a session ends after exactly the number of cards chosen', () => {
    fc.assert(
      fc.property(fc.integer({ min: DECK_MIN, max: DECK_MAX }), (rounds) => {
        let state = playing({ rounds });
        for (let i = 0; i < rounds; i++) {
          expect(state.phase).toBe('play');
          expect(questionSwap.view(state, 0).rounds).toBe(rounds);
          state = playCard(state);
        }
        expect(state.phase).toBe('finished');
        expect(state.completed).toBe(rounds);
      }),
      { numRuns: 20 },
    );
  });
});

/** A game of three cards played to its end: the closing card is on the table. */
function atClosing(): State {
  let state = playing({ rounds: 3 });
  for (let i = 0; i < 3; i++) state = playCard(state);
  return state;
}

const note = (seat: SeatIndex, round = 3): Move => ({ type: 'note', round, sealed: sealedAround(`NOTE${seat}`) });
const skip = (round = 3): Move => ({ type: 'note', round, sealed: null });

describe('the closing note', () => {
  it('opens after the last card, waiting privately for both notes', () => {
    const state = atClosing();
    expect(state.phase).toBe('finished');
    expect(questionSwap.awaiting(state)).toEqual({ seats: [0, 1], private: true });
    expect(questionSwap.view(state, 0).closing).toEqual({ round: 3, seat: 0, done: [false, false], mine: null, notes: null });
  });

  it('a note reaches the other only once both have written or skipped theirs, then goes to Memories as it was sealed', () => {
    let state = must(act(atClosing(), 1, note(1)));
    expect(questionSwap.awaiting(state)).toEqual({ seats: [0], private: true });
    const before = questionSwap.view(state, 0);
    expect(before.closing).toMatchObject({ done: [false, true], mine: null, notes: null });
    expect(JSON.stringify(before)).not.toContain('NOTE1');
    expect(questionSwap.view(state, 1).closing!.mine).toBe(sealedAround('NOTE1'));
    const last = act(state, 0, note(0));
    state = must(last);
    expect(questionSwap.awaiting(state)).toEqual({ seats: [], private: false });
    expect(questionSwap.view(state, 0).closing!.notes).toEqual([sealedAround('NOTE0'), sealedAround('NOTE1')]);
    expect(last.ok && last.value.memories).toEqual([
      {
        key: 'question-swap:note:3:0',
        title: NOTES_TITLE,
        entries: [
          { seat: 0, slot: 'note:3', sealed: sealedAround('NOTE0') },
          { seat: 1, slot: 'note:3', sealed: sealedAround('NOTE1') },
        ],
      },
    ]);
  });

  it('skipping is fine: the other’s note still reaches them, and two skips keep nothing', () => {
    const one = act(must(act(atClosing(), 0, skip())), 1, note(1));
    expect(one.ok && one.value.memories?.[0]?.entries.map((e) => e.seat)).toEqual([1]);
    expect(one.ok && questionSwap.view(one.value.state, 0).closing!.notes).toEqual([null, sealedAround('NOTE1')]);
    const none = act(must(act(atClosing(), 0, skip())), 1, skip());
    expect(none.ok && none.value.memories).toBeUndefined();
  });

  it('refuses a second note, one for another closing, one mid-game, and more cards before my own note', () => {
    const state = must(act(atClosing(), 0, note(0)));
    expect(errorCode(act(state, 0, note(0)))).toBe('ALREADY_ANSWERED');
    expect(errorCode(act(state, 1, note(1, 2)))).toBe('NOT_FOUND');
    expect(errorCode(act(playing(), 0, note(0)))).toBe('WRONG_PHASE');
    const early = act(state, 1, { type: 'more', deeper: false });
    expect(!early.ok && early.error).toEqual({ code: 'WRONG_PHASE', message: 'Write your note first, or skip it.' });
    expect(errorCode(act(state, 0, { type: 'more', deeper: false }))).toBe('ok');
  });

  it('takes only a sealed note, and the browser says what is wrong with the words', () => {
    expect(v.is(questionSwap.moveSchema, { type: 'note', round: 3, sealed: 'my words in the clear' })).toBe(false);
    expect(v.is(questionSwap.moveSchema, { type: 'note', round: 3, sealed: sealedAround('x') })).toBe(true);
    expect(noteProblem('   ')).toBe('Write a few words, or skip the note.');
    expect(noteProblem('a'.repeat(NOTE_MAX + 1))).toBe(`A note can be up to ${NOTE_MAX} characters.`);
    expect(noteProblem(' thank you ')).toBeNull();
  });

  it('whatever is played, no view holds the other’s note before both are in; awaiting is right; a refused move changes nothing', () => {
    const step = fc.record({ seat: fc.constantFrom<SeatIndex>(0, 1), kind: fc.constantFrom('note', 'skip', 'more', 'stale'), deeper: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        let state = atClosing();
        for (const s of steps) {
          const m: Move = s.kind === 'note' ? note(s.seat) : s.kind === 'skip' ? skip() : s.kind === 'stale' ? note(s.seat, 2) : { type: 'more', deeper: s.deeper };
          const before = JSON.stringify(state);
          const result = act(state, s.seat, m);
          if (!result.ok) {
            expect(JSON.stringify(state)).toBe(before);
            continue;
          }
          state = result.value.state;
          if (state.phase !== 'finished') break;
          const closing = state.closing!;
          const pending = ([0, 1] as const).filter((seat) => closing.notes[seat] === null);
          expect(questionSwap.awaiting(state)).toEqual({ seats: pending, private: pending.length > 0 });
          for (const viewer of [0, 1] as const) {
            const seen = JSON.stringify(questionSwap.view(state, viewer));
            if (pending.length > 0) expect(seen).not.toContain(`NOTE${viewer === 0 ? 1 : 0}`);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
