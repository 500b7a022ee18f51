// Question Swap's shapes and limits, shared by the core (index.ts) and the screens; no logic, no cards.
import type { Card } from '../../content/card.js';
import type { SeatIndex } from '../../core.js';
import type { Depth, IntimacyKind } from '../../intimacy.js';

export const ANSWER_MAX = 2_000;
export const REDRAWS_PER_ROUND = 2;
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
}

export interface Consent {
  kinds: IntimacyKind[];
  maxDepth: Depth;
}

/** text for written answers; choice for would-you-rather and guess (my own answer); guess: what I think the other chose. */
export interface Answer {
  text?: string;
  choice?: number;
  guess?: number;
}

/** An answer as the reveal shows it. */
export interface RevealedAnswer extends Answer {
  words: string;
}

export interface Round {
  number: number;
  reader: SeatIndex;
  cardId: string;
  redrawsLeft: number;
  answers: [Answer | null, Answer | null];
  /** Talk mode: someone tapped Done. */
  talked: boolean;
  reactions: [Reaction | null, Reaction | null];
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
}

/** After the last card: a few more at the same depth, or one level deeper. */
export type Wish = 'more' | 'deeper';

/** A card played to its end, for the recap. */
export interface Played {
  cardId: string;
  /** How many of the two guessed the other right (guess cards). */
  rightGuesses: number;
  starred: boolean;
}

export interface State {
  options: Options & { partnersOnly: boolean };
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
}

export type Move =
  | { type: 'consent'; kinds: IntimacyKind[]; maxDepth: Depth }
  | { type: 'redraw'; cardId: string }
  | { type: 'answer'; cardId: string; text?: string; choice?: number; guess?: number }
  | { type: 'done'; cardId: string }
  | { type: 'pass'; cardId: string }
  | { type: 'react'; cardId: string; reaction: Reaction }
  | { type: 'star'; cardId: string; starred: boolean }
  | { type: 'next'; cardId: string }
  /** After the other passed on a card I answered: show my answer anyway, or let it go. */
  | { type: 'share-anyway'; cardId: string }
  | { type: 'let-go'; cardId: string }
  /** After the last card: a few more (deeper: one level deeper). */
  | { type: 'more'; deeper: boolean };

export interface RoundView {
  number: number;
  reader: SeatIndex;
  card: Card;
  depth: Depth;
  redrawsLeft: number;
  /** Whether each seat has answered — never what. */
  answered: [boolean, boolean];
  mine: Answer | null;
  revealed: boolean;
  /** The card takes written words (or, in talk mode, just talking) rather than choices. */
  open: boolean;
  /** Talk mode on an open card: talk it through, either taps Done. */
  talk: boolean;
  /** Both answers, only once revealed, each with the words to show (the choice and the text). */
  answers: [RevealedAnswer | null, RevealedAnswer | null] | null;
  /** Guess cards, once revealed: did each seat guess the other right? */
  guessedRight: [boolean, boolean] | null;
  reactions: [Reaction | null, Reaction | null];
  /** Whether this seat can react: only to an answer the other shared. */
  canReact: boolean;
  starred: boolean;
  /** Who passed after the other had answered (both see it; the one who answered chooses). */
  passedBy: SeatIndex | null;
  /** Who has tapped Next card. */
  ready: [boolean, boolean];
}

/** The end of the session: what you did together, never a score about the two of you. */
export interface Recap {
  cards: number;
  kinds: IntimacyKind[];
  depths: Depth[];
  /** Guesses either got right. */
  rightGuesses: number;
  /** The cards either starred, as their text. */
  starred: string[];
  /** One level deeper is on offer: both chose a depth beyond the deepest reached. */
  deeper: boolean;
  wishes: [Wish | null, Wish | null];
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
}

