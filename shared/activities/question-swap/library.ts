// What a room keeps of Question Swap from game to game (the activity's library, play.ts): the cards
// either marked "Come back to this" (card ids only), and the cards either person wrote. A written card's
// words (and its options) are sealed by the writer's browser for ownCardSlot(id); the server keeps its
// structure (kind, depth, type) to draw it, and hands the sealed words out only to its writer, and to
// both once it is on the table. Shapes, limits and the browser's checks: no cards (the browser imports it).
import type { SeatIndex } from '../../core.js';
import type { Card, CardType } from '../../content/card.js';
import type { Depth, IntimacyKind } from '../../intimacy.js';
import type { Bucket, Sealed } from '../../sealed/shape.js';

/** How many cards a room keeps to come back to. */
export const FAVOURITES_MAX = 40;
/** How many cards the two can have written at once (either can take theirs back). */
export const OWN_CARDS_MAX = 20;
export const OWN_TEXT_MAX = 300;
export const OWN_OPTION_MAX = 80;
/** 300 + 4 × 80 characters as JSON: at most about 2 KB of UTF-8 (more only if every one were escaped). */
export const OWN_CARD_BUCKET: Bucket = 4096;
/** What a starred written card's memory is titled: its words are sealed, so not by them. */
export const OWN_MEMORY_TITLE = 'A card one of you wrote';
/** The types a written card can be, with what the form calls them. */
export const OWN_CARD_TYPES = {
  question: 'A question',
  task: 'Something to do',
  finish: 'A sentence to finish',
  'would-you-rather': 'Would you rather',
  guess: 'Guess my answer',
} as const satisfies Record<CardType, string>;
/** A written card's id: made by the browser, so it seals the words for the card's own slot. */
export const OWN_ID = /^own-[A-Za-z0-9_-]{8,24}$/;

/** A card one of the two wrote: its structure plain, its words sealed by `by` for ownCardSlot(id). */
export interface OwnCard {
  id: string;
  by: SeatIndex;
  kind: IntimacyKind;
  depth: Depth;
  type: CardType;
  sealed: Sealed;
}

export interface Library {
  favourites: string[];
  cards: OwnCard[];
}

export const EMPTY_LIBRARY: Library = { favourites: [], cards: [] };

/** What a written card says, as its writer's browser seals it. */
export interface OwnWords {
  text: string;
  options?: string[];
}

/** What a seat sees of the library: how many are kept, its own written cards (sealed), how many the other wrote. */
export interface LibraryView {
  favourites: number;
  mine: OwnCard[];
  theirs: number;
}

export function ownCardSlot(id: string): string {
  return `card:${id}`;
}

/** A written card as the core draws it: its words are sealed, so it has none here (open.ts reads them). */
export function ownAsCard(own: OwnCard): Card {
  return { id: own.id, kind: own.kind, depth: own.depth, audience: 'any', type: own.type, text: '' };
}

/** How many options a written card of this type takes: two for would-you-rather, 2–4 for a guess, else none. */
export function optionRange(type: CardType): [number, number] {
  return type === 'would-you-rather' ? [2, 2] : type === 'guess' ? [2, 4] : [0, 0];
}

/** Why these words cannot make a card of this type, in the words the form shows, or null when they can. */
export function ownCardProblem(type: CardType, words: OwnWords): string | null {
  const text = words.text.trim();
  if (text.length === 0) return 'Write the card first.';
  if (text.length > OWN_TEXT_MAX) return `A card can be up to ${OWN_TEXT_MAX} characters.`;
  const options = (words.options ?? []).map((o) => o.trim()).filter(Boolean);
  const [least, most] = optionRange(type);
  if (options.length < least) return least === most ? `Write both options.` : `Write at least ${least} options.`;
  if (options.length > most) return most === 0 ? 'This kind of card has no options.' : `Up to ${most} options.`;
  if (options.some((o) => o.length > OWN_OPTION_MAX)) return `An option can be up to ${OWN_OPTION_MAX} characters.`;
  return null;
}

/** The words as they are sealed: trimmed, with options only where the type takes them. */
export function ownWordsToSeal(type: CardType, words: OwnWords): OwnWords {
  const options = (words.options ?? []).map((o) => o.trim()).filter(Boolean);
  return optionRange(type)[1] > 0 ? { text: words.text.trim(), options } : { text: words.text.trim() };
}

/** A written card's JSON as a browser sealed it, or null when it is not one for this type. */
export function readOwnWords(json: string, type: CardType): OwnWords | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { text, options } = parsed as Record<string, unknown>;
  if (typeof text !== 'string') return null;
  if (options !== undefined && !(Array.isArray(options) && options.every((o) => typeof o === 'string'))) return null;
  const words: OwnWords = options === undefined ? { text } : { text, options: options as string[] };
  return ownCardProblem(type, words) === null ? words : null;
}

export function libraryView(library: Library, seat: SeatIndex): LibraryView {
  return {
    favourites: library.favourites.length,
    mine: library.cards.filter((c) => c.by === seat),
    theirs: library.cards.filter((c) => c.by !== seat).length,
  };
}
