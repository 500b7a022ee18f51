// Variety in the Question Swap deck (issue 17): no opening used on too many cards, no stock phrases
// ("Tell your partner…", "the other person"), songs rarely, sentence starters in many shapes, and no
// near-twins. Checked over the whole deck, each deck file, and each pool a kind of pair is drawn from.
import { describe, expect, it } from 'vitest';
import { PAIRS_OF, cardFits, type Card, type Pair } from '../../shared/content/card.js';
import { CARDS } from '../../shared/content/cards.js';
import { DECKS } from '../../shared/content/decks/index.js';
import type { Audience } from '../../shared/core.js';
import { nearTwins, opening } from '../support/similarity.js';

const audienceOf = (pair: Pair): Audience =>
  (Object.keys(PAIRS_OF) as Audience[]).find((audience) => PAIRS_OF[audience].includes(pair))!;

/** The card sets a reader could meet together: the whole deck, each file, and each pair's pool. */
const SCOPES: [string, readonly Card[]][] = [
  ['the whole deck', CARDS],
  ['cards.ts', CARDS.filter((c) => !c.pairs)],
  ...Object.entries(DECKS).map(([pair, cards]): [string, readonly Card[]] => [`the ${pair} deck`, cards]),
  ...(Object.keys(DECKS) as Pair[]).map((pair): [string, readonly Card[]] => [
    `what a ${pair} room draws from`,
    CARDS.filter((c) => cardFits(c, { audience: audienceOf(pair), pair })),
  ]),
];

/** Openings used by more than `share` of the cards (and by more than `floor` cards), as "opening: n/total". */
function overused(cards: readonly Card[], words: number, share: number, floor = 0): string[] {
  const counts = new Map<string, number>();
  for (const c of cards) {
    const key = opening(c.text, words);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, n]) => n > share * cards.length && n > floor)
    .map(([key, n]) => `"${key}": ${n}/${cards.length}`);
}

const seen = (c: Card): string => [c.text, ...(c.options ?? [])].join(' ');

describe('Question Swap deck: how cards open', () => {
  it('counts "What’s" as opening with "what"', () => {
    expect(opening('What’s a small thing?')).toBe('what');
    expect(opening('What do I need?', 3)).toBe('what do i');
    expect(opening('“Tell me,” she said', 2)).toBe('tell me');
  });

  it('no opening word starts more than a quarter of the cards, in any scope', () => {
    const bad = SCOPES.flatMap(([scope, cards]) => overused(cards, 1, 0.25).map((o) => `${scope}: ${o}`));
    expect(bad).toEqual([]);
  });

  it('no three-word opening starts more than about 5% of the cards, in any scope', () => {
    // At least 3 cards may share one, so a 56-card deck can hold "How do I…" three times.
    const bad = SCOPES.flatMap(([scope, cards]) => overused(cards, 3, 0.05, 3).map((o) => `${scope}: ${o}`));
    expect(bad).toEqual([]);
  });

  it('at most two tasks start "Tell your partner", and none speaks of "the other person"', () => {
    expect(CARDS.filter((c) => /^tell your partner\b/i.test(c.text)).length).toBeLessThanOrEqual(2);
    expect(CARDS.filter((c) => /\bthe other person\b/i.test(c.text)).map((c) => c.id)).toEqual([]);
  });

  it('sentence starters come in many shapes: no last word or two-word opening on more than a third of them', () => {
    const finishes = CARDS.filter((c) => c.type === 'finish');
    const endings = new Map<string, number>();
    for (const c of finishes) {
      const last = c.text.replace(/(…|\.\.\.)$/, '').trim().split(/\s+/).pop()!.toLowerCase();
      endings.set(last, (endings.get(last) ?? 0) + 1);
    }
    const bad = [...endings].filter(([, n]) => n > finishes.length / 3).map(([w, n]) => `"…${w}…": ${n}/${finishes.length}`);
    expect(bad).toEqual([]);
    expect(overused(finishes, 2, 1 / 10)).toEqual([]);
  });
});

describe('Question Swap deck: topics and twins', () => {
  it('songs and music come up at most twice in the whole deck', () => {
    const music = /\b(songs?|music\w*|playlists?|sing|sings|singing|sang|singers?|lyrics?|soundtracks?|tunes?|albums?|bands?)\b/i;
    const about = CARDS.filter((c) => music.test(seen(c))).map((c) => c.id);
    expect(about.length, about.join(', ')).toBeLessThanOrEqual(2);
  });

  it('near-twins are found: the same phrasing, or the same ideas reworded', () => {
    const twins = nearTwins([
      { id: 'a', text: 'How do I most like to be greeted when we meet up?' },
      { id: 'b', text: 'How do I most like to be hugged?' },
      { id: 'c', text: 'When I’m unwell, what do I want most?' },
      { id: 'd', text: 'Which do I want most when unwell?' },
      { id: 'e', text: 'Which spot at home was always the cosiest to curl up in?' },
    ]);
    expect(twins.map((t) => t.split(' (')[0])).toEqual(['a ~ b', 'c ~ d']);
  });

  it('no two cards in the whole deck are near-twins', () => {
    // A would-you-rather card's frame says little alone ("Would you rather we…"): compare it with its options.
    const pairs = nearTwins(CARDS.map((c) => ({ id: c.id, text: c.type === 'would-you-rather' ? seen(c) : c.text })));
    expect(pairs, pairs.join('\n')).toEqual([]);
  });
});
