// The room documents this node loaded or committed last, so a move can commit against the version it
// holds without loading first: one Redis round trip instead of two. Never the truth — Redis is: the
// commit's compare-and-set refuses a stale copy and answers with the current document in the same reply
// (RoomService.commitChange), and a change the copy refuses is checked against a fresh load before it is
// refused. Another node's commit of a room held here moves the copy on (RoomService.heardCommit, from the
// commit's notice in the stream), so the partner elsewhere costs no extra trip either.
// Bounded by the bytes of the documents' JSON, oldest use first out, and by idle time. A room
// erased on another node is dropped when that node says so (`room:forget`), and in any case once idle.
import type { StoredRoom } from './store/types.js';

export interface RoomCacheOptions {
  /** The most bytes of document JSON kept, all rooms together. */
  maxBytes: number;
  /** A copy nobody used for this long is let go. */
  idleMs: number;
  now?: () => number;
}

interface Entry {
  stored: StoredRoom;
  bytes: number;
  usedAt: number;
}

export interface RoomCacheStats {
  /** Changes that committed against the copy held, without a load. */
  hits: number;
  /** Changes that had to load first (no copy, or it was set aside). */
  misses: number;
  /** Commits refused because another node (or process) had changed the room since. */
  stale: number;
  /** Copies moved on to another node's commit from its notice (RoomService.heardCommit). */
  heard: number;
  /** Notices no copy here could follow (none held, or not at the version before): loaded, if shown here. */
  unfollowed: number;
  rooms: number;
  bytes: number;
}

export class RoomCache {
  /** In order of last use, oldest first (a Map keeps insertion order; a use re-inserts). */
  private entries = new Map<string, Entry>();
  private bytes = 0;
  private counts = { hits: 0, misses: 0, stale: 0, heard: 0, unfollowed: 0 };
  private readonly now: () => number;

  constructor(private options: RoomCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The copy held for a room, if it is fresh enough to try; it must never be changed in place. */
  get(roomId: string): StoredRoom | undefined {
    const entry = this.entries.get(roomId);
    if (!entry) return undefined;
    if (this.now() - entry.usedAt > this.options.idleMs) {
      this.drop(roomId);
      return undefined;
    }
    entry.usedAt = this.now();
    this.entries.delete(roomId);
    this.entries.set(roomId, entry);
    return entry.stored;
  }

  /** The copy held for a room, as `get` finds it, without moving it up the order of use. */
  peek(roomId: string): StoredRoom | undefined {
    const entry = this.entries.get(roomId);
    if (entry && this.now() - entry.usedAt > this.options.idleMs) return void this.drop(roomId);
    return entry?.stored;
  }

  /** How long the JSON of the room's copy is (0 when none is held). */
  bytesOf(roomId: string): number {
    return this.entries.get(roomId)?.bytes ?? 0;
  }

  /** Keeps `stored` (whose JSON is `bytes` long) as the room's copy, letting the oldest go past the budget. */
  put(roomId: string, stored: StoredRoom, bytes: number): void {
    this.drop(roomId);
    if (bytes > this.options.maxBytes) return;
    this.entries.set(roomId, { stored, bytes, usedAt: this.now() });
    this.bytes += bytes;
    // Only when over: starting an iteration walks past the slots that each use's delete left at the front
    // of the Map (until V8 compacts it), which at the cap was 1 % of the node's CPU for no eviction at all.
    if (this.bytes <= this.options.maxBytes) return;
    for (const [id] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.drop(id);
    }
  }

  drop(roomId: string): void {
    const entry = this.entries.get(roomId);
    if (!entry) return;
    this.entries.delete(roomId);
    this.bytes -= entry.bytes;
  }

  /** Lets go of every room `matches` picks (a room erased elsewhere, known here only by its channel). */
  dropWhere(matches: (roomId: string) => boolean): void {
    for (const [id] of this.entries) if (matches(id)) this.drop(id);
  }

  /** Lets go of every copy idle past its time (the service calls this now and then). */
  sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) if (now - entry.usedAt > this.options.idleMs) this.drop(id);
  }

  count(what: keyof typeof this.counts): void {
    this.counts[what] += 1;
  }

  stats(): RoomCacheStats {
    return { ...this.counts, rooms: this.entries.size, bytes: this.bytes };
  }
}
