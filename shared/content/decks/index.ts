// All per-pair Question Swap decks (issue 17), combined. Each deck sets the pairs it is written for;
// checked by tests/unit/decks.test.ts (and, as part of CARDS, by tests/unit/cards.test.ts).
import type { Card, Pair } from '../card.js';
import { FRIENDS } from './friends.js';
import { LONG_DISTANCE } from './long-distance.js';
import { LONG_TERM } from './long-term.js';
import { NEW_COUPLE } from './new-couple.js';
import { PARENT_CHILD } from './parent-child.js';
import { SIBLINGS } from './siblings.js';

export const DECKS: Readonly<Record<Pair, readonly Card[]>> = {
  'new-couple': NEW_COUPLE,
  'long-term': LONG_TERM,
  'long-distance': LONG_DISTANCE,
  friends: FRIENDS,
  'parent-child': PARENT_CHILD,
  siblings: SIBLINGS,
};

export const DECK_CARDS: readonly Card[] = Object.values(DECKS).flat();
