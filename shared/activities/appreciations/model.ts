// Appreciations' shapes and limits, and how the browser writes what it seals and reads it back. Pure and
// browser-side: the server holds every appreciation and every answer only sealed, so these checks are
// the screens', made before sealing. No content here (the starters are in shared/content/appreciations.ts).
import type { SeatIndex } from '../../core.js';
import type { Bucket } from '../../sealed/shape.js';

/** Each writes one to three. */
export const MAX_APPRECIATIONS = 3;
export const APPRECIATION_MAX = 600;

/**
 * An appreciation seals into 1,024 bytes (padded, so its length does not show) unless it is very long or
 * full of escaped characters; 600 characters of the worst kind still fit in 4,096.
 */
export const ITEM_BUCKET: Bucket = 4096;
const PADDED_TO = 1024 - 4;
/** An answer is one of three short codes: always 64 bytes sealed, so which one does not show. */
export const ANSWER_BUCKET: Bucket = 64;

export const ANSWERS = ['felt', 'more', 'keep'] as const;
export type Answer = (typeof ANSWERS)[number];
export const ANSWER_LABELS: Record<Answer, string> = { felt: 'Felt that', more: 'Tell me more', keep: 'Keeping this' };

/** Where one appreciation is sealed: by its writer, for this game and its place in their list. */
export function itemSlot(game: string, index: number): string {
  return `appreciation:${game}:${index}`;
}

/** Where the answer to one is sealed: by the one it was written for. */
export function answerSlot(game: string, from: SeatIndex, index: number): string {
  return `answer:${game}:${from}-${index}`;
}

/** The appreciations as they will be sealed (trimmed, empty ones left out), or what is wrong with them. */
export function checkAppreciations(texts: readonly string[]): { ok: true; value: string[] } | { ok: false; problem: string } {
  const value = texts.map((t) => t.trim()).filter((t) => t.length > 0);
  if (value.length === 0) return { ok: false, problem: 'Write at least one appreciation.' };
  if (value.length > MAX_APPRECIATIONS) return { ok: false, problem: `Write at most ${MAX_APPRECIATIONS} appreciations.` };
  if (value.some((t) => t.length > APPRECIATION_MAX)) return { ok: false, problem: `Each appreciation can be up to ${APPRECIATION_MAX} characters.` };
  return { ok: true, value };
}

const bytes = (text: string) => new TextEncoder().encode(text).length;

/** One appreciation as it is sealed: JSON, padded with spaces so most seal to the same size. */
export function writeAppreciation(text: string): string {
  const plain = JSON.stringify({ text, pad: '' });
  const room = PADDED_TO - bytes(plain);
  return room > 0 ? JSON.stringify({ text, pad: ' '.repeat(room) }) : plain;
}

/** Reads an appreciation back strictly: anything else (damaged, or sent broken by a device) is null. */
export function readAppreciation(text: string): string | null {
  const value = parseJson(text);
  if (typeof value !== 'object' || value === null) return null;
  const words = (value as { text?: unknown }).text;
  return typeof words === 'string' && words.trim().length > 0 && words.length <= APPRECIATION_MAX ? words : null;
}

export function writeAnswer(answer: Answer): string {
  return answer;
}

export function readAnswer(text: string): Answer | null {
  return (ANSWERS as readonly string[]).includes(text) ? (text as Answer) : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
