// The shape of a Question Swap card. Cards are data (see cards.ts), checked by tests/unit/cards.test.ts.
import type { Depth, IntimacyKind } from '../intimacy.js';

/** Who may see a card: `any` suits friends and family too; `partners` only couples. */
export type CardAudience = 'any' | 'partners';

/**
 * question: an open question both answer.
 * task: something to do or tell ("Tell your partner…", "Show…").
 * finish: a sentence starter to complete (text ends with "…").
 * would-you-rather: exactly two options.
 * guess: guess-my-answer, 2–4 options; each answers for themself and guesses the other.
 */
export type CardType = 'question' | 'task' | 'finish' | 'would-you-rather' | 'guess';

/**
 * The kinds of pair a deck is written for (issue 17). A card without `pairs` suits every pair its
 * audience allows; a card with them is drawn only for those pairs.
 */
export type Pair = 'new-couple' | 'long-term' | 'long-distance' | 'friends' | 'parent-child' | 'siblings';

export interface Card {
  /** Stable id, e.g. "emo-1-03": never reuse or renumber, Memories refer to it. */
  id: string;
  kind: IntimacyKind;
  depth: Depth;
  audience: CardAudience;
  type: CardType;
  text: string;
  /** Only for would-you-rather (exactly 2) and guess (2–4). */
  options?: readonly string[];
  /** Written for these pairs only (see Pair); absent: any pair its audience allows. */
  pairs?: readonly Pair[];
  /** Needs both in the same place (a hug, a walk): hidden when the room says "we live apart". */
  samePlace?: true;
}
