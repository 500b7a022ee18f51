// Which room each of this node's sockets is seated in, and for which seats. The room id stays on this
// node: socket.data crosses Redis in every presence answer (fetchSockets), so it holds only the seats
// (and whether the page is hidden).
import type { SeatIndex } from '../../shared/protocol.js';
import type { CloserSocket } from './types.js';

const rooms = new WeakMap<object, string>();

export function seatedRoom(socket: object): string | null {
  return rooms.get(socket) ?? null;
}

export function seatIn(socket: CloserSocket, roomId: string, seats: SeatIndex[]): void {
  rooms.set(socket, roomId);
  socket.data = { ...socket.data, seats };
}
