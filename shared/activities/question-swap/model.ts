// Question Swap's shapes and limits, shared by the core (index.ts), open.ts and the screens; no cards.
// What a person answers or reacts is sealed in their browser for its slot (answerSlot, reactionSlot): the
// core keeps the sealed text under the seat, and the browser checks an answer (answerProblem) before sealing.
import type { Card, Pair } from '../../content/card.js';
import type { Audience, SeatIndex } from '../../core.js';
import type { Depth, IntimacyKind } from '../../intimacy.js';
import type { Bucket, Sealed } from '../../sealed/shape.js';
import type { Library, LibraryView, OwnCard } from './library.js';
import type { Steer, WildcardChoice, Wildcards, WildcardView } from './wildcard.js';

export const ANSWER_MAX = 2_000;
/**
 * An answer seals as JSON ({ text, choice, guess }): 2,000 characters of any script are at most 8 KB of
 * UTF-8 (12 KB if every one were a control character JSON escapes), so the largest bucket holds any.
 */
export const ANSWER_BUCKET: Bucket = 16384;
/** A reaction seals as its key ("tell-me-more"): the smallest bucket. */
export const REACTION_BUCKET: Bucket = 64;
export const REDRAWS_PER_ROUND = 2;
/** The closing card's note to the other: a few lines, sealed as plain text (500 UTF-16 units are at most 1,500 bytes). */
export const NOTE_MAX = 500;
export const NOTE_BUCKET: Bucket = 4096;
/** How many cards a session can have, and how many it has unless they choose. */
export const DECK_MIN = 3;
export const DECK_MAX = 15;
export const DECK_DEFAULT = 8;
/** "A few more cards" after the last one adds this many. */
export const MORE_CARDS = 3;
export const REACTIONS = {
  thanks: 'Thank you for sharing',
  'me-too': 'Me too',
  'tell-me-more': 'Tell me more',
  smile: 'That made me smile',
} as const;
export type Reaction = keyof typeof REACTIONS;
export type AnswerMode = 'write' | 'talk';

export interface Options {
  answerMode: AnswerMode;
  rounds: number;
  /** The finer pair the deck is drawn for (card.ts PAIRS_OF); absent: only cards for any pair. */
  pair?: Pair;
  /** "We live apart": no card needing the same place. */
  apart?: boolean;
  /** "Our favourites": the cards kept to come back to are drawn first (absent: the whole deck). */
  deck?: 'favourites';
}

export interface Consent {
  kinds: IntimacyKind[];
  maxDepth: Depth;
}

/**
 * What an answer says, as the browser seals it: text for written answers; choice for would-you-rather and
 * guess (my own answer); guess: what I think the other chose. The server never sees it.
 */
export interface Answer {
  text?: string;
  choice?: number;
  guess?: number;
}

/** The slot an answer to a card is sealed for (a card comes once in a game). */
export function answerSlot(cardId: string): string {
  return `answer:${cardId}`;
}

/** The slot a reaction to the other's answer on a card is sealed for. */
export function reactionSlot(cardId: string): string {
  return `reaction:${cardId}`;
}

/** The slot the closing card's note is sealed for: one per closing, named by the cards played before it. */
export function noteSlot(round: number): string {
  return `note:${round}`;
}

/** Why a note cannot be sent, in the words the screen shows, or null when it can (counted trimmed). */
export function noteProblem(text: string): string | null {
  const words = text.trim();
  if (words.length === 0) return 'Write a few words, or skip the note.';
  if (words.length > NOTE_MAX) return `A note can be up to ${NOTE_MAX} characters.`;
  return null;
}

/** The key of a starred card's memory: the same for both, so starring twice keeps one. */
export function memoryKeyOf(round: number, cardId: string): string {
  return `question-swap:${round}:${cardId}`;
}

/**
 * Why an answer cannot be sent for this card, in the words the screen shows, or null when it can. The
 * browser checks this before sealing (the server sees only a sealed value). Text is counted trimmed.
 */
export function answerProblem(card: Card, answerMode: AnswerMode, answer: Answer): string | null {
  const text = answer.text?.trim() ?? '';
  if (text.length > ANSWER_MAX) return `Answers can be up to ${ANSWER_MAX} characters.`;
  const options = card.options?.length ?? 0;
  const inRange = (n: number | undefined) => n !== undefined && Number.isInteger(n) && n >= 0 && n < options;
  if (card.type === 'guess' && !(inRange(answer.choice) && inRange(answer.guess))) return 'Pick your own answer and your guess.';
  if (card.type === 'would-you-rather' && !inRange(answer.choice)) return 'Pick one of the two.';
  if (card.type !== 'guess' && card.type !== 'would-you-rather') {
    if (answerMode === 'talk') return 'In talk mode, talk it through and tap Done.';
    if (text.length === 0) return 'Write an answer, or pass this card.';
  }
  return null;
}

/** The answer as it is sealed: trimmed words, and only the fields this card takes. */
export function answerToSeal(card: Card, answer: Answer): Answer {
  const sealed: Answer = {};
  const text = answer.text?.trim();
  if (text) sealed.text = text;
  if (answer.choice !== undefined && card.options) sealed.choice = answer.choice;
  if (answer.guess !== undefined && card.type === 'guess') sealed.guess = answer.guess;
  return sealed;
}

/** What an answer says, as the reveal and Memories show it: the choice, then the words. */
export function answerWords(card: Card, answer: Answer): string {
  const chosen = answer.choice !== undefined ? card.options?.[answer.choice] : undefined;
  return [chosen, answer.text].filter(Boolean).join(' — ');
}

export interface Round {
  number: number;
  reader: SeatIndex;
  cardId: string;
  redrawsLeft: number;
  /** Each seat's answer, sealed by its browser for answerSlot(cardId). */
  answers: [Sealed | null, Sealed | null];
  /** Talk mode: someone tapped Done. */
  talked: boolean;
  /** Each seat's reaction to the other's answer, sealed for reactionSlot(cardId) (null: none). */
  reactions: [Sealed | null, Sealed | null];
  starred: [boolean, boolean];
  /**
   * Who passed after the other had answered: the one who answered chooses to share it anyway or let it
   * go. Missing (rooms from before) or null: nobody did.
   */
  passedBy?: SeatIndex | null;
  /** The one who answered chose to share it anyway: the card is revealed with that answer alone. */
  sharedAlone?: boolean;
  /** Who tapped Next card: the next card comes once both have. Missing (rooms from before): nobody yet. */
  ready?: [boolean, boolean];
  /** A card one of the two wrote (library.ts): its structure, and its words sealed by its writer. */
  own?: OwnCard;
}

/** After the last card: a few more at the same depth, or one level deeper. */
export type Wish = 'more' | 'deeper';

/** One person's closing note: written (sealed for noteSlot), or skipped; null while they have not chosen. */
export type Note = { written: Sealed } | { skipped: true } | null;

/**
 * The closing card after the last card: each writes the other a short note, shown to the other once both
 * wrote or skipped theirs, and kept in Memories.
 */
export interface Closing {
  /** The cards played when it opened: its notes are sealed for noteSlot(round). */
  round: number;
  notes: [Note, Note];
}

/** A card played to its end, for the recap. */
export interface Played {
  cardId: string;
  /** Guess cards both answered: the two sealed answers, so the browsers count the right guesses in the recap. */
  guesses?: [Sealed, Sealed];
  starred: boolean;
  /** A card one of the two wrote, as it was played (it may be taken back later). */
  own?: OwnCard;
}

export interface State {
  /** audience: the room's at setup (missing in games from before: read from partnersOnly). */
  options: Options & { partnersOnly: boolean; audience?: Audience };
  phase: 'consent' | 'play' | 'finished';
  consent: [Consent | null, Consent | null];
  /** Both chose, but no kind in common: choose again. */
  noOverlap: boolean;
  kinds: IntimacyKind[];
  ceiling: Depth;
  firstReader: SeatIndex;
  used: string[];
  round: Round | null;
  completed: number;
  /** Cards played to their end. Missing (rooms from before): none recorded. */
  played?: Played[];
  /** After the last card, what each would like next; they go on when both wish the same. */
  wishes?: [Wish | null, Wish | null];
  /** The depth of the extra cards both chose after the last one (null: as the session goes). */
  extraDepth?: Depth | null;
  /** The closing card, from the last card on. Missing (rooms from before): none. */
  closing?: Closing | null;
  /** Where the wildcards come, and the ones played (wildcard.ts). Missing (games from before): none. */
  wildcards?: Wildcards;
  /** What the room keeps from game to game: favourites and the cards they wrote (library.ts). */
  library?: Library;
}

export type Move =
  | { type: 'consent'; kinds: IntimacyKind[]; maxDepth: Depth }
  | { type: 'redraw'; cardId: string }
  /** An Answer, sealed as JSON for answerSlot(cardId) by the one answering. */
  | { type: 'answer'; cardId: string; sealed: Sealed }
  | { type: 'done'; cardId: string }
  | { type: 'pass'; cardId: string }
  /** A Reaction key sealed for reactionSlot(cardId); null takes it back. */
  | { type: 'react'; cardId: string; reaction: Sealed | null }
  /** Starring carries both revealed answers' words, sealed by the starring browser for memory:<memoryKeyOf>. */
  | { type: 'star'; cardId: string; starred: boolean; entries?: { seat: SeatIndex; sealed: Sealed }[] }
  | { type: 'next'; cardId: string }
  /** After the other passed on a card I answered: show my answer anyway, or let it go. */
  | { type: 'share-anyway'; cardId: string }
  | { type: 'let-go'; cardId: string }
  /** After the last card: a few more (deeper: one level deeper). */
  | { type: 'more'; deeper: boolean }
  /** The closing card: my note to the other, sealed for noteSlot(round); null skips it. */
  | { type: 'note'; round: number; sealed: Sealed | null }
  /** The wildcard on offer with the card revealed now (`cardId`): what the next card will be. */
  | { type: 'wildcard'; cardId: string; to: WildcardChoice; kind?: IntimacyKind }
  /** "Come back to this": keep the card on the table for a later game (or not). */
  | { type: 'favourite'; cardId: string; on: boolean }
  /** A card I wrote, its words (OwnWords as JSON) sealed for ownCardSlot(id); id made by my browser. */
  | { type: 'write-card'; id: string; kind: IntimacyKind; depth: Depth; cardType: Card['type']; sealed: Sealed }
  /** Take back a card I wrote. */
  | { type: 'remove-card'; id: string };

export interface RoundView {
  number: number;
  reader: SeatIndex;
  card: Card;
  depth: Depth;
  redrawsLeft: number;
  /** Whose view this is (the seat `mine` was sealed by). */
  seat: SeatIndex;
  /** Whether each seat has answered — never what. */
  answered: [boolean, boolean];
  /** This seat's own answer, sealed. */
  mine: Sealed | null;
  revealed: boolean;
  /** The card takes written words (or, in talk mode, just talking) rather than choices. */
  open: boolean;
  /** Talk mode on an open card: talk it through, either taps Done. */
  talk: boolean;
  /** Both answers, sealed, only once revealed (an answer the other never gave is null). */
  answers: [Sealed | null, Sealed | null] | null;
  /** Each seat's sealed reaction, only once revealed. */
  reactions: [Sealed | null, Sealed | null];
  /** Whether this seat can react: only to an answer the other shared. */
  canReact: boolean;
  starred: boolean;
  /** Who passed after the other had answered (both see it; the one who answered chooses). */
  passedBy: SeatIndex | null;
  /** Who has tapped Next card. */
  ready: [boolean, boolean];
  /** The wildcard that chose this card, so both see why it is this one. */
  steered: Steer | null;
  /** The card is kept to come back to. */
  favourite: boolean;
  /** A card one of the two wrote: who, and its words sealed (open.ts reads them into `card`). */
  own: { by: SeatIndex; sealed: Sealed } | null;
}

/** The end of the session: what you did together, never a score about the two of you. */
export interface Recap {
  cards: number;
  kinds: IntimacyKind[];
  depths: Depth[];
  /** The guess cards both answered, with their sealed answers: the browser counts the guesses that landed. */
  guessed: { cardId: string; answers: [Sealed, Sealed] }[];
  /** The cards either starred, as their text. */
  starred: string[];
  /** The cards either starred that one of the two wrote: their words sealed (open.ts adds them to starred). */
  starredOwn: Pick<OwnCard, 'id' | 'by' | 'type' | 'sealed'>[];
  /** One level deeper is on offer: there is a depth beyond the deepest reached (it comes only if both choose it). */
  deeper: boolean;
  /** What each would like next; the other's wish for deeper cards reads as 'more' (it is theirs to tell). */
  wishes: [Wish | null, Wish | null];
}

/** The closing card as a seat sees it: the other's note only once both have written or skipped theirs. */
export interface ClosingView {
  round: number;
  /** Whose view this is (the seat `mine` was sealed by). */
  seat: SeatIndex;
  /** Whether each has written or skipped their note — never what it says. */
  done: [boolean, boolean];
  /** My own note, sealed (null: not written). */
  mine: Sealed | null;
  /** Both settled: each seat's note, sealed (null: skipped). */
  notes: [Sealed | null, Sealed | null] | null;
}

export interface View {
  phase: State['phase'];
  answerMode: AnswerMode;
  rounds: number;
  completed: number;
  consent: { mine: Consent | null; otherChose: boolean; noOverlap: boolean };
  /** What both agreed to, once both chose (never who limited it). */
  agreed: { kinds: IntimacyKind[]; ceiling: Depth } | null;
  round: RoundView | null;
  /** Once the last card is played. */
  recap: Recap | null;
  /** The closing card, once the last card is played (null in rooms from before). */
  closing: ClosingView | null;
  /** A wildcard on offer with the card revealed now (null: none). */
  wildcard: WildcardView | null;
  /** What the room keeps from game to game, as this seat may see it. */
  library: LibraryView;
}

