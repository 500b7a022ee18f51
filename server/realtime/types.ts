// The typed Socket.IO server and socket every piece of the realtime layer works with: the events of
// shared/protocol.ts both ways, and the server-side facts about a socket (SocketData).
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../../shared/protocol.js';

/** What a node says it does, in its greetings. */
export interface NodeFeatures {
  /** It renders a room's views from a commit's notice (server/store/outbox.ts `render`). */
  rendersNotices?: boolean;
}

/** What one node tells the others directly (through the adapter's pub/sub). */
export interface NodeEvents {
  /** A room was erased, by its channel. */
  'room:forget': (roomChannel: string) => void;
  /**
   * This node is here (server/realtime/lone.ts); `answer`: it has just started, greet it back now.
   * `features`: what it does that older nodes do not (none from those).
   */
  'node:hello': (uid: string, answer: boolean, features?: NodeFeatures) => void;
  /** This node has closed its connections and is going. */
  'node:bye': (uid: string) => void;
}

export type CloserServer = Server<ClientToServerEvents, ServerToClientEvents, NodeEvents, SocketData>;
export type CloserSocket = Socket<ClientToServerEvents, ServerToClientEvents, NodeEvents, SocketData>;
