// Publishing nothing nobody reads: a node that knows no other node leaves its commits' views out of the
// stream (nobody would read them), and makes up for it the moment it hears of another node.
//
// The adapter (Redis Streams, 0.3) keeps no list of the other nodes, so the nodes greet each other
// over its pub/sub (`node:hello`): once when a node starts (before it takes connections, once its
// stream readers know where they start), then every HELLO_INTERVAL_MS; a node not heard for
// FORGET_AFTER_MS is forgotten, and a stopping one says `node:bye` once its connections are closed.
//
// Knowing "alone" is always a little stale (a greeting takes a hop, pub/sub drops what a disconnected
// subscriber misses), so it never decides alone what the other nodes see: every room committed
// unpublished is remembered with the room as committed, and when a node is heard that was not known
// (new, or forgotten and heard again) each of those rooms' views is published then. A person seated on
// that node loaded the room after joining its channels, and any change committed after that load went
// unpublished only because its node had not heard of theirs yet: it is in this set, and its view
// reaches them once the greeting does (the client keeps a view only if it is not older). A commit in
// flight while the greeting arrives is published by its own delivery (the epoch it was prepared in is
// gone). The stream readers start at a fixed entry id before the first greeting, so what is published
// in answer to it is read.
//
// And nothing twice: a greeting says whether its node renders views from room notices (NodeFeatures).
// While every node this one knows does, a commit publishes its notice alone and each node renders the
// views of the seats it holds (so the asker's own seat costs nothing unless another node holds it);
// while one does not (a rolling deploy, a rollback), the views go beside the notice as before. A node
// that does not render, heard for the first time, may have seated someone after a commit that left the
// views out: the rooms committed so within REMEMBER_UNPUBLISHED_MS are published again for it, as they
// are now (only their ids are kept).
import type { StoredRoom } from '../store/types.js';
import type { CloserServer, NodeFeatures } from './types.js';
import { asError } from '../log.js';

/** What this node tells the others it does. */
export const FEATURES: NodeFeatures = { rendersNotices: true };

/**
 * How often a node greets the others. What it bounds: the delay before a node that missed another's
 * greeting (a pub/sub blip, a node forgotten and heard again) hears it and the views committed
 * meanwhile go out — the only time a person can look at a stale room. One PUBLISH a second per node
 * costs nothing next to the moves, so the window is kept at a second.
 */
export const HELLO_INTERVAL_MS = 1_000;
/**
 * A node not heard for this long is forgotten (a crashed node; a stopped one says goodbye): five
 * greetings missed, so a subscriber's reconnect or a busy event loop does not drop a live node — though
 * dropping one wrongly only costs its people a greeting's wait, as above.
 */
export const FORGET_AFTER_MS = 5 * HELLO_INTERVAL_MS;
/**
 * A node just started counts as not alone for this long: the others' greetings and its own cross at
 * startup (either may go out before the other's subscriber is ready), and a node that committed
 * unpublished in that window and then died would leave a person on a node it never heard of without
 * the change. Two greetings' time: any live node is heard by then.
 */
export const LISTENING_MS = 2 * HELLO_INTERVAL_MS;
/**
 * A room committed unpublished is remembered this long at most: a node seated people in it only if it
 * greeted, and a greeting is heard within a second unless the two nodes' pub/sub has been cut for all
 * that time (then their presence queries and erases are failing too). Bounds the set by the commit rate.
 */
export const REMEMBER_UNPUBLISHED_MS = 10 * 60_000;

export interface LoneOptions {
  /** This node's adapter id, how the others tell its greetings apart. */
  uid: () => string;
  /** Publishes a room's views to the other nodes, only if the room is still there (an erase scrubs the stream). */
  republish(stored: StoredRoom): Promise<unknown>;
  /** The same for the room as it is stored now. */
  republishCurrent(roomId: string): Promise<unknown>;
  onError(error: Error): void;
  helloIntervalMs?: number;
  forgetAfterMs?: number;
  now?: () => number;
}

export class LoneNode {
  /** Other nodes by adapter id, with when each was last heard and whether it renders notices. */
  private others = new Map<string, { at: number; renders: boolean }>();
  /** Rooms committed while alone, as committed, with when. */
  private unpublished = new Map<string, { stored: StoredRoom; at: number }>();
  /** Rooms committed with their notice alone (every node known rendered them), with when. */
  private viewless = new Map<string, { at: number }>();
  /** Grows each time a node is heard that was not known: a commit prepared before then publishes itself. */
  private epoch = 0;
  private timer: NodeJS.Timeout | undefined;
  /** When this node first greeted: until then, and for LISTENING_MS after, it publishes as if others were there. */
  private startedAt: number | undefined;
  private readonly now: () => number;

  constructor(
    private io: CloserServer,
    private options: LoneOptions,
  ) {
    this.now = options.now ?? Date.now;
    io.on('node:hello', (uid, answer, features) => this.heard(uid, answer, features));
    io.on('node:bye', (uid) => void this.others.delete(uid));
  }

  get alone(): boolean {
    return this.others.size === 0 && this.startedAt !== undefined && this.now() - this.startedAt >= LISTENING_MS;
  }

  /** Every node this one knows renders views from notices (and there is one). */
  get othersRender(): boolean {
    if (this.others.size === 0) return false;
    for (const { renders } of this.others.values()) if (!renders) return false;
    return true;
  }

  /** What a commit prepared now hands back to `committedUnpublished`. */
  get currentEpoch(): number {
    return this.epoch;
  }

  /** Greets the others (they answer at once) and then every interval. */
  start(): void {
    this.startedAt = this.now();
    this.io.serverSideEmit('node:hello', this.options.uid(), true, FEATURES);
    const interval = this.options.helloIntervalMs ?? HELLO_INTERVAL_MS;
    this.timer = setInterval(() => this.beat(), interval);
    this.timer.unref();
  }

  /**
   * Once this node's connections are closed: the others may be alone from now on. The rooms it committed
   * unpublished are published now, whoever it knows: a node it has not heard of yet (both just started,
   * their first greetings crossed) may hold their other person, who would otherwise see the change only
   * with the next one.
   */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.io.serverSideEmit('node:bye', this.options.uid());
    const rooms = [...this.unpublished.values()];
    this.unpublished.clear();
    await Promise.all(rooms.map(({ stored }) => this.settle(this.options.republish(stored))));
  }

  /** A commit left out of the stream has landed. */
  committedUnpublished(stored: StoredRoom, preparedIn: number): void {
    if (preparedIn !== this.epoch) return void this.publish(stored);
    putLast(this.unpublished, stored.room.id, { stored, at: this.now() });
  }

  /** A commit published with its notice alone has landed. */
  committedViewless(stored: StoredRoom, preparedIn: number): void {
    if (preparedIn !== this.epoch) return void this.publish(stored);
    putLast(this.viewless, stored.room.id, { at: this.now() });
  }

  erased(roomId: string): void {
    this.unpublished.delete(roomId);
    this.viewless.delete(roomId);
  }

  private beat(): void {
    this.io.serverSideEmit('node:hello', this.options.uid(), false, FEATURES);
    const now = this.now();
    const forgetAfter = this.options.forgetAfterMs ?? FORGET_AFTER_MS;
    for (const [uid, { at }] of this.others) if (now - at > forgetAfter) this.others.delete(uid);
    forgetOlder(this.unpublished, now - REMEMBER_UNPUBLISHED_MS);
    forgetOlder(this.viewless, now - REMEMBER_UNPUBLISHED_MS);
  }

  private heard(uid: string, answer: boolean, features: NodeFeatures | undefined): void {
    const known = this.others.has(uid);
    // An older node's greeting has no features: it renders nothing.
    const renders = features?.rendersNotices === true;
    this.others.set(uid, { at: this.now(), renders });
    if (answer) this.io.serverSideEmit('node:hello', this.options.uid(), false, FEATURES);
    if (known) return;
    this.epoch += 1;
    const rooms = [...this.unpublished.values()];
    this.unpublished.clear();
    for (const { stored } of rooms) this.publish(stored);
    if (renders) return;
    const viewless = [...this.viewless.keys()];
    this.viewless.clear();
    for (const roomId of viewless) void this.settle(this.options.republishCurrent(roomId));
  }

  private publish(stored: StoredRoom): void {
    void this.settle(this.options.republish(stored));
  }

  /** A publication whose failure is reported, not thrown. */
  private settle(publishing: Promise<unknown>): Promise<void> {
    return publishing.then(
      () => undefined,
      (error: unknown) => this.options.onError(asError(error)),
    );
  }
}

/** Sets `key` last in `map`, so a map of rooms keeps the order of their `at` (a re-set key keeps its place). */
function putLast<V extends { at: number }>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
}

/**
 * Drops the entries of a map kept in the order of `at` (putLast) from before `cutoff`, stopping at the first
 * one after it: a node alone remembers every room it holds, and a walk of them all each beat was a pass
 * over thousands of entries a second.
 */
function forgetOlder(map: Map<string, { at: number }>, cutoff: number): void {
  for (const [key, { at }] of map) {
    if (at >= cutoff) return;
    map.delete(key);
  }
}
