// The one interface the room service needs from storage. Two implementations pass the same
// contract suite (tests/integration/store-contract.ts): RedisStore for real use, MemoryStore embedded.
import type { Room } from '../../shared/room.js';
import type { Publication } from '../cluster.js';

export interface StoredRoom {
  version: number;
  room: Room;
}

export interface Loaded {
  stored: StoredRoom | null;
  /** The result saved when this command id was last committed; set means "already done". */
  replay: string | null;
}

export type CommitOutcome =
  | { status: 'ok'; version: number }
  | { status: 'conflict' }
  | { status: 'missing' }
  | { status: 'duplicate'; result: string };

export interface RoomStore {
  readonly kind: 'redis' | 'memory';
  /** Saves a new room at version 1; false when the id is taken. */
  create(room: Room, ttlMs: number): Promise<boolean>;
  /** Loads a room and tells whether `commandId` was already committed to it. One round trip. */
  load(roomId: string, commandId?: string): Promise<Loaded>;
  /**
   * Writes `room` as version expectedVersion + 1 only if the stored version is still expectedVersion
   * and the command id is new; remembers `result` under the command id. With a `publication` (several
   * nodes), the views it holds go to the other nodes in the same step, only if the commit happened.
   * One round trip.
   */
  commit(
    roomId: string,
    expectedVersion: number,
    room: Room,
    commandId: string,
    result: string,
    ttlMs: number,
    publication?: Publication,
  ): Promise<CommitOutcome>;
  /** Renews a room's lifetime without changing it. */
  touch(roomId: string, ttlMs: number): Promise<void>;
  /** Deletes everything stored under the room. */
  erase(roomId: string): Promise<void>;
  /** Short-lived lookups that cannot live under the room's hash tag: typed code → room, create id → room. */
  putLookup(kind: LookupKind, key: string, roomId: string, ttlMs: number): Promise<void>;
  getLookup(kind: LookupKind, key: string): Promise<string | null>;
  dropLookup(kind: LookupKind, key: string): Promise<void>;
  /** True when the store answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type LookupKind = 'code' | 'claim';

/**
 * How many recent command ids each room remembers for replays. A replay comes from a device that lost its
 * connection before an answer arrived, within a second or two of reconnecting; a socket may burst 20
 * commands (README "Limits"), so 20 covers every realistic replay while keeping a room at rest under
 * 4 KB in Redis (docs/PERFORMANCE.md). Only a replay arriving after 20 newer changes to the room would be
 * treated as new.
 */
export const REMEMBERED_COMMANDS = 20;
