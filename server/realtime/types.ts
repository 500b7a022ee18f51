// The typed Socket.IO server and socket every piece of the realtime layer works with: the events of
// shared/protocol.ts both ways, and the server-side facts about a socket (SocketData).
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../../shared/protocol.js';

export type CloserServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type CloserSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
