// One person's moves on the ideas screens (Ideas, Choose): sending them, whether one is on its way, the
// last error, and the "your own idea" field.
import type { SeatIndex } from '../../../shared/protocol.js';
import { room } from '../../lib/room.svelte.js';

export class IdeaMoves {
  busy = $state(false);
  error = $state('');
  text = $state('');

  constructor(private readonly seat: () => SeatIndex) {}

  /** Sends a move for this seat; true when it was accepted. */
  send = async (move: Record<string, unknown>): Promise<boolean> => {
    this.busy = true;
    this.error = (await room.command({ type: 'move', move }, this.seat()))?.message ?? '';
    this.busy = false;
    return !this.error;
  };

  /** Adds the typed idea. The field is cleared only if unchanged: what was typed meanwhile (the next idea) is kept. */
  add = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const sent = this.text;
    if ((await this.send({ type: 'add-idea', text: sent })) && this.text === sent) this.text = '';
  };
}
