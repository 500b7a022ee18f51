// How 20 Questions' view opens in the browser (shared/activities/opened.ts): each sealed value opened where
// its writer sealed it — the thing, the answers, the hint and the story as the thinker's, the questions and
// guesses as the asker's — and read strictly. A value that does not open reads UNREADABLE and the rest works.
// Imports the model only, never the prompt deck or the core.
import type { SeatIndex } from '../../core.js';
import { UNREADABLE, type Opener } from '../../sealed/opener.js';
import type { Sealed } from '../../sealed/shape.js';
import {
  ACTIVITY,
  answerSlot,
  guessSlot,
  hintSlot,
  memoryText,
  questionSlot,
  readAnswer,
  readThing,
  REPLIES,
  storySlot,
  thingSlot,
  type Reply,
  type View,
} from './model.js';

/** Opened words: what they say, or UNREADABLE with `unreadable` set. */
export interface OpenText {
  text: string;
  unreadable: boolean;
}

export interface OpenThing extends OpenText {
  /** The prompt it came from, if any. */
  prompt: string | null;
}

export interface OpenAnswer {
  /** null when it did not open. */
  reply: Reply | null;
  label: string;
  words: string | null;
}

export interface OpenQuestion {
  n: number;
  /** null: asked aloud. */
  words: OpenText | null;
  answer: OpenAnswer | null;
}

export interface OpenGuess {
  n: number;
  words: OpenText;
  right: boolean | null;
  afterQuestions: number;
}

export type OpenView = Omit<View, 'thing' | 'questions' | 'guesses' | 'hint' | 'story'> & {
  thing: OpenThing | null;
  questions: OpenQuestion[];
  guesses: OpenGuess[];
  hint: { asked: boolean; given: OpenText | null };
  story: OpenText | null;
};

const UNREADABLE_TEXT: OpenText = { text: UNREADABLE, unreadable: true };

async function openText(open: Opener, seat: SeatIndex, slot: string, sealed: Sealed): Promise<OpenText> {
  const text = await open({ activity: ACTIVITY, slot, seat }, sealed);
  return text === null || text.trim() === '' ? UNREADABLE_TEXT : { text, unreadable: false };
}

async function openThing(open: Opener, view: View, sealed: Sealed): Promise<OpenThing> {
  const json = await open({ activity: ACTIVITY, slot: thingSlot(view.round), seat: view.thinker }, sealed);
  const thing = json === null ? null : readThing(json);
  return thing ? { text: thing.text, prompt: thing.prompt ?? null, unreadable: false } : { ...UNREADABLE_TEXT, prompt: null };
}

async function openAnswer(open: Opener, view: View, n: number, sealed: Sealed): Promise<OpenAnswer> {
  const json = await open({ activity: ACTIVITY, slot: answerSlot(view.round, n), seat: view.thinker }, sealed);
  const answer = json === null ? null : readAnswer(json);
  return answer ? { reply: answer.reply, label: REPLIES[answer.reply], words: answer.words ?? null } : { reply: null, label: UNREADABLE, words: null };
}

export async function openView(view: View, open: Opener): Promise<OpenView> {
  const asker = view.thinker === 0 ? 1 : 0;
  const questions = await Promise.all(
    view.questions.map(async (q, i): Promise<OpenQuestion> => ({
      n: i + 1,
      words: q.words === null ? null : await openText(open, asker, questionSlot(view.round, i + 1), q.words),
      answer: q.answer === null ? null : await openAnswer(open, view, i + 1, q.answer),
    })),
  );
  const guesses = await Promise.all(
    view.guesses.map(async (g, i): Promise<OpenGuess> => ({
      n: i + 1,
      words: await openText(open, asker, guessSlot(view.round, i + 1), g.words),
      right: g.right,
      afterQuestions: g.afterQuestions,
    })),
  );
  return {
    ...view,
    thing: view.thing === null ? null : await openThing(open, view, view.thing),
    questions,
    guesses,
    hint: { asked: view.hint.asked, given: view.hint.given === null ? null : await openText(open, view.thinker, hintSlot(view.round), view.hint.given) },
    story: view.story === null ? null : await openText(open, view.thinker, storySlot(view.round), view.story),
  };
}

/** What a star keeps in Memories: the thing and its story, as the thinker's words; none when the thing did not open. */
export function starWords(view: OpenView): { seat: SeatIndex; text: string }[] {
  if (!view.thing || view.thing.unreadable) return [];
  const story = view.story && !view.story.unreadable ? view.story.text : null;
  return [{ seat: view.thinker, text: memoryText(view.thing.text, story) }];
}
