// Which room each of this node's sockets is seated in, for which seats, and as which devices. The room
// id stays on this node: socket.data crosses Redis in every presence answer (fetchSockets), so it holds
// only the seats (and whether the page is hidden).
import type { SeatIndex } from '../../shared/protocol.js';
import type { CloserSocket } from './types.js';

const rooms = new WeakMap<object, { roomId: string; devices: string[] }>();

export function seatedRoom(socket: object): string | null {
  return rooms.get(socket)?.roomId ?? null;
}

/** The devices this socket's tokens are (one per seat it holds). */
export function seatedDevices(socket: object): string[] {
  return rooms.get(socket)?.devices ?? [];
}

export function seatIn(socket: CloserSocket, roomId: string, seats: SeatIndex[], devices: string[] = []): void {
  rooms.set(socket, { roomId, devices });
  socket.data = { ...socket.data, seats };
}
