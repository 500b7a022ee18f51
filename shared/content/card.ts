// The shape of a Question Swap card. Cards are data (see cards.ts), checked by tests/unit/cards.test.ts.
import type { Audience } from '../core.js';
import type { Depth, IntimacyKind } from '../intimacy.js';

/** Who may see a card: `any` suits friends and family too; `partners` only couples. */
export type CardAudience = 'any' | 'partners';

/**
 * question: an open question both answer.
 * task: something both do or tell, one after the other ("Each share…", "Teach each other…"); it never says "I".
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

/** The pairs each audience is made of; a friends room is always 'friends'. */
export const PAIRS_OF: Record<Audience, readonly Pair[]> = {
  partners: ['new-couple', 'long-term', 'long-distance'],
  friends: ['friends'],
  family: ['parent-child', 'siblings'],
};

export const PAIRS = Object.values(PAIRS_OF).flat();

/** Who is drawing: the room's audience, the finer pair chosen (if any), and whether they live apart. */
export interface Drawer {
  audience: Audience;
  pair?: Pair | undefined;
  apart?: boolean | undefined;
}

/** The pair cards are drawn for: the chosen one if it fits the audience, the audience's only pair, or none. */
export function pairOf({ audience, pair }: Drawer): Pair | null {
  const pairs = PAIRS_OF[audience];
  if (pair && pairs.includes(pair)) return pair;
  return pairs.length === 1 ? pairs[0]! : null;
}

/**
 * Whether a card may be drawn for these people: partner cards only for couples, a pair's own cards only
 * for that pair, and nothing needing the same place for people who live apart (long-distance always do).
 */
export function cardFits(card: Card, drawer: Drawer): boolean {
  if (card.audience === 'partners' && drawer.audience !== 'partners') return false;
  const pair = pairOf(drawer);
  if (card.pairs && (pair === null || !card.pairs.includes(pair))) return false;
  if (card.samePlace && (drawer.apart || pair === 'long-distance')) return false;
  return true;
}

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

/** Who the card's reader is: this person, the other, and whether both read the one device together. */
export interface LeadPeople {
  me: string;
  partner: string;
  sharedDevice: boolean;
}

/**
 * The line above a card that says who speaks and who it is about, since "I" means different people:
 * in a question the asker (the other person, asking you), in a guess and a sentence to finish the one
 * answering (you). On one shared device both read the same line, so it speaks to both by name.
 */
export function cardLead(card: Pick<Card, 'type'>, { me, partner, sharedDevice }: LeadPeople): string {
  if (sharedDevice) {
    const both = `${me} and ${partner}`;
    switch (card.type) {
      case 'question':
        return `${both}, ask each other:`;
      case 'guess':
        return `${both}: each answer about yourself, then guess the other:`;
      case 'finish':
        return `${both}: each finish this, in your own words:`;
      case 'task':
        return `${both}, one after the other:`;
      case 'would-you-rather':
        return `${both}, each pick one:`;
    }
  }
  switch (card.type) {
    case 'question':
      return `${partner} asks you:`;
    case 'guess':
      return `About you — then guess what ${partner} chose:`;
    case 'finish':
      return `You finish this, for ${partner}:`;
    case 'task':
      return `Your turn, with ${partner}:`;
    case 'would-you-rather':
      return `You pick, and so does ${partner}:`;
  }
}
