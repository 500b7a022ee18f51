// Checks the per-pair Question Swap decks (shared/content/decks/): shape, ids unique across the whole
// deck, the size the issue asks for, an even spread of kinds and depths within each deck, and the
// audience and place rules each kind of pair needs.
import { describe, it, expect } from 'vitest';
import { CARDS } from '../../shared/content/cards.js';
import type { Card, Pair } from '../../shared/content/card.js';
import { DECKS, DECK_CARDS } from '../../shared/content/decks/index.js';
import { INTIMACY_KINDS } from '../../shared/intimacy.js';

const DEPTHS = [1, 2, 3] as const;
const PREFIX: Record<Pair, string> = {
  'new-couple': 'nc',
  'long-term': 'lt',
  'long-distance': 'ld',
  friends: 'fr',
  'parent-child': 'pc',
  siblings: 'sb',
};
const entries = Object.entries(DECKS) as [Pair, readonly Card[]][];

describe('per-pair decks: shape and size', () => {
  it('has a deck for every kind of pair, each with at least 45 cards', () => {
    expect(entries.map(([pair]) => pair).sort()).toEqual(Object.keys(PREFIX).sort());
    for (const [pair, cards] of entries) expect(cards.length, pair).toBeGreaterThanOrEqual(45);
  });

  it('brings the whole Question Swap deck to at least 600 cards, all of the deck cards included', () => {
    expect(CARDS.length).toBeGreaterThanOrEqual(600);
    const ids = new Set(CARDS.map((c) => c.id));
    expect(DECK_CARDS.filter((c) => !ids.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it('ids are unique across every card, deck or not', () => {
    const seen = new Set<string>();
    const dupes = CARDS.map((c) => c.id).filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
    expect(dupes).toEqual([]);
  });

  it('each card is written for its own deck, with an id <deck>-<kind, 3 letters>-<depth>-<nn>', () => {
    for (const [pair, cards] of entries) {
      for (const c of cards) {
        expect(c.pairs, c.id).toEqual([pair]);
        expect(c.id).toMatch(new RegExp(`^${PREFIX[pair]}-${c.kind.slice(0, 3)}-${c.depth}-\\d{2}$`));
      }
    }
  });

  it('options follow the card type, finishes end with an ellipsis, text stays short', () => {
    for (const c of DECK_CARDS) {
      const n = c.options?.length ?? 0;
      if (c.type === 'would-you-rather') expect(n, c.id).toBe(2);
      else if (c.type === 'guess') expect(n >= 2 && n <= 4, c.id).toBe(true);
      else expect(c.options, c.id).toBeUndefined();
      if (c.type === 'finish') expect(c.text, c.id).toMatch(/…$/);
      expect(c.text.length, c.id).toBeLessThanOrEqual(200);
    }
  });
});

describe('per-pair decks: spread', () => {
  it('every deck covers each kind and depth with 3 to 5 cards', () => {
    const off: string[] = [];
    for (const [pair, cards] of entries) {
      for (const kind of INTIMACY_KINDS) {
        for (const depth of DEPTHS) {
          const n = cards.filter((c) => c.kind === kind && c.depth === depth).length;
          if (n < 3 || n > 5) off.push(`${pair} ${kind} ${depth}: ${n}`);
        }
      }
    }
    expect(off).toEqual([]);
  });

  it('every deck uses all five card types', () => {
    for (const [pair, cards] of entries) {
      expect(new Set(cards.map((c) => c.type)).size, pair).toBe(5);
    }
  });

  it('deck cards mostly do not open with "What"', () => {
    const what = DECK_CARDS.filter((c) => /^What\b/i.test(c.text)).length;
    expect(what / DECK_CARDS.length).toBeLessThan(0.1);
  });
});

describe('per-pair decks: audience and place', () => {
  it('couple decks are for partners; friends and family decks are for any audience', () => {
    for (const [pair, cards] of entries) {
      const audience = pair === 'friends' || pair === 'parent-child' || pair === 'siblings' ? 'any' : 'partners';
      expect(cards.filter((c) => c.audience !== audience).map((c) => c.id), pair).toEqual([]);
    }
  });

  it('the long-distance deck has no card that needs the same place', () => {
    expect(DECKS['long-distance'].filter((c) => c.samePlace).map((c) => c.id)).toEqual([]);
  });

  it('friends and family cards never turn romantic or address a partner', () => {
    const romantic = /\b(partners?|kiss\w*|date|dates|dating|romantic\w*|romance|lover|bed|sexy|sex\w*)\b/i;
    const bad = [...DECKS.friends, ...DECKS['parent-child'], ...DECKS.siblings]
      .filter((c) => romantic.test([c.text, ...(c.options ?? [])].join(' ')))
      .map((c) => c.id);
    expect(bad).toEqual([]);
  });

  it('adds no more cards about songs', () => {
    expect(DECK_CARDS.filter((c) => /\b(songs?|playlists?|singing)\b/i.test([c.text, ...(c.options ?? [])].join(' '))).map((c) => c.id)).toEqual([]);
  });
});
