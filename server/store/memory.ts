// The embedded store: rooms in this process's memory. For development and single-process use;
// everything is lost when the process stops. Keeps the same semantics as RedisStore, including TTLs;
// it has no outbox (one process has no other nodes to tell). A room's push subscriptions live in its
// entry, so they expire and are erased with it; the VAPID keys are made per process.
import type { SeatIndex } from '../../shared/core.js';
import type { Room } from '../../shared/room.js';
import { readRoom } from './documents.js';
import {
  REMEMBERED_COMMANDS,
  type CommitInput,
  type CommitOutcome,
  type EraseInput,
  type KeptSubscription,
  type Loaded,
  type LookupKind,
  type PushSubscriptionStore,
  type RoomStore,
} from './types.js';

interface Entry {
  version: number;
  /** JSON, so callers can never share or mutate what is stored. */
  doc: string;
  results: Map<string, string>;
  /** `<seat>:<device>` → subscription JSON. */
  push: Map<string, string>;
  expiresAt: number;
}

export class MemoryStore implements RoomStore, PushSubscriptionStore {
  private rooms = new Map<string, Entry>();
  private lookups = new Map<string, { roomId: string; expiresAt: number }>();
  private sweeper: NodeJS.Timeout;
  private vapid: string | null = null;

  constructor(private now: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  async create(room: Room, ttlMs: number): Promise<boolean> {
    if (this.live(room.id)) return false;
    this.rooms.set(room.id, { version: 1, doc: JSON.stringify(room), results: new Map(), push: new Map(), expiresAt: this.now() + ttlMs });
    return true;
  }

  async load(roomId: string, commandId?: string): Promise<Loaded> {
    const entry = this.live(roomId);
    if (!entry) return { stored: null, replay: null };
    return {
      stored: { version: entry.version, room: readRoom(entry.doc) },
      replay: commandId === undefined ? null : (entry.results.get(commandId) ?? null),
      bytes: entry.doc.length,
    };
  }

  async commit({ roomId, expectedVersion, room, commandId, result, ttlMs, dropLookups = [] }: CommitInput): Promise<CommitOutcome> {
    const entry = this.live(roomId);
    if (!entry) return { status: 'missing' };
    const previous = entry.results.get(commandId);
    if (previous !== undefined) return { status: 'duplicate', result: previous };
    if (entry.version !== expectedVersion) {
      return { status: 'conflict', current: { version: entry.version, room: readRoom(entry.doc) }, bytes: entry.doc.length };
    }
    entry.version += 1;
    // Whole documents: one process, nothing sent anywhere, so Memories need no fields of their own.
    entry.doc = JSON.stringify(room);
    entry.expiresAt = this.now() + ttlMs;
    entry.results.set(commandId, result);
    for (const { kind, key } of dropLookups) this.lookups.delete(`${kind}:${key}`);
    if (entry.results.size > REMEMBERED_COMMANDS) {
      const oldest = entry.results.keys().next().value;
      if (oldest !== undefined) entry.results.delete(oldest);
    }
    return { status: 'ok', version: entry.version, subscribed: entry.push.size > 0 };
  }

  async touch(roomId: string, ttlMs: number): Promise<void> {
    const entry = this.live(roomId);
    if (entry) entry.expiresAt = this.now() + ttlMs;
  }

  async erase({ roomId, lookups }: EraseInput): Promise<void> {
    this.rooms.delete(roomId);
    for (const { kind, key } of lookups) this.lookups.delete(`${kind}:${key}`);
  }

  async keepSubscription(roomId: string, seat: SeatIndex, device: string, subscription: string): Promise<boolean> {
    const entry = this.live(roomId);
    entry?.push.set(`${seat}:${device}`, subscription);
    return entry !== undefined;
  }

  async subscriptionsOf(roomId: string, seat: SeatIndex): Promise<KeptSubscription[]> {
    const entry = this.live(roomId);
    if (!entry) return [];
    return [...entry.push].flatMap(([field, subscription]) =>
      field.startsWith(`${seat}:`) ? [{ device: field.slice(2), subscription }] : [],
    );
  }

  async dropSubscription(roomId: string, seat: SeatIndex | null, device: string): Promise<void> {
    const push = this.live(roomId)?.push;
    for (const s of seat === null ? [0, 1] : [seat]) push?.delete(`${s}:${device}`);
  }

  async vapidKeys(made: string): Promise<string> {
    this.vapid ??= made;
    return this.vapid;
  }

  async putLookup(kind: LookupKind, key: string, roomId: string, ttlMs: number): Promise<void> {
    this.lookups.set(`${kind}:${key}`, { roomId, expiresAt: this.now() + ttlMs });
  }

  async getLookup(kind: LookupKind, key: string): Promise<string | null> {
    const found = this.lookups.get(`${kind}:${key}`);
    if (!found || found.expiresAt <= this.now()) return null;
    return found.roomId;
  }

  async dropLookup(kind: LookupKind, key: string): Promise<void> {
    this.lookups.delete(`${kind}:${key}`);
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }

  private live(roomId: string): Entry | undefined {
    const entry = this.rooms.get(roomId);
    if (entry && entry.expiresAt <= this.now()) {
      this.rooms.delete(roomId);
      return undefined;
    }
    return entry;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.rooms) if (entry.expiresAt <= now) this.rooms.delete(id);
    for (const [key, found] of this.lookups) if (found.expiresAt <= now) this.lookups.delete(key);
  }
}
