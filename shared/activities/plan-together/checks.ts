// What the browser checks before it seals a value of "Plan something together": the server cannot read
// the values any more, so what it used to check of their content (non-empty, lengths, real dates) is
// checked here, with the same sentences, and nothing is sent when one is wrong. Pure, for the browser.
import type { AppError } from '../../core.js';

export const STEP_TEXT_MAX = 200;

/** A thing to write: trimmed, or what is wrong with it (`what` names it in the sentence). */
export function cleanText(text: string, what: string): string | AppError {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { code: 'BAD_REQUEST', message: `${what} cannot be empty.` };
  if (trimmed.length > STEP_TEXT_MAX) return { code: 'TOO_LONG', message: `${what} can be up to ${STEP_TEXT_MAX} characters.` };
  return trimmed;
}

export function cleanIdea(text: string): string | AppError {
  const trimmed = text.trim();
  if (!trimmed) return { code: 'BAD_REQUEST', message: 'Write the idea, or pick one.' };
  if (trimmed.length > STEP_TEXT_MAX) return { code: 'TOO_LONG', message: `Ideas can be up to ${STEP_TEXT_MAX} characters.` };
  return trimmed;
}

/** A line that may be empty (why it matters), or the thanks, which may not. */
export function cleanLine(text: string, empty: string | null): string | AppError {
  const trimmed = text.trim();
  if (!trimmed && empty !== null) return { code: 'BAD_REQUEST', message: empty };
  if (trimmed.length > STEP_TEXT_MAX) return { code: 'TOO_LONG', message: `Keep it under ${STEP_TEXT_MAX} characters.` };
  return trimmed;
}

/** True for a real calendar date written YYYY-MM-DD (no 31 February). */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** A day of slack, so someone a timezone behind can still pick "today". */
function isPast(date: string, now: number): boolean {
  return date < new Date(now - 86_400_000).toISOString().slice(0, 10);
}

/** A date (or none); a target date in the past is asked about first unless `confirmPast`. */
export function checkDate(date: string | null, now: number, confirmPast = true): AppError | null {
  if (date === null || date === '') return null;
  if (!isCalendarDate(date)) return { code: 'BAD_REQUEST', message: 'That is not a real date.' };
  if (!confirmPast && isPast(date, now)) return { code: 'PAST_DATE', message: 'That date has passed. Use it anyway?' };
  return null;
}
