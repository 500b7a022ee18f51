// The room's own sealed values: its key check and the people's names. Used by the browser (client/lib/
// sealing.ts adds the key from the room store) and by tests; the server never calls these.
import { ok, refuse, type Result, type SeatIndex } from '../core.js';
import type { RoomSeal } from '../room.js';
import { open, seal, toBase64Url, type RoomKey, type SealedSlot } from './seal.js';

/** The activity name the room's own values are sealed under (activities use their ids). */
export const ROOM_SLOTS = 'room';
const KEY_CHECK = 'closer room key';

export const WRONG_KEY = "This link's key doesn't open this room — ask for the link again.";

/** Where a seat's name is sealed. */
export function nameSlot(sealId: string, seat: SeatIndex): SealedSlot {
  return { room: sealId, seat, activity: ROOM_SLOTS, slot: 'name' };
}

function checkSlot(sealId: string): SealedSlot {
  return { room: sealId, seat: 0, activity: ROOM_SLOTS, slot: 'key-check' };
}

/** A new room's seal, made by the creator's browser: a fresh id and the known value sealed with the key. */
export async function newRoomSeal(key: RoomKey): Promise<RoomSeal> {
  const id = toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
  const check = await seal(key, checkSlot(id), KEY_CHECK);
  if (!check.ok) throw new Error('the key check always fits');
  return { id, check: check.value };
}

/** Whether this key is the room's: it opens the creator's check value (a wrong key is told from a damaged name). */
export async function keyOpensRoom(key: RoomKey, roomSeal: RoomSeal): Promise<boolean> {
  const opened = await open(key, checkSlot(roomSeal.id), roomSeal.check);
  return opened.ok && opened.value === KEY_CHECK;
}

/** Seals a name for its seat; the text is checked (the Name schema) before this. */
export function sealName(key: RoomKey, sealId: string, seat: SeatIndex, name: string): Promise<Result<string>> {
  return seal(key, nameSlot(sealId, seat), name);
}

/** Opens a seat's name; anything that does not open answers a refusal the screen words as "couldn't read". */
export async function openName(key: RoomKey, sealId: string, seat: SeatIndex, sealed: string): Promise<Result<string>> {
  const opened = await open(key, nameSlot(sealId, seat), sealed);
  return opened.ok && opened.value.trim() !== '' ? ok(opened.value) : refuse('BAD_REQUEST', "Couldn't read this name.");
}
