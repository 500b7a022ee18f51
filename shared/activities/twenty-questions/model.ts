// 20 Questions' shapes and limits, shared by the core (index.ts), open.ts and the screens; no prompts.
// Everything a person writes or picks is sealed in their browser for its slot (the slot names below): the
// thing to guess by the thinker, each question and guess by the asker, each answer, the hint and the story
// by the thinker. The core keeps the sealed text with its structure; the browser checks what it seals first.
import type { Audience, SeatIndex } from '../../core.js';
import type { PromptKind } from '../../content/twenty-questions.js';
import type { Bucket, Sealed } from '../../sealed/shape.js';

export const ACTIVITY = 'twenty-questions';
export const QUESTIONS = 20;
/** A hint may be asked once this many questions have been answered. */
export const HINT_AFTER = 10;
/** Guesses one round takes at most (wrong ones do not use up questions). */
export const MAX_GUESSES = 10;
/** How many prompts the thinker is offered at a time: one of each kind. */
export const PROMPTS_SHOWN = 5;

export const THING_MAX = 120;
export const QUESTION_MAX = 200;
export const WORDS_MAX = 120;
export const GUESS_MAX = 120;
export const HINT_MAX = 200;
export const STORY_MAX = 500;

/**
 * What each sealed value fits: the thing (JSON with its prompt), a question, an answer (JSON), a guess
 * and a hint are at most 1,020 bytes of UTF-8 even with every character escaped; the story up to 4,092.
 */
export const BUCKET = { thing: 1024, question: 1024, answer: 1024, guess: 1024, hint: 1024, story: 4096 } as const satisfies Record<string, Bucket>;

export const REPLIES = { yes: 'Yes', no: 'No', sometimes: 'Sometimes', unknown: "Don't know" } as const;
export type Reply = keyof typeof REPLIES;

export const PROMPT_KIND_LABELS: Record<PromptKind, string> = {
  memory: 'A shared memory',
  place: 'A place',
  me: 'Something about me',
  story: 'A film or book',
  object: 'Something near me',
};

export type Phase = 'choosing' | 'asking' | 'revealed';
/** Why the round was revealed: a right guess, all 20 questions answered, or the asker asked to be told. */
export type Ending = 'guessed' | 'out-of-questions' | 'gave-up';

export interface Question {
  /** The asker's words sealed for questionSlot(round, n), or null: asked aloud on a call or across the sofa. */
  words: Sealed | null;
  /** The thinker's Answer, sealed for answerSlot(round, n); null until answered. */
  answer: Sealed | null;
}

export interface Guess {
  /** The asker's guess, sealed for guessSlot(round, n). */
  words: Sealed;
  /** The thinker's plain verdict (the server cannot compare sealed words); null until given. */
  right: boolean | null;
  /** How many questions had been asked when it was made, to place it in the log. */
  afterQuestions: number;
}

export interface Hint {
  asked: boolean;
  /** The thinker's hint, sealed for hintSlot(round); null until written. */
  given: Sealed | null;
}

export interface State {
  audience: Audience;
  /** 1, 2, …: a new round each time they swap roles. */
  round: number;
  thinker: SeatIndex;
  phase: Phase;
  /** The prompt ids offered to the thinker while choosing (one per kind). */
  prompts: string[];
  /** The Thing, sealed by the thinker for thingSlot(round); null until chosen. */
  thing: Sealed | null;
  questions: Question[];
  guesses: Guess[];
  hint: Hint;
  ending: Ending | null;
  /** Why this? A few words by the thinker after the reveal, sealed for storySlot(round). */
  story: Sealed | null;
  starred: [boolean, boolean];
  /** Who is ready to swap roles for the next round. */
  swap: [boolean, boolean];
}

/** What the thinker seals as the thing: its words, and the prompt it came from (its text), if any. */
export interface Thing {
  text: string;
  prompt?: string;
}

/** What the thinker seals as an answer: the reply and a few optional words. */
export interface Answer {
  reply: Reply;
  words?: string;
}

export interface PromptView {
  id: string;
  kind: PromptKind;
  text: string;
}

export interface View {
  /** Whose view this is. */
  seat: SeatIndex;
  round: number;
  thinker: SeatIndex;
  phase: Phase;
  /** The prompts on offer: to the thinker while choosing, to nobody else. */
  prompts: PromptView[];
  /** The thing, sealed: the thinker's own once chosen, and the asker's only at the reveal. */
  thing: Sealed | null;
  questions: Question[];
  guesses: Guess[];
  hint: Hint;
  ending: Ending | null;
  story: Sealed | null;
  /** Whether this seat starred this round's reveal. */
  starred: boolean;
  swap: [boolean, boolean];
  /** Rules the screens need, from the core: what the asker may do now, and the questions left. */
  can: { ask: boolean; guess: boolean; askHint: boolean; giveUp: boolean };
  questionsLeft: number;
}

export type Move =
  | { type: 'prompts' }
  | { type: 'choose'; thing: Sealed }
  /** Question number n (1-based); words null: asked aloud. */
  | { type: 'ask'; n: number; words: Sealed | null }
  | { type: 'answer'; n: number; answer: Sealed }
  | { type: 'guess'; n: number; words: Sealed }
  | { type: 'judge'; n: number; right: boolean }
  | { type: 'ask-hint' }
  | { type: 'hint'; words: Sealed }
  | { type: 'give-up' }
  /** Why this? null takes the words back. */
  | { type: 'story'; words: Sealed | null }
  | { type: 'star'; starred: boolean; entries?: { seat: SeatIndex; sealed: Sealed }[] }
  | { type: 'swap'; ready: boolean };

export const thingSlot = (round: number) => `thing:${round}`;
export const questionSlot = (round: number, n: number) => `question:${round}:${n}`;
export const answerSlot = (round: number, n: number) => `answer:${round}:${n}`;
export const guessSlot = (round: number, n: number) => `guess:${round}:${n}`;
export const hintSlot = (round: number) => `hint:${round}`;
export const storySlot = (round: number) => `story:${round}`;
/** The key of a round's memory: the same for both, so starring twice keeps one. */
export const memoryKeyOf = (round: number) => `twenty-questions:${round}`;
/** A memory's title: nobody's words. */
export const MEMORY_TITLE = 'A round of 20 Questions: the thing to guess';

/** Why a text cannot be sealed as it is, in the screen's words, or null when it can (counted trimmed). */
function textProblem(text: string, max: number, empty: string | null, what: string): string | null {
  const trimmed = text.trim();
  if (empty !== null && trimmed.length === 0) return empty;
  if (trimmed.length > max) return `${what} can be up to ${max} characters.`;
  return null;
}

export const thingProblem = (text: string) => textProblem(text, THING_MAX, 'Write the thing for them to guess.', 'The thing');
export const questionProblem = (text: string) => textProblem(text, QUESTION_MAX, 'Write your question, or tap “Asked aloud”.', 'A question');
export const wordsProblem = (text: string) => textProblem(text, WORDS_MAX, null, 'A few words');
export const guessProblem = (text: string) => textProblem(text, GUESS_MAX, 'Write your guess.', 'A guess');
export const hintProblem = (text: string) => textProblem(text, HINT_MAX, 'Write a hint.', 'A hint');
export const storyProblem = (text: string) => textProblem(text, STORY_MAX, 'Write a few words, or just talk about it.', 'The story');

/** The thing as it is sealed: trimmed words, and the prompt's text if one was used. */
export function writeThing(text: string, prompt?: string): string {
  const thing: Thing = { text: text.trim() };
  if (prompt) thing.prompt = prompt;
  return JSON.stringify(thing);
}

export function writeAnswer(reply: Reply, words: string): string {
  const answer: Answer = { reply };
  if (words.trim()) answer.words = words.trim();
  return JSON.stringify(answer);
}

function parsed(json: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A thing as a browser sealed it, or null when it is not one (the other device may send anything). */
export function readThing(json: string): Thing | null {
  const value = parsed(json);
  if (!value || typeof value.text !== 'string' || value.text.trim() === '') return null;
  if (value.prompt !== undefined && typeof value.prompt !== 'string') return null;
  return value.prompt ? { text: value.text, prompt: value.prompt } : { text: value.text };
}

export function readAnswer(json: string): Answer | null {
  const value = parsed(json);
  if (!value || typeof value.reply !== 'string' || !Object.hasOwn(REPLIES, value.reply)) return null;
  if (value.words !== undefined && typeof value.words !== 'string') return null;
  return value.words ? { reply: value.reply as Reply, words: value.words } : { reply: value.reply as Reply };
}

/** What a starred round keeps in Memories: the thing, with its story if one was written. */
export function memoryText(thing: string, story: string | null): string {
  return story ? `${thing} — ${story}` : thing;
}
