// The one interface the room service needs from storage. Two implementations pass the same
// contract suite (tests/integration/store-contract.test.ts): RedisStore for real use, MemoryStore embedded.
// A store that cannot be reached throws StoreUnavailableError (./errors.ts); nothing else is expected.
import type { SeatIndex } from '../../shared/core.js';
import type { Room } from '../../shared/room.js';
import type { RoomParts } from './documents.js';
import type { Outbox } from './outbox.js';

export interface StoredRoom {
  version: number;
  room: Room;
}

export interface Loaded {
  stored: StoredRoom | null;
  /** The result saved when this command id was last committed; set means "already done". */
  replay: string | null;
  /** How long the stored room's whole JSON is, Memories included (room cache, byte budget); set when `stored` is. */
  bytes?: number;
}

export type CommitOutcome =
  /**
   * `subscribed`: some device of the room keeps a push subscription (server/push.ts), learned in the same
   * reply, so a commit in a room where nobody turned notifications on looks nothing more up.
   */
  | { status: 'ok'; version: number; subscribed: boolean }
  /** Someone changed the room since: what is stored now, in the same reply, so a retry needs no load. */
  | { status: 'conflict'; current: StoredRoom; bytes: number }
  | { status: 'missing' }
  | { status: 'duplicate'; result: string };

export interface Lookup {
  kind: LookupKind;
  key: string;
}

export interface CommitInput {
  roomId: string;
  /** Written only if the stored version is still this one. */
  expectedVersion: number;
  room: Room;
  /**
   * The room as stored at expectedVersion, which `room` was made from: a store that keeps Memories apart
   * writes only those `room` added and deletes those it removed. Without it, every Memory is written.
   */
  base?: Room;
  /** `roomParts(room, base)`, when the caller made it already (for the byte budget); the store makes it otherwise. */
  parts?: RoomParts;
  /** Remembered with `result`, so the same id again is answered `duplicate` and changes nothing. */
  commandId: string;
  result: string;
  ttlMs: number;
  /** Lookups deleted in the same step (a code that stops working once the second seat is taken). */
  dropLookups?: Lookup[];
  /** Several nodes: entries for the other nodes, appended in the same step, only if the commit happens. */
  outbox?: Outbox;
}

export interface EraseInput {
  roomId: string;
  /** The room's lookups (its code, its seats' claims), deleted in the same step. */
  lookups: Lookup[];
  /** Plain strings that name the room (its id, its channel): every outbox entry holding one is deleted too. */
  mentions: string[];
}

export interface RoomStore {
  /** Saves a new room at version 1; false when the id is taken. */
  create(room: Room, ttlMs: number): Promise<boolean>;
  /** Loads a room and tells whether `commandId` was already committed to it. One round trip. */
  load(roomId: string, commandId?: string): Promise<Loaded>;
  /**
   * Writes `room` as version expectedVersion + 1 only if the stored version is still expectedVersion
   * and the command id is new; remembers `result` under the command id. One round trip: a conflict
   * answers with the room as it is stored now.
   */
  commit(input: CommitInput): Promise<CommitOutcome>;
  /** Renews a room's lifetime without changing it. */
  touch(roomId: string, ttlMs: number): Promise<void>;
  /** Deletes everything stored under the room, its lookups and its outbox entries, in one step. */
  erase(input: EraseInput): Promise<void>;
  /** Short-lived lookups that cannot live under the room's hash tag: typed code → room, create id → room. */
  putLookup(kind: LookupKind, key: string, roomId: string, ttlMs: number): Promise<void>;
  getLookup(kind: LookupKind, key: string): Promise<string | null>;
  dropLookup(kind: LookupKind, key: string): Promise<void>;
  /** True when the store answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type LookupKind = 'code' | 'claim';

/** One device's Web Push subscription for one seat, as the store keeps it (JSON the store never reads). */
export interface KeptSubscription {
  device: string;
  subscription: string;
}

/**
 * Web Push subscriptions (server/push.ts), a capability beside RoomStore: kept under the room, for as long
 * as the room lives (every commit and visit renews them with it), and erased with it.
 */
export interface PushSubscriptionStore {
  /** Keeps (or replaces) a device's subscription for a seat; false when the room is not there. */
  keepSubscription(roomId: string, seat: SeatIndex, device: string, subscription: string): Promise<boolean>;
  subscriptionsOf(roomId: string, seat: SeatIndex): Promise<KeptSubscription[]>;
  /** Drops a device's subscription for one seat, or for whichever seat holds it (null). */
  dropSubscription(roomId: string, seat: SeatIndex | null, device: string): Promise<void>;
  /** The VAPID keys every node uses: `made` (JSON) unless another node kept its own first; answers the kept. */
  vapidKeys(made: string): Promise<string>;
}

export function canKeepSubscriptions(store: object): store is PushSubscriptionStore {
  return 'keepSubscription' in store && 'vapidKeys' in store;
}

/**
 * How many recent command ids each room remembers for replays (both seats together; the service keys
 * them by seat). A replay comes from a device that lost its connection before an answer arrived, within
 * a second or two of reconnecting; a socket may burst 20 commands (README "Limits"), so 20 covers every
 * realistic replay while keeping a room at rest under 4 KB in Redis (docs/PERFORMANCE.md). Only a replay
 * arriving after 20 newer changes to the room would be treated as new.
 */
export const REMEMBERED_COMMANDS = 20;
