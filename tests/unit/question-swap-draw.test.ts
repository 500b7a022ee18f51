// Which cards Question Swap draws for which people (issue 17): a family or friends room never gets a
// partners card, a pair's own cards go only to that pair, and people who live apart (or a long-distance
// couple) never get a card that needs the same place.
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { optionsSchema, questionSwap, type Options, type State } from '../../shared/activities/question-swap/index.js';
import { PAIRS, PAIRS_OF, pairOf, type Card, type Pair } from '../../shared/content/card.js';
import { CARDS } from '../../shared/content/cards.js';
import type { Audience } from '../../shared/core.js';
import { seededRng } from '../../shared/random.js';
import { ALL_IN, act, cardOn, must } from '../support/question-swap-state.js';

/** Every card a whole game shows: each round's card passed at once, so the next is drawn. */
function drawnCards(options: Options, audience: Audience, seed: number): Card[] {
  let state: State = questionSwap.setup(options, { audience }, seededRng(seed));
  state = must(act(must(act(state, 0, ALL_IN, seed)), 1, ALL_IN, seed + 1));
  const drawn: Card[] = [];
  for (let i = 0; state.round && i < 40; i++) {
    drawn.push(cardOn(state));
    state = must(act(state, i % 2 === 0 ? 0 : 1, { type: 'pass', cardId: state.round.cardId }, seed + i));
  }
  return drawn;
}

const audiences = fc.constantFrom<Audience>('partners', 'friends', 'family');
const pairs = fc.option(fc.constantFrom<Pair>(...PAIRS), { nil: undefined });
const game = fc.record({ audience: audiences, pair: pairs, apart: fc.option(fc.boolean(), { nil: undefined }), seed: fc.nat(10_000) });
const options = (pair: Pair | undefined, apart: boolean | undefined): Options => ({
  answerMode: 'write',
  rounds: 15,
  ...(pair ? { pair } : {}),
  ...(apart === undefined ? {} : { apart }),
});

describe('drawing by pair', () => {
  it('a room of people who live apart never draws a card needing the same place', () => {
    fc.assert(
      fc.property(game, ({ audience, pair, seed }) => {
        const drawn = drawnCards(options(pair, true), audience, seed);
        expect(drawn.filter((c) => c.samePlace).map((c) => c.id)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a long-distance couple never draws a card needing the same place, even without saying so', () => {
    fc.assert(
      fc.property(fc.nat(10_000), (seed) => {
        const drawn = drawnCards(options('long-distance', undefined), 'partners', seed);
        expect(drawn.filter((c) => c.samePlace).map((c) => c.id)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('a family or friends room never draws a partners card', () => {
    fc.assert(
      fc.property(game, ({ audience, pair, apart, seed }) => {
        const drawn = drawnCards(options(pair, apart), audience === 'partners' ? 'family' : audience, seed);
        expect(drawn.filter((c) => c.audience === 'partners').map((c) => c.id)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a card written for some pairs is drawn only for one of them', () => {
    fc.assert(
      fc.property(game, ({ audience, pair, apart, seed }) => {
        const mine = pairOf({ audience, pair });
        const drawn = drawnCards(options(pair, apart), audience, seed);
        const strays = drawn.filter((c) => c.pairs && (mine === null || !c.pairs.includes(mine)));
        expect(strays.map((c) => c.id)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a pair chosen for another audience is ignored: a family room with "new couple" draws no couple cards', () => {
    expect(pairOf({ audience: 'family', pair: 'new-couple' })).toBeNull();
    expect(pairOf({ audience: 'friends' })).toBe('friends');
    expect(pairOf({ audience: 'partners', pair: 'long-term' })).toBe('long-term');
  });

  it('a partners card is written only for couples', () => {
    const bad = CARDS.filter((c) => c.audience === 'partners' && c.pairs?.some((p) => !PAIRS_OF.partners.includes(p)));
    expect(bad.map((c) => c.id)).toEqual([]);
  });
});

describe('the new options', () => {
  it('are checked, with a clear error', () => {
    const wrong = v.safeParse(optionsSchema, { answerMode: 'write', pair: 'cousins' });
    expect(wrong.success).toBe(false);
    expect(wrong.issues?.[0]?.message).toMatch(/kind of pair/);
    const notBool = v.safeParse(optionsSchema, { answerMode: 'write', apart: 'yes' });
    expect(notBool.issues?.[0]?.message).toMatch(/live apart/);
  });

  it('are optional, so options from before still parse', () => {
    expect(v.safeParse(optionsSchema, { answerMode: 'talk' }).success).toBe(true);
    expect(v.parse(optionsSchema, { answerMode: 'write', pair: 'siblings', apart: true })).toMatchObject({ pair: 'siblings', apart: true });
  });

  it('a game saved before the room knew its audience still draws cards', () => {
    const state = questionSwap.setup({ answerMode: 'write', rounds: 5 }, { audience: 'friends' }, seededRng(3));
    const old = { ...state, options: { answerMode: 'write' as const, rounds: 5, partnersOnly: false } };
    const played = must(act(must(act(old, 0, ALL_IN)), 1, ALL_IN));
    expect(cardOn(played).audience).toBe('any');
  });
});
