// Question Swap's closing card: after the last card each writes the other a short note, sealed in their
// browser for noteSlot(round). The core keeps it under the writer's seat and shows it to the other only
// once both have written or skipped theirs; then the notes written go to Memories, as they were sealed.
import { refuse, withSeat, type SeatIndex } from '../../core.js';
import type { Sealed } from '../../sealed/shape.js';
import { moved, type MoveResult, type NewMemory } from '../types.js';
import { noteSlot, type Closing, type ClosingView, type Note, type State } from './model.js';

export const NOTES_TITLE = 'The notes you wrote each other';

export function openClosing(round: number): Closing {
  return { round, notes: [null, null] };
}

export function settled(closing: Closing): boolean {
  return closing.notes[0] !== null && closing.notes[1] !== null;
}

/** Whether this seat still has its note to write or skip (nothing is pending without a closing card). */
export function notePending(state: State, seat: SeatIndex): boolean {
  return !!state.closing && state.closing.notes[seat] === null;
}

function sealedOf(note: Note): Sealed | null {
  return note && 'written' in note ? note.written : null;
}

/** Both settled: the notes written, as they were sealed (the key carries the time, as a room plays many games). */
function notesMemory(closing: Closing, now: number): NewMemory[] {
  const entries = ([0, 1] as const).flatMap((seat) => {
    const sealed = sealedOf(closing.notes[seat]);
    return sealed ? [{ seat, slot: noteSlot(closing.round), sealed }] : [];
  });
  return entries.length > 0 ? [{ key: `question-swap:note:${closing.round}:${now}`, title: NOTES_TITLE, entries }] : [];
}

export function writeNote(state: State, seat: SeatIndex, round: number, sealed: Sealed | null, now: number): MoveResult<State> {
  const closing = state.closing;
  if (state.phase !== 'finished' || !closing) return refuse('WRONG_PHASE', 'The note comes after the last card.');
  if (round !== closing.round) return refuse('NOT_FOUND', 'That note is for another closing card.');
  if (closing.notes[seat] !== null) return refuse('ALREADY_ANSWERED', 'Your note is already in.');
  const note: Note = sealed === null ? { skipped: true } : { written: sealed };
  const next: Closing = { ...closing, notes: withSeat(closing.notes, seat, note) };
  return moved({ ...state, closing: next }, settled(next) ? notesMemory(next, now) : undefined);
}

export function closingView(closing: Closing, seat: SeatIndex): ClosingView {
  const both = settled(closing);
  return {
    round: closing.round,
    seat,
    done: [closing.notes[0] !== null, closing.notes[1] !== null],
    mine: sealedOf(closing.notes[seat]),
    notes: both ? [sealedOf(closing.notes[0]), sealedOf(closing.notes[1])] : null,
  };
}

/** Whose note the closing card waits for: private, so on one shared device each writes in turn. */
export function closingAwaiting(closing: Closing): SeatIndex[] {
  return ([0, 1] as const).filter((s) => closing.notes[s] === null);
}
