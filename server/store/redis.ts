// Rooms in Redis. Each room is three keys sharing the `{roomId}` hash tag, so one Lua script can
// check and write them together:
//   <prefix>:{id}:room     hash { v: version, doc: JSON with each Memory replaced by its id,
//                          m:<memory id>: that Memory's JSON, one field each } (documents.ts splits and
//                          joins them: a commit sends only the Memories it added, not a full room's ~2 MB)
//   <prefix>:{id}:results  hash commit id (seat:commandId) → saved answer and effects (the last REMEMBERED_COMMANDS)
//   <prefix>:{id}:order    list of those command ids, oldest first
//   <prefix>:{id}:push     hash <seat>:<device> → Web Push subscription (only once a device turns them on;
//                          renewed with the room by every commit and visit, deleted by the erase)
// On one Redis, commit and erase also touch keys outside the tag (lookups, the outbox stream) in the same
// script. On Redis Cluster (`RedisStore.connectCluster`) a script touches one slot only: a room's keys
// carry its outbox shard's name as their tag (`<prefix>:{<prefix>:sio-<i>}:<id>:room`, see outbox.ts),
// lookups are written and dropped by their own commands, and a commit is acknowledged only once a
// replica has it (WAIT), so a master's failover loses nothing anyone was told had happened.
// Compare-and-set happens inside the script; there is no WATCH/MULTI.
import { Cluster, Redis, ReplyError, type ClusterNode, type RedisOptions } from 'ioredis';
import type { SeatIndex } from '../../shared/core.js';
import type { Room } from '../../shared/room.js';
import { readStored, roomParts } from './documents.js';
import { StoreUnavailableError } from './errors.js';
import { APPEND_TO_STREAM_LUA, OUTBOX_SHARDS, SCRUB_STREAM_LUA, outboxShard, outboxStream } from './outbox.js';
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

// The room's whole hash (version, document, Memories); documents.ts puts it together.
const LOAD = `
local replay = false
if ARGV[1] ~= '' then replay = redis.call('HGET', KEYS[2], ARGV[1]) end
return { redis.call('HGETALL', KEYS[1]), replay }
`;

// ARGV: doc, ttl ms, then the Memories' fields and JSON, in pairs
const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'v', 1, 'doc', ARGV[1])
for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;

/**
 * Redis keeps a small hash compact (a listpack) while every field and value is short, at most
 * hash-max-listpack-value (64 bytes unless configured), and never makes it compact again once one was
 * long. A seat's claim answers with its device, over 64 bytes, so every room's remembered answers stayed
 * a hash table, 2.5 KB where the same twenty answers take 1.4 KB compact: the hash is written again once
 * the last long answer is let go (with another limit configured, at worst once for each long one).
 */
const COMPACT_AGAIN_LUA = `
local COMPACT_MAX = 64
local function compactAgain(key)
  -- A Redis that refuses OBJECT (an ACL, a renamed command) keeps the hash as it is: the commit goes on.
  local encoding = redis.pcall('OBJECT', 'ENCODING', key)
  if encoding ~= 'hashtable' then return end
  local all = redis.call('HGETALL', key)
  -- Far more than the answers a room remembers is no hash of this script's making: left alone.
  if #all > 512 then return end
  for i = 1, #all do
    if #all[i] > COMPACT_MAX then return end
  end
  redis.call('DEL', key)
  if #all > 0 then redis.call('HSET', key, unpack(all)) end
end
`;

// KEYS: room, results, order, stream, push, lookups to drop…
// ARGV: expected version, doc, command id, result, ttl ms, commands remembered,
//       how many outbox entries, stream retention ms, stream ttl ms,
//       whether to drop every Memory field first ('1': the stored document was whole), how many Memory
//       fields to delete, how many to write, then the fields to delete, then each written field and its
//       JSON, then each outbox entry as its number of fields and the fields (no JSON around them: a
//       view is encoded once, by the adapter's format)
const COMMIT = `${APPEND_TO_STREAM_LUA}
${COMPACT_AGAIN_LUA}
local v = redis.call('HGET', KEYS[1], 'v')
if not v then return { 'missing' } end
local previous = redis.call('HGET', KEYS[2], ARGV[3])
if previous then return { 'duplicate', previous } end
if v ~= ARGV[1] then return { 'conflict', v, redis.call('HGETALL', KEYS[1]) } end
local next = tonumber(v) + 1
redis.call('HSET', KEYS[1], 'v', next, 'doc', ARGV[2])
if ARGV[10] == '1' then
  for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
    if string.sub(field, 1, 2) == 'm:' then redis.call('HDEL', KEYS[1], field) end
  end
end
local at = 13
for i = 1, tonumber(ARGV[11]) do
  redis.call('HDEL', KEYS[1], ARGV[at])
  at = at + 1
end
for i = 1, tonumber(ARGV[12]) do
  redis.call('HSET', KEYS[1], ARGV[at], ARGV[at + 1])
  at = at + 2
end
redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
redis.call('RPUSH', KEYS[3], ARGV[3])
if redis.call('LLEN', KEYS[3]) > tonumber(ARGV[6]) then
  local oldest = redis.call('LPOP', KEYS[3])
  local long = #oldest > COMPACT_MAX or redis.call('HSTRLEN', KEYS[2], oldest) > COMPACT_MAX
  redis.call('HDEL', KEYS[2], oldest)
  if long then compactAgain(KEYS[2]) end
end
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[5]) end
local subscribed = redis.call('PEXPIRE', KEYS[5], ARGV[5])
for i = 6, #KEYS do redis.call('DEL', KEYS[i]) end
local entries = {}
for e = 1, tonumber(ARGV[7]) do
  local count, entry = tonumber(ARGV[at]), {}
  for f = 1, count do entry[f] = ARGV[at + f] end
  entries[e] = entry
  at = at + count + 1
end
if #entries > 0 then appendToStream(KEYS[4], entries, ARGV[8], ARGV[9]) end
return { 'ok', tostring(next), tostring(subscribed) }
`;

// KEYS: room, results, order, stream, push, lookups…; ARGV: strings naming the room in the stream
const ERASE = `${SCRUB_STREAM_LUA}
for i = 1, #KEYS do
  if i ~= 4 then redis.call('DEL', KEYS[i]) end
end
return scrubStream(KEYS[4], ARGV)
`;

// KEYS: stream; ARGV: strings naming the room in the stream
const SCRUB = `${SCRUB_STREAM_LUA}
return scrubStream(KEYS[1], ARGV)
`;

const TOUCH = `
for i = 1, 4 do redis.call('PEXPIRE', KEYS[i], ARGV[1]) end
return 1
`;

// KEYS: room, push; ARGV: field, subscription. Kept only while the room is, and for as long as it lives.
const KEEP_SUBSCRIPTION = `
local ttl = redis.call('PTTL', KEYS[1])
if ttl == -2 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
return 1
`;

type Reply = string | null | false;
/** ['ok', version, subscribed] | ['duplicate', result] | ['conflict', version, the room's hash] | ['missing'] */
type CommitReply = [string, string?, (string | string[])?];

interface Scripts {
  closerLoad(room: string, results: string, commandId: string): Promise<[string[], Reply]>;
  closerCreate(room: string, doc: string, ttlMs: number, ...memories: string[]): Promise<number>;
  /** Keys and arguments as above, preceded by the number of keys. */
  closerCommit(...keysThenArgs: (string | number)[]): Promise<CommitReply>;
  closerErase(...keysThenArgs: (string | number)[]): Promise<number>;
  closerScrub(stream: string, ...mentions: string[]): Promise<number>;
  closerTouch(room: string, results: string, order: string, push: string, ttlMs: number): Promise<number>;
  closerKeepSubscription(room: string, push: string, field: string, subscription: string): Promise<number>;
}

/**
 * Options for the request path: fail fast while Redis is away instead of queueing for a minute. No
 * auto-pipelining: a move makes one command (the commit), and wrapping each in a pipeline flushed on the
 * next tick cost more than the writes it merged — 19 % more server CPU a move at the latency pacing, and
 * at 5,000 rooms a worse p50 and p99 (docs/PERFORMANCE.md "Auto-pipelining off").
 */
export const FAIL_FAST: RedisOptions = {
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  commandTimeout: 2_000,
  enableAutoPipelining: false,
};

/** Replies by which a reachable Redis says it cannot serve yet (starting up, busy, failing over). */
/** On Redis Cluster, how long a commit waits for a replica to have it before it is answered as unavailable. */
const REPLICA_WAIT_MS = 500;
/** How many more waits of REPLICA_WAIT_MS a commit gives a replica that is behind. */
const REPLICA_WAIT_ATTEMPTS = 8;

type PipelineReply = [Error | null, unknown];
interface Executable {
  exec(): Promise<PipelineReply[] | null>;
}
interface WaitingPipeline extends Scripts {
  pttl(key: string): WaitingPipeline;
  wait(replicas: number, ms: number): Executable;
}

function replicated(waited: PipelineReply | undefined): boolean {
  return !!waited && !waited[0] && Number(waited[1]) >= 1;
}

// A redirect that reaches the store (runCommit) means the slot moved under a command that did not run.
const REDIRECTED = /^(MOVED|ASK)\b/;
const NOT_SERVING = /^(LOADING|BUSY|MASTERDOWN|TRYAGAIN|CLUSTERDOWN|MOVED|ASK)\b/;

/**
 * The one place Redis failures are sorted. A reply error is Redis refusing what we sent (a bug: it
 * stays as it is) unless it says Redis cannot serve yet; anything else (closed, not connected, timed
 * out, retries used up) means Redis could not be reached or did not answer in time.
 */
function reach<T>(request: Promise<T>): Promise<T> {
  return request.catch((error: unknown) => {
    const refused = error instanceof ReplyError && !NOT_SERVING.test((error as Error).message);
    throw refused ? error : new StoreUnavailableError(error);
  });
}

export class RedisStore implements RoomStore, PushSubscriptionStore {
  private scripts: Scripts;
  /** On Redis Cluster: scripts keep to one slot, and commits wait for a replica. */
  readonly clustered: boolean;

  constructor(
    readonly redis: Redis | Cluster,
    /** Every key starts with this; rate limits kept in Redis use it too. */
    readonly prefix = 'closer',
    onError: (error: Error) => void = () => undefined,
  ) {
    // Without a listener ioredis prints every reconnect failure; the owner decides what to log.
    redis.on('error', onError);
    redis.defineCommand('closerLoad', { numberOfKeys: 2, lua: LOAD });
    redis.defineCommand('closerCreate', { numberOfKeys: 1, lua: CREATE });
    redis.defineCommand('closerCommit', { lua: COMMIT });
    redis.defineCommand('closerErase', { lua: ERASE });
    redis.defineCommand('closerScrub', { numberOfKeys: 1, lua: SCRUB });
    redis.defineCommand('closerTouch', { numberOfKeys: 4, lua: TOUCH });
    redis.defineCommand('closerKeepSubscription', { numberOfKeys: 2, lua: KEEP_SUBSCRIPTION });
    this.scripts = redis as unknown as Scripts;
    this.clustered = redis instanceof Cluster;
  }

  /** Connects and waits until Redis answers, so the first request does not meet a cold connection. */
  static async connect(url: string, prefix?: string, onError?: (error: Error) => void): Promise<RedisStore> {
    const redis = new Redis(url, { ...FAIL_FAST, lazyConnect: true });
    const store = new RedisStore(redis, prefix, onError);
    await reach(redis.connect());
    return store;
  }

  /**
   * Redis Cluster's nodes, as `host:port` (REDIS_CLUSTER_NODES); any few of them will do, the client
   * learns the rest.
   */
  static async connectCluster(nodes: string[], prefix?: string, onError?: (error: Error) => void): Promise<RedisStore> {
    const startup: ClusterNode[] = nodes.map((node) => {
      const [host, port] = node.split(':');
      return { host: host || '127.0.0.1', port: Number(port) };
    });
    const { enableOfflineQueue, enableAutoPipelining, ...perNode } = FAIL_FAST;
    const cluster = new Cluster(startup, {
      lazyConnect: true,
      enableOfflineQueue,
      enableAutoPipelining,
      redisOptions: perNode,
      // While a replica takes over, the old master's slots answer CLUSTERDOWN or not at all for a moment.
      retryDelayOnClusterDown: 100,
      retryDelayOnFailover: 100,
    });
    const store = new RedisStore(cluster, prefix, onError);
    await reach(cluster.connect());
    return store;
  }

  /** Every key this room owns; exported for tests that check erase and TTLs. */
  roomKeys(roomId: string): [string, string, string] {
    const base = this.roomBase(roomId);
    return [`${base}:room`, `${base}:results`, `${base}:order`];
  }

  /** The room's push subscriptions: in its slot, but only there once a device turned them on. */
  pushKey(roomId: string): string {
    return `${this.roomBase(roomId)}:push`;
  }

  private roomBase(roomId: string): string {
    return this.clustered ? `${this.prefix}:{${outboxShard(this.prefix, roomId).key}}:${roomId}` : `${this.prefix}:{${roomId}}`;
  }

  lookupKey(kind: LookupKind, key: string): string {
    return `${this.prefix}:${kind}:{${key}}`;
  }

  async create(room: Room, ttlMs: number): Promise<boolean> {
    const [roomKey] = this.roomKeys(room.id);
    const { doc, added } = roomParts(room, null);
    return (await reach(this.scripts.closerCreate(roomKey, doc, ttlMs, ...added.flat()))) === 1;
  }

  async load(roomId: string, commandId = ''): Promise<Loaded> {
    const [roomKey, results] = this.roomKeys(roomId);
    const [fields, replay] = await reach(this.scripts.closerLoad(roomKey, results, commandId));
    const read = readStored(fields);
    if (!read) return { stored: null, replay: null };
    return { stored: { version: read.version, room: read.room }, replay: replay || null, bytes: read.bytes };
  }

  /** The stream a room's views for the other nodes go to: the one stream, or on a cluster its shard. */
  streamFor(roomId: string): string {
    return this.clustered ? outboxShard(this.prefix, roomId).key : outboxStream(this.prefix).key;
  }

  async commit(input: CommitInput): Promise<CommitOutcome> {
    const stream = this.clustered ? outboxShard(this.prefix, input.roomId) : (input.outbox?.stream ?? outboxStream(this.prefix));
    const lookups = (input.dropLookups ?? []).map((l) => this.lookupKey(l.kind, l.key));
    const keys = [...this.roomKeys(input.roomId), stream.key, this.pushKey(input.roomId), ...(this.clustered ? [] : lookups)];
    const entries = input.outbox?.entries ?? [];
    const parts = input.parts ?? roomParts(input.room, input.base ?? null);
    const [status, detail, third] = await this.runCommit(
      keys.length,
      ...keys,
      input.expectedVersion,
      parts.doc,
      input.commandId,
      input.result,
      input.ttlMs,
      REMEMBERED_COMMANDS,
      entries.length,
      stream.retentionMs,
      stream.ttlMs,
      parts.rewrite ? '1' : '0',
      parts.removed.length,
      parts.added.length,
      ...parts.removed,
      ...parts.added.flat(),
      ...entries.flatMap((fields) => [fields.length, ...fields]),
    );
    if (status === 'ok' && this.clustered) await Promise.all(lookups.map((key) => reach(this.redis.del(key))));
    // An ok's third part: whether the push key's lifetime was renewed, i.e. some device subscribed.
    if (status === 'ok') return { status, version: Number(detail), subscribed: third === '1' };
    if (status === 'duplicate') return { status, result: detail ?? '' };
    const current = status === 'conflict' && Array.isArray(third) ? readStored(third) : null;
    if (current) return { status: 'conflict', current: { version: current.version, room: current.room }, bytes: current.bytes };
    if (status === 'missing') return { status };
    throw new Error(`Unexpected commit reply: ${String(status)}`);
  }

  /** On a cluster the commit and a WAIT for one replica go together, in one trip to the room's master. */
  private async runCommit(...keysThenArgs: (string | number)[]): Promise<CommitReply> {
    if (!this.clustered) return reach(this.scripts.closerCommit(...keysThenArgs));
    const roomKey = String(keysThenArgs[1]);
    const send = () => {
      const pipeline = this.waiting();
      pipeline.closerCommit(...keysThenArgs);
      return this.exec(pipeline.wait(1, REPLICA_WAIT_MS));
    };
    let [[failed, committed], waited] = await send();
    if (failed && REDIRECTED.test(failed.message)) {
      // The slot moved (a failover) and the commit did not run. ioredis follows a redirect itself only
      // when every command of a pipeline got it (the WAIT did not): a lone read of the room's key, which
      // it does follow, teaches it where the slot is now, and the commit goes again.
      await reach(this.redis.pttl(roomKey));
      [[failed, committed], waited] = await send();
    }
    if (failed) return reach(Promise.reject(failed));
    const reply = committed as CommitReply;
    if (reply[0] !== 'ok' || replicated(waited)) return reply;
    // Not on a replica yet (one is catching up, or a failover left the new master alone): a failover
    // now could lose it, so it is not acknowledged until a replica has it. Past that, it is answered
    // as unavailable; sent again with the same command id, it is the duplicate it is (or made anew).
    for (let attempt = 0; attempt < REPLICA_WAIT_ATTEMPTS; attempt++) {
      const [, again] = await this.exec(this.waiting().pttl(roomKey).wait(1, REPLICA_WAIT_MS));
      if (replicated(again)) return reply;
    }
    throw new StoreUnavailableError(new Error('The commit is not on a replica yet'));
  }

  /** A pipeline: its WAIT goes to the master of the slot its other command names. */
  private waiting(): WaitingPipeline {
    return this.redis.pipeline() as unknown as WaitingPipeline;
  }

  private async exec(pipeline: Executable): Promise<[PipelineReply, PipelineReply]> {
    const [first, second] = (await reach(pipeline.exec())) ?? [];
    if (!first || !second) throw new StoreUnavailableError(new Error('No reply from the cluster'));
    return [first, second];
  }

  async touch(roomId: string, ttlMs: number): Promise<void> {
    await reach(this.scripts.closerTouch(...this.roomKeys(roomId), this.pushKey(roomId), ttlMs));
  }

  async erase(input: EraseInput): Promise<void> {
    if (this.clustered) return this.eraseOnCluster(input);
    const keys = [
      ...this.roomKeys(input.roomId),
      outboxStream(this.prefix).key,
      this.pushKey(input.roomId),
      ...input.lookups.map((l) => this.lookupKey(l.kind, l.key)),
    ];
    await reach(this.scripts.closerErase(keys.length, ...keys, ...input.mentions));
  }

  /** The room's own keys and shard in one script; its lookups and every other shard by their own commands. */
  private async eraseOnCluster(input: EraseInput): Promise<void> {
    const stream = this.streamFor(input.roomId);
    const keys = [...this.roomKeys(input.roomId), stream, this.pushKey(input.roomId)];
    await reach(this.scripts.closerErase(keys.length, ...keys, ...input.mentions));
    const others = Array.from({ length: OUTBOX_SHARDS }, (_, i) => `${this.prefix}:sio-${i}`).filter((key) => key !== stream);
    await Promise.all([
      ...input.lookups.map((l) => reach(this.redis.del(this.lookupKey(l.kind, l.key)))),
      ...others.map((key) => reach(this.scripts.closerScrub(key, ...input.mentions))),
    ]);
  }

  async keepSubscription(roomId: string, seat: SeatIndex, device: string, subscription: string): Promise<boolean> {
    const kept = this.scripts.closerKeepSubscription(this.roomKeys(roomId)[0], this.pushKey(roomId), `${seat}:${device}`, subscription);
    return (await reach(kept)) === 1;
  }

  async subscriptionsOf(roomId: string, seat: SeatIndex): Promise<KeptSubscription[]> {
    const all = await reach(this.redis.hgetall(this.pushKey(roomId)));
    return Object.entries(all).flatMap(([field, subscription]) => (field.startsWith(`${seat}:`) ? [{ device: field.slice(2), subscription }] : []));
  }

  async dropSubscription(roomId: string, seat: SeatIndex | null, device: string): Promise<void> {
    const fields = (seat === null ? [0, 1] : [seat]).map((s) => `${s}:${device}`);
    await reach(this.redis.hdel(this.pushKey(roomId), ...fields));
  }

  /** One key for every node (and every room): the first node to start keeps its keys, the others read them. */
  async vapidKeys(made: string): Promise<string> {
    const key = `${this.prefix}:vapid`;
    await reach(this.redis.set(key, made, 'NX'));
    return (await reach(this.redis.get(key))) ?? made;
  }

  async putLookup(kind: LookupKind, key: string, roomId: string, ttlMs: number): Promise<void> {
    await reach(this.redis.set(this.lookupKey(kind, key), roomId, 'PX', ttlMs));
  }

  async getLookup(kind: LookupKind, key: string): Promise<string | null> {
    return reach(this.redis.get(this.lookupKey(kind, key)));
  }

  async dropLookup(kind: LookupKind, key: string): Promise<void> {
    await reach(this.redis.del(this.lookupKey(kind, key)));
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
