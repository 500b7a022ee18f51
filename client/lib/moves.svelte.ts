// The one way a screen sends a move of its activity for a seat: typed by the activity's own move
// schema, with whether one is on its way, the last refusal, and text fields that are cleared after a
// send only if they still hold what was sent (what was typed meanwhile, the next idea, is kept).
import type { ActivityId, MoveFor } from '../../shared/activities/registry.js';
import type { AppError, SeatIndex } from '../../shared/protocol.js';
import { room } from './room.svelte.js';

/** A text field a move is made from. */
export class Field {
  value = $state('');
}

export class Moves<Id extends ActivityId> {
  busy = $state(false);
  /** The last refusal, or null after a move that was accepted. */
  failure = $state<AppError | null>(null);
  error = $derived(this.failure?.message ?? '');

  constructor(private readonly seat: () => SeatIndex) {}

  /** Sends a move for this seat; true when it was accepted. */
  send = async (move: MoveFor<Id>): Promise<boolean> => {
    this.busy = true;
    this.failure = await room.command({ type: 'move', move }, this.seat());
    this.busy = false;
    return this.failure === null;
  };

  /** Sends a move made from these fields; once accepted, each field still holding what was sent is emptied. */
  sendFrom = async (fields: Field[], move: MoveFor<Id>): Promise<boolean> => {
    const sent = fields.map((field) => field.value);
    const accepted = await this.send(move);
    if (accepted) fields.forEach((field, i) => field.value === sent[i] && (field.value = ''));
    return accepted;
  };
}
