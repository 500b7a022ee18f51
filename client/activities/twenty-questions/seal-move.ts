// How the 20 Questions screens turn words into a sealed move: checked first (the server sees only the
// sealed value, so the browser says what is wrong), then sealed on this device for its slot as `seat`.
// A problem or a sealing failure is shown as the move's refusal, and nothing is sent.
import { ACTIVITY } from '../../../shared/activities/twenty-questions/model.js';
import { refuse, type SeatIndex } from '../../../shared/core.js';
import type { Sealed } from '../../../shared/sealed/shape.js';
import type { Moves } from '../../lib/moves.svelte.js';
import { sealText } from '../../lib/sealing.js';

export async function sealFor(moves: Moves<'twenty-questions'>, seat: SeatIndex, slot: string, text: string, problem: string | null = null): Promise<Sealed | null> {
  if (problem) {
    moves.failure = refuse('BAD_REQUEST', problem).error;
    return null;
  }
  const sealed = await sealText(ACTIVITY, slot, text, seat);
  if (!sealed.ok) {
    moves.failure = sealed.error;
    return null;
  }
  return sealed.value;
}
