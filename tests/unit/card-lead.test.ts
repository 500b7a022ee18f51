// The line above each card that says who speaks and who it is about (issue 17: "I" means the asker in a
// question, yourself in a guess).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardLead, type CardType } from '../../shared/content/card.js';
import { CARDS } from '../../shared/content/cards.js';

const TYPES: readonly CardType[] = ['question', 'task', 'finish', 'would-you-rather', 'guess'];
const name = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.length > 0);

describe('who a card speaks for', () => {
  it('a question on my own device is asked by the other person', () => {
    expect(cardLead({ type: 'question' }, { me: 'Ada', partner: 'Sam', sharedDevice: false })).toBe('Sam asks you:');
  });

  it('a guess on my own device is about me, and I guess the other', () => {
    expect(cardLead({ type: 'guess' }, { me: 'Ada', partner: 'Sam', sharedDevice: false })).toBe('About you — then guess what Sam chose:');
  });

  it('on one shared device every card speaks to both, by name', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPES), name, name, (type, me, partner) => {
        const lead = cardLead({ type }, { me, partner, sharedDevice: true });
        expect(lead.startsWith(`${me} and ${partner}`)).toBe(true);
        expect(lead.endsWith(':')).toBe(true);
      }),
    );
  });

  it('on my own device every card names the other person and never me', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPES), fc.constant('Ada'), fc.constant('Sam'), (type, me, partner) => {
        const lead = cardLead({ type }, { me, partner, sharedDevice: false });
        expect(lead).toContain(partner);
        expect(lead).not.toContain(me);
      }),
    );
  });

  it('every card in the deck gets a lead line', () => {
    for (const card of CARDS) {
      expect(cardLead(card, { me: 'Ada', partner: 'Sam', sharedDevice: false }).length, card.id).toBeGreaterThan(0);
      expect(cardLead(card, { me: 'Ada', partner: 'Sam', sharedDevice: true }).length, card.id).toBeGreaterThan(0);
    }
  });

  it('a task is done by both, so it never speaks as "I" or "me"', () => {
    const first = /\b(i|me|my|mine|myself|i’m|i’d|i’ve|i’ll)\b/i;
    const bad = CARDS.filter((c) => c.type === 'task' && first.test(c.text)).map((c) => `${c.id}: ${c.text}`);
    expect(bad).toEqual([]);
  });
});
