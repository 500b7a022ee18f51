// The one way a screen sends a move of its activity for a seat: typed by the activity's own move
// schema, with whether one is on its way, the last refusal, and text fields that are cleared after a
// send only if they still hold what was sent (what was typed meanwhile, the next idea, is kept).
// A field made with `field(name)` is a draft kept on this device until it is sent (drafts.svelte.ts),
// and every move is kept until answered, sent again by itself after a lost connection (room.move).
import type { ActivityId, MoveFor } from '../../shared/activities/registry.js';
import type { AppError, SeatIndex } from '../../shared/protocol.js';
import { draftScope, drafts } from './drafts.svelte.js';
import { room } from './room.svelte.js';
import { route } from './route.svelte.js';

/** Where a field's draft is kept: this room, this seat, what is being written now, and the field's name. */
interface DraftSlot {
  roomId: string;
  seat: SeatIndex;
  scope: string;
  name: string;
}

/** A text field a move is made from; with a draft slot, what is typed survives a reload. */
export class Field {
  #value = $state('');

  constructor(
    readonly name: string | null = null,
    private readonly slot: () => DraftSlot | null = () => null,
  ) {}

  get value(): string {
    const slot = this.slot();
    return slot ? drafts.get(slot.roomId, slot.seat, slot.scope, slot.name) : this.#value;
  }

  set value(text: string) {
    const slot = this.slot();
    if (slot) drafts.set(slot.roomId, slot.seat, slot.scope, slot.name, text);
    else this.#value = text;
  }
}

export class Moves<Id extends ActivityId> {
  busy = $state(false);
  /** The last refusal, or null after a move that was accepted. */
  failure = $state<AppError | null>(null);
  error = $derived(this.failure?.message ?? '');

  constructor(private readonly seat: () => SeatIndex) {}

  /** A text field whose draft is kept on this device, for this seat, under this name. */
  field(name: string): Field {
    return new Field(name, () => {
      const roomId = route.roomId;
      const seat = this.seat();
      const scope = draftScope(room.snapshots[seat]?.view.activity ?? null);
      return roomId && scope ? { roomId, seat, scope, name } : null;
    });
  }

  /** Sends a move for this seat; true when it was accepted. */
  send = async (move: MoveFor<Id>, fields: Field[] = []): Promise<boolean> => {
    this.busy = true;
    const words = fields.flatMap((field) => (field.name ? [{ name: field.name, value: field.value }] : []));
    this.failure = await room.move(move, this.seat(), words);
    this.busy = false;
    return this.failure === null;
  };

  /** Sends a move made from these fields; once accepted, each field still holding what was sent is emptied. */
  sendFrom = async (fields: Field[], move: MoveFor<Id>): Promise<boolean> => {
    const sent = fields.map((field) => field.value);
    const accepted = await this.send(move, fields);
    if (accepted) fields.forEach((field, i) => field.value === sent[i] && (field.value = ''));
    return accepted;
  };
}
