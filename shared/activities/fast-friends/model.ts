// Fast friends' shapes and limits, and how the browser writes the few words it seals and reads them back.
// Pure, no content (the questions are in shared/content/fast-friends.ts and reach the browser one at a
// time, in the view). The server holds the words only sealed, so the check here is the screen's.
import type { Bucket } from '../../sealed/shape.js';

/** "A few words": what each may type beside talking, if they like. */
export const WORDS_MAX = 280;
/**
 * Words seal into 1,024 bytes, padded, so neither their length nor whether anything was typed at all
 * shows (an answer always carries a sealed value, empty words too); 280 characters of the worst kind
 * (each escaped in the JSON) still fit in 4,096.
 */
export const WORDS_BUCKET: Bucket = 4096;
const PADDED_TO = 1024 - 4;

/** About how long a set takes: a gentle sense of time on screen, never a stop. */
export const SET_MINUTES = 15;

/** Where to go on to: the next question, or the next set (the closing minute after the last). */
export const GOING = ['question', 'set'] as const;
export type Going = (typeof GOING)[number];

export type Phase = 'intro' | 'questions' | 'closing' | 'done';

/** Ending in this phase keeps the session, to pick up again from the lobby where it was (the core's `keep`). */
export const keepsPlace = (phase: Phase) => phase === 'questions' || phase === 'closing';

/**
 * Where the closing minute is after `elapsed` seconds: which of its `lines` lines is showing (each gets
 * an equal share of the minute), how many seconds are left, and whether it is over.
 */
export function closingAt(elapsed: number, lines: number, seconds: number): { line: number; left: number; over: boolean } {
  const at = Math.max(0, Math.min(seconds, Math.floor(elapsed)));
  return { line: Math.min(lines - 1, Math.floor((at / seconds) * lines)), left: seconds - at, over: at >= seconds };
}

/** Where one person's words for one question are sealed: by them, for this game and the question's place. */
export function wordsSlot(game: string, at: number): string {
  return `words:${game}:${at}`;
}

/** The key of the memory a star on one question makes: one per question and game. */
export function memoryKey(game: string, at: number): string {
  return `fast-friends:${game}:${at}`;
}

/** A question as this screen reads it: `{them}` is the other person by name, or "each other". */
export function questionText(text: string, them: string | null): string {
  return text.replaceAll('{them}', them ?? 'each other');
}

/** What is wrong with the words before sealing, or null (none at all is fine: typing is optional). */
export function wordsProblem(text: string): string | null {
  return text.trim().length > WORDS_MAX ? `A few words only: up to ${WORDS_MAX} characters.` : null;
}

const bytes = (text: string) => new TextEncoder().encode(text).length;

/** The words as they are sealed: JSON, padded with spaces so every answer seals to the same size. */
export function writeWords(text: string): string {
  const words = text.trim();
  const plain = JSON.stringify({ words, pad: '' });
  const room = PADDED_TO - bytes(plain);
  return room > 0 ? JSON.stringify({ words, pad: ' '.repeat(room) }) : plain;
}

/** Reads the words back strictly: '' when none were typed, null for anything that is not words. */
export function readWords(text: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const words = typeof value === 'object' && value !== null ? (value as { words?: unknown }).words : undefined;
  return typeof words === 'string' && words.length <= WORDS_MAX ? words : null;
}
