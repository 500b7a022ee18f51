// How Appreciations' view opens in the browser (shared/activities/opened.ts): the writer's own list, and
// each shown appreciation and its answer, opened with the Opener where they were sealed (this activity,
// the game's slot, the writer's or the receiver's seat) and read strictly. One that does not open is
// null (the screen says "Couldn't read this.") and the rest works. `starWords` gives what a star keeps.
import { other, type SeatIndex } from '../../core.js';
import type { Opener } from '../../sealed/opener.js';
import type { Card, View } from './index.js';
import { ANSWER_LABELS, answerSlot, itemSlot, readAnswer, readAppreciation, type Answer } from './model.js';

const ACTIVITY = 'appreciations';

export interface OpenCard extends Omit<Card, 'sealed' | 'answer'> {
  /** Who it was written for. */
  to: SeatIndex;
  /** The words, or null when they did not open. */
  text: string | null;
  answered: boolean;
  /** The answer, or null when there is none yet or it did not open. */
  answer: Answer | null;
}

export type OpenView = Omit<View, 'mine' | 'cards'> & {
  /** My own appreciations as I wrote them (null for one that did not open). */
  mine: { items: (string | null)[]; done: boolean };
  cards: OpenCard[];
};

async function openWith<T>(open: Opener, at: { slot: string; seat: SeatIndex }, sealed: string, read: (text: string) => T | null): Promise<T | null> {
  const text = await open({ activity: ACTIVITY, ...at }, sealed);
  return text === null ? null : read(text);
}

export async function openView(view: View, open: Opener): Promise<OpenView> {
  const [items, cards] = await Promise.all([
    Promise.all(view.mine.items.map((sealed, i) => openWith(open, { slot: itemSlot(view.game, i), seat: view.seat }, sealed, readAppreciation))),
    Promise.all(
      view.cards.map(async (card): Promise<OpenCard> => {
        const to = other(card.from);
        const [text, answer] = await Promise.all([
          openWith(open, { slot: itemSlot(view.game, card.index), seat: card.from }, card.sealed, readAppreciation),
          card.answer === null ? null : openWith(open, { slot: answerSlot(view.game, card.from, card.index), seat: to }, card.answer, readAnswer),
        ]);
        return { at: card.at, from: card.from, index: card.index, to, text, answered: card.answer !== null, answer };
      }),
    ),
  ]);
  return { ...view, mine: { items, done: view.mine.done }, cards };
}

/** The one being read now: the last shown, while it is unanswered. */
export function currentCard(view: OpenView): OpenCard | null {
  const last = view.cards.at(-1);
  return last && !last.answered ? last : null;
}

/**
 * What a star keeps in Memories, for the starring browser to seal (sealMemory): the writer's words under
 * their name, and the receiver's answer under theirs once given. Nothing when the words did not open.
 */
export function starWords(card: OpenCard): { seat: SeatIndex; text: string }[] {
  if (card.text === null) return [];
  return [{ seat: card.from, text: card.text }, ...(card.answer ? [{ seat: card.to, text: ANSWER_LABELS[card.answer] }] : [])];
}

/** Every appreciation has been read and answered: the ending. */
export function everyRead(view: OpenView): boolean {
  return view.total > 0 && view.cards.length === view.total && view.cards.every((c) => c.answered);
}
