// All per-pair Question Swap decks (issue 17), combined. Each deck sets the pairs it is written for.
import type { Card } from '../card.js';
import { LONG_DISTANCE } from './long-distance.js';
import { LONG_TERM } from './long-term.js';
import { NEW_COUPLE } from './new-couple.js';

export const DECKS: Record<string, readonly Card[]> = {
  'new-couple': NEW_COUPLE,
  'long-term': LONG_TERM,
  'long-distance': LONG_DISTANCE,
};

export const DECK_CARDS: readonly Card[] = Object.values(DECKS).flat();
