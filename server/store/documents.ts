// How a stored room document is read. Rooms written before a seat could hold several devices kept one
// `tokenHash` per seat; they are read as a seat on one device, so a deploy returns everyone to their seat.
import { sealedRounds } from '../../shared/closeness.js';
import type { Memory } from '../../shared/play.js';
import type { Room, Seat } from '../../shared/room.js';

/** A seat as written before devices: one token hash, no device list. */
interface SeatBeforeDevices {
  name: string;
  claimId: string;
  tokenHash: string;
}

type StoredSeat = Seat | SeatBeforeDevices;

/** The id a seat's only device gets when its room predates devices (unique within its seat). */
export const FIRST_DEVICE_ID = 'first-device';

export function readRoom(doc: string): Room {
  const room = JSON.parse(doc) as Omit<Room, 'seats' | 'seal'> & { seal?: Room['seal']; seats: [StoredSeat, StoredSeat | null] };
  // A room made before rooms were sealed has no seal: its devices are told to start a new room. Closeness
  // answered in the clear before answers were sealed is dropped (sealedRounds), and so is a memory kept
  // in the clear (entries with `text`, from before activities sealed their content).
  const play = { ...room.play, closeness: sealedRounds(room.play.closeness), memories: sealedMemories(room.play.memories) };
  return { ...room, play, seal: room.seal ?? null, seats: [readSeat(room.seats[0], room.createdAt), room.seats[1] && readSeat(room.seats[1], room.createdAt)] };
}

function sealedMemories(memories: readonly Memory[]): Memory[] {
  return memories.filter((m) => m.entries.every((e: object) => 'sealed' in e && !('text' in e)));
}

function readSeat(seat: StoredSeat, createdAt: number): Seat {
  if ('devices' in seat) return seat;
  const { tokenHash, ...rest } = seat;
  return { ...rest, devices: [{ id: FIRST_DEVICE_ID, tokenHash, claimId: seat.claimId, addedAt: createdAt }], transfer: null };
}
