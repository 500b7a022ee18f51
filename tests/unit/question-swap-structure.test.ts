// Question Swap's structure, as pure functions: how many cards a session has (and later the closing note,
// wildcards, favourites, custom cards and the Fast friends arc).
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DECK_DEFAULT, DECK_MAX, DECK_MIN, questionSwap } from '../../shared/activities/question-swap/index.js';
import { parse } from '../../shared/parse.js';
import { act, answerFor, must, playing } from '../support/question-swap-state.js';

/** Both answer the card on the table and tap Next. */
function playCard(state: ReturnType<typeof playing>): ReturnType<typeof playing> {
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
