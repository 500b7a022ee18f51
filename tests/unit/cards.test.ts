// Checks the Question Swap deck (shared/content/cards.ts): size and spread, ids, text and option rules,
// no near-duplicates, and that physical cards for any audience stay free of romantic or sexual words.
import { describe, it, expect } from 'vitest';
import { CARDS } from '../../shared/content/cards.js';
import type { Card } from '../../shared/content/card.js';
import { INTIMACY_KINDS } from '../../shared/intimacy.js';
import { nearDuplicates } from '../support/similarity.js';

const DEPTHS = [1, 2, 3] as const;
const KIND_PREFIX: Record<string, string> = {
  emotional: 'emo',
  intellectual: 'int',
  physical: 'phy',
  experiential: 'exp',
  spiritual: 'spi',
};
const TYPES = ['question', 'task', 'finish', 'would-you-rather', 'guess'];

function countBy(cards: readonly Card[], key: (c: Card) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of cards) counts.set(key(c), (counts.get(key(c)) ?? 0) + 1);
  return counts;
}

describe('Question Swap deck: size and spread', () => {
  it('has at least 300 cards', () => {
    expect(CARDS.length).toBeGreaterThanOrEqual(300);
  });

  it('uses only known kinds, depths, audiences and types', () => {
    for (const c of CARDS) {
      expect(INTIMACY_KINDS, c.id).toContain(c.kind);
      expect(DEPTHS, c.id).toContain(c.depth);
      expect(['any', 'partners'], c.id).toContain(c.audience);
      expect(TYPES, c.id).toContain(c.type);
    }
  });

  it('every kind and depth has at least 12 cards for any audience', () => {
    const short: string[] = [];
    for (const kind of INTIMACY_KINDS) {
      for (const depth of DEPTHS) {
        const n = CARDS.filter((c) => c.kind === kind && c.depth === depth && c.audience === 'any').length;
        if (n < 12) short.push(`${kind} depth ${depth}: ${n}`);
      }
    }
    expect(short, `cells with fewer than 12 'any' cards: ${short.join(', ')}`).toEqual([]);
  });

  it('has partner-only cards in every kind', () => {
    const partners = CARDS.filter((c) => c.audience === 'partners');
    expect(partners.length).toBeGreaterThan(0);
    for (const kind of INTIMACY_KINDS) {
      expect(partners.some((c) => c.kind === kind), `no partner-only ${kind} cards`).toBe(true);
    }
  });

  it('has plenty of guess and would-you-rather cards', () => {
    const byType = countBy(CARDS, (c) => c.type);
    expect(byType.get('guess') ?? 0).toBeGreaterThanOrEqual(40);
    expect(byType.get('would-you-rather') ?? 0).toBeGreaterThanOrEqual(25);
  });
});

describe('Question Swap deck: ids', () => {
  it('ids are unique', () => {
    const dupes = [...countBy(CARDS, (c) => c.id)].filter(([, n]) => n > 1).map(([id]) => id);
    expect(dupes, `duplicate ids: ${dupes.join(', ')}`).toEqual([]);
  });

  it('ids follow <kind>-<depth>-<nn> for any audience and <kind>-<depth>-p<nn> for partners', () => {
    const bad = CARDS.filter((c) => {
      const p = c.audience === 'partners' ? 'p' : '';
      if (c.pairs) return !new RegExp(`^[a-z]{2}-${KIND_PREFIX[c.kind]}-${c.depth}-\\d{2}$`).test(c.id); // deck cards
      return !new RegExp(`^${KIND_PREFIX[c.kind]}-${c.depth}-${p}\\d{2}$`).test(c.id);
    }).map((c) => c.id);
    expect(bad, `ids not matching kind, depth and audience: ${bad.join(', ')}`).toEqual([]);
  });
});

describe('Question Swap deck: text and options', () => {
  it('text is non-empty, trimmed and at most 200 characters', () => {
    for (const c of CARDS) {
      expect(c.text.length, c.id).toBeGreaterThan(0);
      expect(c.text, c.id).toBe(c.text.trim());
      expect(c.text.length, c.id).toBeLessThanOrEqual(200);
    }
  });

  it('would-you-rather cards have exactly 2 options, guess cards 2 to 4, other types none', () => {
    for (const c of CARDS) {
      const n = c.options?.length;
      if (c.type === 'would-you-rather') expect(n, c.id).toBe(2);
      else if (c.type === 'guess') {
        expect(n, c.id).toBeGreaterThanOrEqual(2);
        expect(n, c.id).toBeLessThanOrEqual(4);
      } else expect(c.options, c.id).toBeUndefined();
    }
  });

  it('options are non-empty, trimmed, at most 60 characters and unique within a card', () => {
    for (const c of CARDS) {
      const options = c.options ?? [];
      for (const o of options) {
        expect(o.length, c.id).toBeGreaterThan(0);
        expect(o, c.id).toBe(o.trim());
        expect(o.length, c.id).toBeLessThanOrEqual(60);
      }
      expect(new Set(options.map((o) => o.toLowerCase())).size, `${c.id} repeats an option`).toBe(options.length);
    }
  });

  it('finish cards end with an ellipsis', () => {
    const bad = CARDS.filter((c) => c.type === 'finish' && !/(…|\.\.\.)$/.test(c.text)).map((c) => c.id);
    expect(bad, `finish cards without a trailing ellipsis: ${bad.join(', ')}`).toEqual([]);
  });

  it('would-you-rather cards are framed as a choice', () => {
    const bad = CARDS.filter((c) => c.type === 'would-you-rather' && !/\brather\b/i.test(c.text)).map((c) => c.id);
    expect(bad, `would-you-rather cards without "rather": ${bad.join(', ')}`).toEqual([]);
  });

  it('cards for any audience do not address a partner', () => {
    const bad = CARDS.filter((c) => c.audience === 'any' && /\bpartners?\b/i.test(c.text)).map((c) => c.id);
    expect(bad, `'any' cards mentioning a partner: ${bad.join(', ')}`).toEqual([]);
  });
});

describe('Question Swap deck: variety and safety', () => {
  it('no two cards are near-identical (word-set Jaccard similarity below 0.8)', () => {
    // What a player sees: the text plus any options (would-you-rather framings alone can be very short).
    const pairs = nearDuplicates(CARDS.map((c) => ({ id: c.id, text: [c.text, ...(c.options ?? [])].join(' ') })));
    expect(pairs, `near-identical cards: ${pairs.join('; ')}`).toEqual([]);
  });

  it('physical cards for any audience contain no romantic or sexual words', () => {
    const banned =
      /\b(kiss\w*|sexy|sex|sexual\w*|bed|beds|bedroom|naked|nude|lover|lovers|romantic\w*|romance|erotic\w*|seduc\w*|lingerie|caress\w*|make out|making out)\b/i;
    const bad = CARDS.filter((c) => c.kind === 'physical' && c.audience === 'any')
      .filter((c) => banned.test([c.text, ...(c.options ?? [])].join(' ')))
      .map((c) => c.id);
    expect(bad, `physical 'any' cards with romantic or sexual words: ${bad.join(', ')}`).toEqual([]);
  });
});
