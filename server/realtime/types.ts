// The typed Socket.IO server and socket every piece of the realtime layer works with: the events of
// shared/protocol.ts both ways, and the server-side facts about a socket (SocketData).
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../../shared/protocol.js';

/** What one node tells the others directly (through the adapter): a room was erased, by its channel. */
export interface NodeEvents {
  'room:forget': (roomChannel: string) => void;
}

export type CloserServer = Server<ClientToServerEvents, ServerToClientEvents, NodeEvents, SocketData>;
export type CloserSocket = Socket<ClientToServerEvents, ServerToClientEvents, NodeEvents, SocketData>;
