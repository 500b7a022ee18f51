// How Question Swap's view opens in the browser (shared/activities/opened.ts): this seat's own answer, and
// after the reveal both answers and reactions, opened with the Opener; what follows from their content (an
// answer's words, who guessed right, the recap's count of right guesses) is computed here. Imports the
// model only, never the deck or the core, so the browser bundle takes nothing else.
import type { Card } from '../../content/card.js';
import type { SeatIndex } from '../../core.js';
import { UNREADABLE, type Opener } from '../../sealed/opener.js';
import type { Sealed } from '../../sealed/shape.js';
import {
  answerSlot,
  answerWords,
  noteSlot,
  REACTIONS,
  reactionSlot,
  type Answer,
  type ClosingView,
  type Reaction,
  type Recap,
  type RoundView,
  type View,
} from './model.js';
import { ownCardSlot, readOwnWords, type LibraryView, type OwnCard } from './library.js';

const ACTIVITY = 'question-swap';

/** An answer as the screens show it: what it says, or UNREADABLE (and nothing else) when it did not open. */
export interface OpenAnswer extends Answer {
  words: string;
  unreadable: boolean;
}

/** A reaction as the screens show it: its key and label, or no key and UNREADABLE when it did not open. */
export interface OpenReaction {
  key: Reaction | null;
  label: string;
}

export type OpenRound = Omit<RoundView, 'mine' | 'answers' | 'reactions' | 'own'> & {
  /** A card one of the two wrote: who (its words are in `card`, or UNREADABLE when they did not open). */
  own: { by: SeatIndex; unreadable: boolean } | null;
  mine: OpenAnswer | null;
  /** Both answers, once revealed (an answer the other never gave is null). */
  answers: [OpenAnswer | null, OpenAnswer | null] | null;
  /** Guess cards, once revealed and both answers read: did each seat guess the other right? */
  guessedRight: [boolean, boolean] | null;
  reactions: [OpenReaction | null, OpenReaction | null];
};

/** A card I wrote, as the screens list it: its structure and its words (UNREADABLE when they did not open). */
export type OpenOwnCard = Omit<OwnCard, 'sealed'> & { text: string; options?: string[]; unreadable: boolean };

export type OpenLibrary = Omit<LibraryView, 'mine'> & { mine: OpenOwnCard[] };

export type OpenRecap = Omit<Recap, 'guessed' | 'starredOwn'> & {
  /** Guesses either got right, counted over the guess cards both answered (answers that did not open count none). */
  rightGuesses: number;
};

/** A closing note as the screens show it: its words, or UNREADABLE when it did not open. */
export interface OpenNote {
  words: string;
  unreadable: boolean;
}

export type OpenClosing = Omit<ClosingView, 'mine' | 'notes'> & {
  mine: OpenNote | null;
  /** Both settled: each seat's note (null: skipped). */
  notes: [OpenNote | null, OpenNote | null] | null;
};

/** The view as the screen reads it. */
export type OpenView = Omit<View, 'round' | 'recap' | 'closing' | 'library'> & {
  round: OpenRound | null;
  recap: OpenRecap | null;
  closing: OpenClosing | null;
  library: OpenLibrary;
};

const UNREADABLE_ANSWER: OpenAnswer = { words: UNREADABLE, unreadable: true };

function isIndex(n: unknown, options: number): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < options;
}

/**
 * An answer's JSON as a browser sealed it, or null when it is not one: a partner's device may send
 * anything, so each field is checked (a choice or guess outside the card's options is not an answer).
 */
export function readAnswer(json: string, options: number): Answer | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const { text, choice, guess } = parsed as Record<string, unknown>;
  if (text !== undefined && typeof text !== 'string') return null;
  if (choice !== undefined && !isIndex(choice, options)) return null;
  if (guess !== undefined && !isIndex(guess, options)) return null;
  const answer: Answer = {};
  if (text) answer.text = text;
  if (choice !== undefined) answer.choice = choice;
  if (guess !== undefined) answer.guess = guess;
  return answer;
}

async function openText(open: Opener, seat: SeatIndex, slot: string, sealed: Sealed): Promise<string | null> {
  // '' is what the view sends for a value stored before answers were sealed.
  if (typeof sealed !== 'string' || sealed === '') return null;
  return open({ activity: ACTIVITY, slot, seat }, sealed);
}

async function openAnswer(open: Opener, round: RoundView, seat: SeatIndex, sealed: Sealed | null): Promise<OpenAnswer | null> {
  if (sealed === null) return null;
  const text = await openText(open, seat, answerSlot(round.card.id), sealed);
  const answer = text === null ? null : readAnswer(text, round.card.options?.length ?? 0);
  return answer ? { ...answer, words: answerWords(round.card, answer), unreadable: false } : UNREADABLE_ANSWER;
}

async function openReaction(open: Opener, cardId: string, seat: SeatIndex, sealed: Sealed | null): Promise<OpenReaction | null> {
  if (sealed === null) return null;
  const key = await openText(open, seat, reactionSlot(cardId), sealed);
  return key !== null && Object.hasOwn(REACTIONS, key) ? { key: key as Reaction, label: REACTIONS[key as Reaction] } : { key: null, label: UNREADABLE };
}

/** Whether each guessed the other's own answer; null unless it is a guess card whose two answers both read. */
export function guessedRight(round: Pick<RoundView, 'card'>, answers: readonly [OpenAnswer | null, OpenAnswer | null] | null): [boolean, boolean] | null {
  const [a, b] = answers ?? [null, null];
  if (round.card.type !== 'guess' || !a || !b || a.unreadable || b.unreadable) return null;
  return [a.guess !== undefined && a.guess === b.choice, b.guess !== undefined && b.guess === a.choice];
}

/** A written card's words, opened as its writer sealed them; null when they do not open. */
async function openOwnWords(open: Opener, own: Pick<OwnCard, 'id' | 'by' | 'type' | 'sealed'>): Promise<{ text: string; options?: string[] } | null> {
  const json = await openText(open, own.by, ownCardSlot(own.id), own.sealed);
  return json === null ? null : readOwnWords(json, own.type);
}

async function openOwnCard(open: Opener, own: OwnCard): Promise<OpenOwnCard> {
  const { sealed: _sealed, ...rest } = own;
  const words = await openOwnWords(open, own);
  return words ? { ...rest, ...words, unreadable: false } : { ...rest, text: UNREADABLE, unreadable: true };
}

/** The card on the table, with a written card's words put in (UNREADABLE, and no options, when they do not open). */
async function openCard(round: RoundView, open: Opener): Promise<{ card: Card; own: OpenRound['own'] }> {
  if (!round.own) return { card: round.card, own: null };
  const words = await openOwnWords(open, { ...round.own, id: round.card.id, type: round.card.type });
  const card: Card = words ? { ...round.card, text: words.text, ...(words.options ? { options: words.options } : {}) } : { ...round.card, text: UNREADABLE };
  return { card, own: { by: round.own.by, unreadable: !words } };
}

async function openRound(sealedRound: RoundView, open: Opener): Promise<OpenRound> {
  const { card, own } = await openCard(sealedRound, open);
  const round = { ...sealedRound, card };
  const answers = round.answers && ([await openAnswer(open, round, 0, round.answers[0]), await openAnswer(open, round, 1, round.answers[1])] as const);
  const reactions = [await openReaction(open, round.card.id, 0, round.reactions[0]), await openReaction(open, round.card.id, 1, round.reactions[1])] as const;
  return {
    ...round,
    own,
    mine: await openAnswer(open, round, round.seat, round.mine),
    answers: answers && [...answers],
    guessedRight: guessedRight(round, answers),
    reactions: [...reactions],
  };
}

/** The guesses that landed over the guess cards both answered; an answer that does not open counts none. */
async function rightGuesses(guessed: Recap['guessed'], open: Opener): Promise<number> {
  let right = 0;
  for (const { cardId, answers } of guessed) {
    const [a, b] = await Promise.all(
      ([0, 1] as const).map(async (seat) => {
        const text = await openText(open, seat, answerSlot(cardId), answers[seat]);
        return text === null ? null : readAnswer(text, Number.MAX_SAFE_INTEGER);
      }),
    );
    if (!a || !b) continue;
    right += Number(a.guess !== undefined && a.guess === b.choice) + Number(b.guess !== undefined && b.guess === a.choice);
  }
  return right;
}

async function openRecap(recap: Recap, open: Opener): Promise<OpenRecap> {
  const { guessed, starredOwn, ...rest } = recap;
  const written = await Promise.all(starredOwn.map(async (c) => (await openOwnWords(open, c))?.text ?? UNREADABLE));
  return { ...rest, starred: [...rest.starred, ...written], rightGuesses: await rightGuesses(guessed, open) };
}

async function openNote(open: Opener, round: number, seat: SeatIndex, sealed: Sealed | null): Promise<OpenNote | null> {
  if (sealed === null) return null;
  const words = await openText(open, seat, noteSlot(round), sealed);
  return words === null ? { words: UNREADABLE, unreadable: true } : { words, unreadable: false };
}

async function openClosing(closing: ClosingView, open: Opener): Promise<OpenClosing> {
  const notes = closing.notes && ([await openNote(open, closing.round, 0, closing.notes[0]), await openNote(open, closing.round, 1, closing.notes[1])] as const);
  return { ...closing, mine: await openNote(open, closing.round, closing.seat, closing.mine), notes: notes && [...notes] };
}

export async function openView(view: View, open: Opener): Promise<OpenView> {
  return {
    ...view,
    round: view.round && (await openRound(view.round, open)),
    recap: view.recap && (await openRecap(view.recap, open)),
    closing: view.closing && (await openClosing(view.closing, open)),
    library: { ...view.library, mine: await Promise.all(view.library.mine.map((c) => openOwnCard(open, c))) },
  };
}
