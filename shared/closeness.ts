// Closeness circles: the Inclusion of Other in the Self measure — seven pairs of circles from apart to
// almost overlapping — offered before and after each activity. Optional, one tap, private until both
// have answered (or skipped); the revealed pairs form the room's history. Each answer is sealed by the
// answering browser (closenessSlot), so the server keeps only who has answered and the sealed pairs.
import { ok, other, refuse, withSeat, type Result, type SeatIndex } from './core.js';
import type { Bucket, Sealed } from './sealed/shape.js';

export const CIRCLES = 7;
/** Pairs kept for the history chart. */
export const HISTORY_MAX = 60;
/** The activity name a closeness answer is sealed under: it belongs to the room, not to an activity. */
export const CLOSENESS_ACTIVITY = 'room';

/** A sealed answer is one digit: the smallest bucket holds it. */
export const CLOSENESS_BUCKET: Bucket = 64;

/** Where one round's answers are sealed (under each answering seat). */
export const closenessSlot = (roundId: string): string => `closeness:${roundId}`;

export interface ClosenessRound {
  id: string;
  moment: 'before' | 'after';
  activity: string;
  at: number;
  /** Each seat's sealed answer (1–7, or 0 for skipped, as text), null while unanswered. */
  answers: [Sealed | null, Sealed | null];
}

export interface ClosenessView {
  /** The open question, if any: only whether each has answered (the answers stay on the server until both have). */
  open: { id: string; moment: ClosenessRound['moment']; answered: boolean; otherAnswered: boolean } | null;
  /** Rounds both answered (or skipped), oldest first, each seat's answer sealed. */
  history: { id: string; at: number; moment: ClosenessRound['moment']; values: [Sealed, Sealed] }[];
}

/** Whether a value is an answer a person can give: 1–7, or 0 to skip. The browser checks it before sealing. */
export function closenessProblem(value: number): string | null {
  return Number.isInteger(value) && value >= 0 && value <= CIRCLES ? null : `Choose one of the ${CIRCLES} pictures, or skip.`;
}

/** Reads an opened answer: 0–7, or null for text that is no answer (a broken or hostile device). */
export function readCloseness(text: string | null): number | null {
  return text !== null && /^[0-7]$/.test(text) ? Number(text) : null;
}

const settled = (r: ClosenessRound) => r.answers[0] !== null && r.answers[1] !== null;

export function openRound(rounds: ClosenessRound[], id: string, moment: ClosenessRound['moment'], activity: string, at: number): ClosenessRound[] {
  // A new question replaces one nobody finished answering: an old one would only linger.
  const fresh: ClosenessRound = { id, moment, activity, at, answers: [null, null] };
  return [...rounds.filter(settled), fresh].slice(-HISTORY_MAX);
}

/** Records one seat's sealed answer; the server checks only that it is well-formed (schemas.ts). */
export function answerRound(rounds: ClosenessRound[], seat: SeatIndex, id: string, value: Sealed): Result<ClosenessRound[]> {
  const round = rounds.find((r) => r.id === id);
  if (!round) return refuse('NOT_FOUND', 'That question has closed.');
  if (round.answers[seat] !== null) return refuse('ALREADY_ANSWERED', 'You have already answered.');
  const answers = withSeat(round.answers, seat, value);
  return ok(rounds.map((r) => (r.id === id ? { ...r, answers } : r)));
}

export function closenessView(rounds: ClosenessRound[], seat: SeatIndex): ClosenessView {
  const open = rounds.find((r) => !settled(r));
  return {
    open: open
      ? { id: open.id, moment: open.moment, answered: open.answers[seat] !== null, otherAnswered: open.answers[other(seat)] !== null }
      : null,
    history: rounds.filter(settled).map((r) => ({ id: r.id, at: r.at, moment: r.moment, values: [r.answers[0]!, r.answers[1]!] })),
  };
}

/**
 * Rounds as stored, keeping only sealed ones: a round answered in the clear before answers were sealed
 * cannot be read as sealed, so it is dropped when its room is read (its plaintext leaves with the next write).
 */
export function sealedRounds(rounds: readonly ClosenessRound[] | undefined): ClosenessRound[] {
  return (rounds ?? []).filter((r) => r.answers.every((a) => a === null || typeof a === 'string'));
}
