// How Fast friends' view opens in the browser (shared/activities/opened.ts): each person's few words on
// the question on the table, opened where they were sealed (this activity, the game's slot for the
// question, the writer's seat) and read strictly; words that do not open are null (the screen says
// "Couldn't read this.") and the rest works. Also what the screens need from the view that is not
// the view itself: who is ready for which way on (TogetherStep's pairs), and what a star keeps.
import type { SeatIndex } from '../../core.js';
import type { Opener } from '../../sealed/opener.js';
import type { QuestionView, TurnView, View } from './index.js';
import { readWords, wordsSlot, type Going } from './model.js';

const ACTIVITY = 'fast-friends';

export interface OpenTurn extends Omit<TurnView, 'words'> {
  /** What they typed ('' for nothing), once shown; null while hidden or when it did not open. */
  words: string | null;
  /** The words were there but did not open. */
  unreadable: boolean;
}

export type OpenQuestion = Omit<QuestionView, 'turns'> & { turns: [OpenTurn, OpenTurn] };

export type OpenView = Omit<View, 'question'> & { question: OpenQuestion | null };

async function openTurn(open: Opener, game: string, at: number, seat: SeatIndex, turn: TurnView): Promise<OpenTurn> {
  if (turn.words === null) return { ...turn, words: null, unreadable: false };
  const text = await open({ activity: ACTIVITY, slot: wordsSlot(game, at), seat }, turn.words);
  const words = text === null ? null : readWords(text);
  return { ...turn, words, unreadable: words === null };
}

export async function openView(view: View, open: Opener): Promise<OpenView> {
  const q = view.question;
  if (!q) return { ...view, question: null };
  const turns = await Promise.all(([0, 1] as const).map((seat) => openTurn(open, view.game, q.at, seat, q.turns[seat])));
  return { ...view, question: { ...q, turns: [turns[0]!, turns[1]!] } };
}

/** Both are done with the question on the table: their words are shown, and moving on is next. */
export function revealed(view: Pick<OpenView, 'question'>): boolean {
  return view.question !== null && view.question.turn === null;
}

/**
 * Who is ready for this way on, as TogetherStep reads it. At the last question of a set both ways lead
 * to the same place, so either counts.
 */
export function readyFor(view: { going: OpenView['going']; question: { lastInSet: boolean } | null }, to: Going): [boolean, boolean] {
  const same = view.question?.lastInSet ?? true;
  return [0, 1].map((s) => {
    const going = view.going[s];
    return going !== null && (same || going === to);
  }) as [boolean, boolean];
}

/** What a star keeps in Memories, for the starring browser to seal: the words each typed (none typed, none kept). */
export function starWords(q: OpenQuestion): { seat: SeatIndex; text: string }[] {
  return ([0, 1] as const).flatMap((seat) => {
    const words = q.turns[seat].words;
    return q.turns[seat].passed === false && words ? [{ seat, text: words }] : [];
  });
}

/** Minutes since the set began (never below zero: the two clocks may differ a little). */
export function minutesIn(view: Pick<OpenView, 'setStartedAt'>, now: number): number | null {
  return view.setStartedAt === null ? null : Math.max(0, Math.floor((now - view.setStartedAt) / 60_000));
}
