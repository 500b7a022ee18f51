// The seam the activities seal through: what a person writes is sealed here, in the browser, for its place
// (activity, slot, seat) with the room key from the room store, and the other seat's values are opened here.
// The server sees only the sealed text; its schemas check the shape with sealedSchema (shared/sealed/shape.ts).
import { memorySlot } from '../../shared/activities/types.js';
import { ok, refuse, type Result, type SeatIndex } from '../../shared/core.js';
import { open, seal } from '../../shared/sealed/seal.js';
import type { Sealed } from '../../shared/sealed/shape.js';
import { room } from './room.svelte.js';

export { UNREADABLE_NAME } from './room-key.js';

import { UNREADABLE } from '../../shared/sealed/opener.js';

export { UNREADABLE };

/** Where in the room's associated data a value belongs: the room's seal id, from the view. */
function sealId(): string | null {
  return room.view?.seal?.id ?? null;
}

/** Seals `text` for (activity, slot) as `seat` (this device's first seat unless a shared device says whose turn). */
export async function sealText(activity: string, slot: string, text: string, seat: SeatIndex | undefined = room.seats[0]): Promise<Result<Sealed>> {
  const key = await room.keyring.key;
  const id = sealId();
  if (!key || !id || seat === undefined) return refuse('NOT_POSSIBLE', 'This device has no key for this room — open the link again.');
  return seal(key, { room: id, seat, activity, slot }, text);
}

/** Opens a value `seat` sealed for (activity, slot); anything that does not open answers UNREADABLE as its error. */
export async function openText(activity: string, slot: string, seat: SeatIndex, sealed: Sealed): Promise<Result<string>> {
  const key = await room.keyring.key;
  const id = sealId();
  if (!key || !id) return refuse('NOT_POSSIBLE', UNREADABLE);
  const opened = await open(key, { room: id, seat, activity, slot }, sealed);
  return opened.ok ? opened : refuse('BAD_REQUEST', UNREADABLE);
}

/**
 * Seals each person's words for a starred memory (the star move carries them): for the slot
 * memorySlot(key) under each entry's own seat, so the Memories screen opens them in place.
 */
export async function sealMemory(activity: string, key: string, entries: readonly { seat: SeatIndex; text: string }[]): Promise<Result<{ seat: SeatIndex; sealed: Sealed }[]>> {
  const sealed: { seat: SeatIndex; sealed: Sealed }[] = [];
  for (const entry of entries) {
    const one = await sealText(activity, memorySlot(key), entry.text, entry.seat);
    if (!one.ok) return one;
    sealed.push({ seat: entry.seat, sealed: one.value });
  }
  return ok(sealed);
}
