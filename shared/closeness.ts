// Closeness circles: the Inclusion of Other in the Self measure — seven pairs of circles from apart to
// almost overlapping — offered before and after each activity. Optional, one tap, private until both
// have answered (or skipped); the revealed pairs form the room's history.
import { ok, other, refuse, withSeat, type Result, type SeatIndex } from './core.js';

export const CIRCLES = 7;
/** Pairs kept for the history chart. */
export const HISTORY_MAX = 60;

export interface ClosenessRound {
  id: string;
  moment: 'before' | 'after';
  activity: string;
  at: number;
  /** 1–7, null while unanswered; 0 means skipped. */
  answers: [number | null, number | null];
}

export interface ClosenessView {
  /** The open question, if any: what I said, and only whether the other has answered. */
  open: { id: string; moment: ClosenessRound['moment']; mine: number | null; otherAnswered: boolean } | null;
  /** Rounds both answered (or skipped), oldest first. */
  history: { at: number; moment: ClosenessRound['moment']; values: [number, number] }[];
}

export function openRound(rounds: ClosenessRound[], id: string, moment: ClosenessRound['moment'], activity: string, at: number): ClosenessRound[] {
  // A new question replaces one nobody finished answering: an old one would only linger.
  const settled = rounds.filter((r) => r.answers[0] !== null && r.answers[1] !== null);
  const fresh: ClosenessRound = { id, moment, activity, at, answers: [null, null] };
  return [...settled, fresh].slice(-HISTORY_MAX);
}

export function answerRound(
  rounds: ClosenessRound[],
  seat: SeatIndex,
  id: string,
  value: number,
): Result<ClosenessRound[]> {
  const round = rounds.find((r) => r.id === id);
  if (!round) return refuse('NOT_FOUND', 'That question has closed.');
  if (round.answers[seat] !== null) return refuse('ALREADY_ANSWERED', 'You have already answered.');
  if (!Number.isInteger(value) || value < 0 || value > CIRCLES) return refuse('BAD_REQUEST', `Choose one of the ${CIRCLES} pictures, or skip.`);
  const answers = withSeat(round.answers, seat, value);
  return ok(rounds.map((r) => (r.id === id ? { ...r, answers } : r)));
}

export function closenessView(rounds: ClosenessRound[], seat: SeatIndex): ClosenessView {
  const open = rounds.find((r) => r.answers[0] === null || r.answers[1] === null);
  return {
    open: open
      ? { id: open.id, moment: open.moment, mine: open.answers[seat], otherAnswered: open.answers[other(seat)] !== null }
      : null,
    history: rounds
      .filter((r) => r.answers[0] !== null && r.answers[1] !== null)
      .map((r) => ({ at: r.at, moment: r.moment, values: [r.answers[0]!, r.answers[1]!] })),
  };
}
