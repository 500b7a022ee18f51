// Socket.IO room names. They cross Redis between nodes (the adapter's stream and pub/sub), so they are
// opaque: a one-way hash of the room id, never the id itself. After an erase, whatever the adapter
// still carries names no room anyone could open.
import { createHash } from 'node:crypto';
import type { SeatIndex } from '../shared/core.js';

/** The channels worked out lately: a hash on every change was 1.5 % of a move's CPU (bench/cpu-per-move.ts). */
const known = new Map<string, string>();
const KNOWN_MAX = 10_000;

/** Everyone in the room: presence, erase, moved. */
export function roomChannel(roomId: string): string {
  let channel = known.get(roomId);
  if (channel === undefined) {
    channel = `r:${createHash('sha256').update(roomId).digest('base64url').slice(0, 22)}`;
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(roomId, channel);
  }
  return channel;
}

/** One seat's views go only here. */
export function seatChannel(roomId: string, seat: SeatIndex): string {
  return seatChannelOf(roomChannel(roomId), seat);
}

/** The same, from the room's channel already worked out (one hash per change, not one per seat). */
export function seatChannelOf(roomChannelName: string, seat: SeatIndex): string {
  return `${roomChannelName}#${seat}`;
}

/** One device's sockets, so signing it out reaches them on every node (the device id is not secret). */
export function deviceChannel(roomId: string, device: string): string {
  return `${roomChannel(roomId)}@${device}`;
}
