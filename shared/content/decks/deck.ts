// Helper for the per-pair decks: each deck file lists its cards once, and `deck` stamps the audience
// and the pairs it is written for on every card (see card.ts for the Card shape).
import type { Card, CardAudience, Pair } from '../card.js';

/** A card as a deck file writes it: audience and pairs come from the deck. */
export type DeckCard = Omit<Card, 'audience' | 'pairs'>;

export function deck(audience: CardAudience, pairs: readonly Pair[], cards: readonly DeckCard[]): readonly Card[] {
  return cards.map((card) => ({ ...card, audience, pairs }));
}
