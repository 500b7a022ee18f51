// Question Swap's wildcards, as pure functions: where they come, who plays each, what each choice does to
// the next card, and that no choice ever goes past the depth both agreed to.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardOf, questionSwap, type Move, type State } from '../../shared/activities/question-swap/index.js';
import { placeWildcards, WILDCARD_CHOICE_KEYS, WILDCARD_EVERY, type WildcardChoice } from '../../shared/activities/question-swap/wildcard.js';
import { INTIMACY_KINDS, type Depth, type IntimacyKind } from '../../shared/intimacy.js';
import { other, type SeatIndex } from '../../shared/protocol.js';
import { seededRng } from '../../shared/random.js';
import { act, answerFor, errorCode, must, start } from '../support/question-swap-state.js';

/** A game with both agreed to these kinds and depth (the same for both). */
function agreed(rounds: number, kinds: IntimacyKind[], maxDepth: Depth, seed = 1): State {
  const consent: Move = { type: 'consent', kinds, maxDepth };
  return must(act(must(act(start({ rounds }, 'partners', seed), 0, consent)), 1, consent));
}

function reveal(state: State): State {
  state = must(act(state, 0, answerFor(state, 'a')));
  return must(act(state, 1, answerFor(state, 'b')));
}

function next(state: State, seed = 5): State {
  const cardId = state.round!.cardId;
  return must(act(must(act(state, 0, { type: 'next', cardId }, seed)), 1, { type: 'next', cardId }, seed));
}

/** Plays cards until the revealed card is the one a wildcard comes with (or the game ends). */
function toWildcard(state: State): State {
  for (let i = 0; i < 20 && state.phase === 'play'; i++) {
    state = reveal(state);
    if (questionSwap.view(state, 0).wildcard) return state;
    state = next(state, 40 + i);
  }
  throw new Error('no wildcard');
}

function wildcard(state: State, seat: SeatIndex, choice: WildcardChoice, kind?: IntimacyKind) {
  return act(state, seat, { type: 'wildcard', cardId: state.round!.cardId, to: choice, ...(kind ? { kind } : {}) });
}

describe('where wildcards come', () => {
  it(`one in each stretch of ${WILDCARD_EVERY} cards, placed by the seed, never on the first card`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 15 }), fc.integer(), (rounds, seed) => {
        const at = placeWildcards(rounds, seededRng(seed));
        expect(at).toHaveLength(Math.floor(rounds / WILDCARD_EVERY));
        at.forEach((n, i) => {
          expect(n).toBeGreaterThanOrEqual(Math.max(2, i * WILDCARD_EVERY + 1));
          expect(n).toBeLessThanOrEqual((i + 1) * WILDCARD_EVERY);
        });
      }),
    );
    const spots = new Set(Array.from({ length: 40 }, (_, seed) => placeWildcards(5, seededRng(seed))[0]));
    expect(spots.size).toBeGreaterThan(1);
  });

  it('a short deck has none; the same seed deals the same first card as a game without wildcards', () => {
    expect(agreed(4, [...INTIMACY_KINDS], 3).wildcards!.at).toEqual([]);
    const withThem = agreed(10, [...INTIMACY_KINDS], 3, 9);
    const { wildcards: _w, ...without } = start({ rounds: 10 }, 'partners', 9);
    const consent: Move = { type: 'consent', kinds: [...INTIMACY_KINDS], maxDepth: 3 };
    const plain = must(act(must(act(without as State, 0, consent)), 1, consent));
    expect(withThem.round!.cardId).toBe(plain.round!.cardId);
  });
});

describe('playing a wildcard', () => {
  it('is offered with the reveal of the card before, to one named person; the other cannot play it', () => {
    const state = toWildcard(agreed(10, [...INTIMACY_KINDS], 3));
    const offer = questionSwap.view(state, 0).wildcard!;
    expect(offer.number).toBe(state.round!.number + 1);
    expect(questionSwap.view(state, 1).wildcard).toEqual(offer);
    expect(errorCode(wildcard(state, other(offer.chooser), 'swap'))).toBe('NOT_YOUR_TURN');
    const played = must(wildcard(state, offer.chooser, 'swap'));
    expect(questionSwap.view(played, other(offer.chooser)).wildcard!.chosen).toMatchObject({ by: offer.chooser, to: 'swap' });
    expect(errorCode(wildcard(played, offer.chooser, 'lighter'))).toBe('ALREADY_ANSWERED');
  });

  it('is not offered before the reveal, and choosing nothing is fine: Next brings a card as always', () => {
    let state = agreed(10, [...INTIMACY_KINDS], 3);
    const at = state.wildcards!.at[0]!;
    while (state.round!.number < at - 1) state = next(reveal(state));
    expect(questionSwap.view(state, 0).wildcard).toBeNull();
    expect(errorCode(wildcard(state, 0, 'swap'))).toBe('WRONG_PHASE');
    state = next(reveal(state));
    expect(state.round!.number).toBe(at);
    expect(questionSwap.view(state, 0).round!.steered).toBeNull();
  });

  it('the wildcards take turns between the two', () => {
    let state = agreed(15, [...INTIMACY_KINDS], 3);
    const choosers: SeatIndex[] = [];
    for (let i = 0; i < 3; i++) {
      state = toWildcard(state);
      choosers.push(questionSwap.view(state, 0).wildcard!.chooser);
      state = next(state);
    }
    expect(choosers[1]).toBe(other(choosers[0]!));
    expect(choosers[2]).toBe(choosers[0]);
  });

  it('one step deeper and something lighter move the next card one level, and both see why', () => {
    for (const [choice, step] of [['deeper', 1], ['lighter', -1]] as const) {
      let state = toWildcard(agreed(10, [...INTIMACY_KINDS], 3, 3));
      const offer = questionSwap.view(state, 0).wildcard!;
      if (!offer.ways.find((w) => w.to === choice)!.available) continue;
      const planned = questionSwap.view(next(state), 0).round!.depth;
      state = next(must(wildcard(state, offer.chooser, choice)));
      for (const seat of [0, 1] as const) {
        const round = questionSwap.view(state, seat).round!;
        expect(round.depth).toBe(planned + step);
        expect(round.steered).toMatchObject({ by: offer.chooser, to: choice });
      }
    }
  });

  it('never goes past the agreed depth: "deeper" is closed at the ceiling, "lighter" at the lightest', () => {
    let state = toWildcard(agreed(5, [...INTIMACY_KINDS], 1));
    const offer = questionSwap.view(state, 0).wildcard!;
    expect(offer.ways.find((w) => w.to === 'deeper')!.available).toBe(false);
    expect(offer.ways.find((w) => w.to === 'lighter')!.available).toBe(false);
    expect(errorCode(wildcard(state, offer.chooser, 'deeper'))).toBe('NOT_POSSIBLE');
    expect(errorCode(wildcard(state, offer.chooser, 'lighter'))).toBe('NOT_POSSIBLE');
    state = next(state);
    expect(cardOf(state.round!).depth).toBe(1);
  });

  it('pick the next kind: the next card is of that kind, one both chose', () => {
    let state = toWildcard(agreed(10, ['emotional', 'spiritual'], 3));
    const offer = questionSwap.view(state, 0).wildcard!;
    expect(offer.kinds).toEqual(['emotional', 'spiritual']);
    expect(errorCode(wildcard(state, offer.chooser, 'kind', 'physical'))).toBe('BAD_REQUEST');
    expect(errorCode(wildcard(state, offer.chooser, 'kind'))).toBe('BAD_REQUEST');
    state = next(must(wildcard(state, offer.chooser, 'kind', 'spiritual')));
    expect(cardOf(state.round!).kind).toBe('spiritual');
    // A pass keeps to the chosen kind.
    state = must(act(state, 0, { type: 'pass', cardId: state.round!.cardId }));
    expect(cardOf(state.round!).kind).toBe('spiritual');
  });

  it('swap who goes first: the same person reads again, then the turns alternate from there', () => {
    let state = toWildcard(agreed(10, [...INTIMACY_KINDS], 3));
    const reader = state.round!.reader;
    state = next(must(wildcard(state, questionSwap.view(state, 0).wildcard!.chooser, 'swap')));
    expect(state.round!.reader).toBe(reader);
    state = next(reveal(state));
    expect(state.round!.reader).toBe(other(reader));
  });

  it('on to the closing note: after this card, once both tapped Next, the closing note comes', () => {
    let state = toWildcard(agreed(10, [...INTIMACY_KINDS], 3));
    const played = state.completed + 1;
    state = must(wildcard(state, questionSwap.view(state, 0).wildcard!.chooser, 'closing'));
    expect(state.phase).toBe('play');
    state = next(state);
    expect(state.phase).toBe('finished');
    expect(state.completed).toBe(played);
    expect(questionSwap.view(state, 0).closing).toMatchObject({ round: played, done: [false, false] });
    // A few more cards after it are a few more, counted from where they stopped.
    state = must(act(state, 0, { type: 'note', round: played, sealed: null }));
    state = must(act(state, 1, { type: 'note', round: played, sealed: null }));
    state = must(act(must(act(state, 0, { type: 'more', deeper: false })), 1, { type: 'more', deeper: false }));
    expect(questionSwap.view(state, 0).rounds).toBe(played + 3);
  });

  it('whatever is chosen, no card is ever deeper than both agreed to, nor of a kind they did not choose', () => {
    const kinds = fc.subarray([...INTIMACY_KINDS], { minLength: 1 });
    fc.assert(
      fc.property(kinds, fc.constantFrom<Depth>(1, 2, 3), fc.integer({ min: 5, max: 15 }), fc.array(fc.constantFrom(...WILDCARD_CHOICE_KEYS), { minLength: 3, maxLength: 3 }), fc.integer(), (chosen, maxDepth, rounds, choices, seed) => {
        let state = agreed(rounds, chosen, maxDepth, seed);
        let played = 0;
        for (let i = 0; state.phase === 'play' && i < rounds; i++) {
          const card = cardOf(state.round!);
          expect(card.depth).toBeLessThanOrEqual(maxDepth);
          expect(chosen).toContain(card.kind);
          state = reveal(state);
          const offer = questionSwap.view(state, 0).wildcard;
          if (offer) {
            const choice = choices[played++ % choices.length]!;
            const result = wildcard(state, offer.chooser, choice, chosen.at(-1));
            const open = offer.ways.find((w) => w.to === choice)!.available;
            expect(result.ok).toBe(open);
            if (result.ok) state = result.value.state;
          }
          state = next(state, seed + i);
        }
      }),
      { numRuns: 60 },
    );
  });
});
