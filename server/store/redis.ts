// Rooms in Redis. Each room is three keys sharing the `{roomId}` hash tag, so one Lua script can
// check and write them together (one slot; only the commit that also publishes to the adapter's stream
// touches another key):
//   <prefix>:{id}:room     hash { v: version, doc: JSON }
//   <prefix>:{id}:results  hash commandId → saved result (the last REMEMBERED_COMMANDS)
//   <prefix>:{id}:order    list of those command ids, oldest first
// Compare-and-set happens inside the script; there is no WATCH/MULTI on the shared connection.
import { Redis, type RedisOptions } from 'ioredis';
import type { Room } from '../../shared/room.js';
import { APPEND_TO_STREAM_LUA, type Publication } from '../cluster.js';
import { REMEMBERED_COMMANDS, type CommitOutcome, type Loaded, type LookupKind, type RoomStore } from './types.js';

const LOAD = `
local got = redis.call('HMGET', KEYS[1], 'v', 'doc')
local replay = false
if ARGV[1] ~= '' then replay = redis.call('HGET', KEYS[2], ARGV[1]) end
return { got[1], got[2], replay }
`;

const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'v', 1, 'doc', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;

// KEYS: room, results, order; ARGV: expected version, doc, command id, result, ttl ms, commands remembered
const COMMIT_FUNCTION = `
local function commit()
  local v = redis.call('HGET', KEYS[1], 'v')
  if not v then return { 'missing' } end
  local previous = redis.call('HGET', KEYS[2], ARGV[3])
  if previous then return { 'duplicate', previous } end
  if v ~= ARGV[1] then return { 'conflict' } end
  local next = tonumber(v) + 1
  redis.call('HSET', KEYS[1], 'v', next, 'doc', ARGV[2])
  redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
  redis.call('RPUSH', KEYS[3], ARGV[3])
  if redis.call('LLEN', KEYS[3]) > tonumber(ARGV[6]) then
    redis.call('HDEL', KEYS[2], redis.call('LPOP', KEYS[3]))
  end
  for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[5]) end
  return { 'ok', tostring(next) }
end
`;

const COMMIT = `${COMMIT_FUNCTION}
return commit()
`;

// The same, and once committed, the change's views go to the other nodes in the same round trip.
// KEYS: + stream; ARGV: + entries (JSON), stream retention ms, stream ttl ms
const COMMIT_AND_PUBLISH = `${COMMIT_FUNCTION}${APPEND_TO_STREAM_LUA}
local result = commit()
if result[1] == 'ok' then appendToStream(KEYS[4], cjson.decode(ARGV[7]), ARGV[8], ARGV[9]) end
return result
`;

const TOUCH = `
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[1]) end
return 1
`;

type Reply = string | null | false;

interface Scripts {
  closerLoad(room: string, results: string, commandId: string): Promise<[Reply, Reply, Reply]>;
  closerCreate(room: string, doc: string, ttlMs: number): Promise<number>;
  closerCommit(
    room: string,
    results: string,
    order: string,
    expected: number,
    doc: string,
    commandId: string,
    result: string,
    ttlMs: number,
    remembered: number,
  ): Promise<string[]>;
  closerCommitAndPublish(
    room: string,
    results: string,
    order: string,
    stream: string,
    expected: number,
    doc: string,
    commandId: string,
    result: string,
    ttlMs: number,
    remembered: number,
    entries: string,
    retentionMs: number,
    streamTtlMs: number,
  ): Promise<string[]>;
  closerTouch(room: string, results: string, order: string, ttlMs: number): Promise<number>;
}

/** Options for the request path: fail fast while Redis is away instead of queueing for a minute. */
export const FAIL_FAST: RedisOptions = {
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  commandTimeout: 2_000,
  enableAutoPipelining: true,
};

export class RedisStore implements RoomStore {
  readonly kind = 'redis';
  private scripts: Scripts;

  constructor(
    readonly redis: Redis,
    /** Every key starts with this; rate limits kept in Redis use it too. */
    readonly prefix = 'closer',
    onError: (error: Error) => void = () => undefined,
  ) {
    // Without a listener ioredis prints every reconnect failure; the owner decides what to log.
    redis.on('error', onError);
    redis.defineCommand('closerLoad', { numberOfKeys: 2, lua: LOAD });
    redis.defineCommand('closerCreate', { numberOfKeys: 1, lua: CREATE });
    redis.defineCommand('closerCommit', { numberOfKeys: 3, lua: COMMIT });
    redis.defineCommand('closerCommitAndPublish', { numberOfKeys: 4, lua: COMMIT_AND_PUBLISH });
    redis.defineCommand('closerTouch', { numberOfKeys: 3, lua: TOUCH });
    this.scripts = redis as unknown as Scripts;
  }

  /** Connects and waits until Redis answers, so the first request does not meet a cold connection. */
  static async connect(url: string, prefix?: string, onError?: (error: Error) => void): Promise<RedisStore> {
    const redis = new Redis(url, { ...FAIL_FAST, lazyConnect: true });
    const store = new RedisStore(redis, prefix, onError);
    await redis.connect();
    return store;
  }

  /** Every key this room owns; exported for tests that check erase and TTLs. */
  roomKeys(roomId: string): [string, string, string] {
    const base = `${this.prefix}:{${roomId}}`;
    return [`${base}:room`, `${base}:results`, `${base}:order`];
  }

  lookupKey(kind: LookupKind, key: string): string {
    return `${this.prefix}:${kind}:{${key}}`;
  }

  async create(room: Room, ttlMs: number): Promise<boolean> {
    const [roomKey] = this.roomKeys(room.id);
    return (await this.scripts.closerCreate(roomKey, JSON.stringify(room), ttlMs)) === 1;
  }

  async load(roomId: string, commandId = ''): Promise<Loaded> {
    const [roomKey, results] = this.roomKeys(roomId);
    const [version, doc, replay] = await this.scripts.closerLoad(roomKey, results, commandId);
    if (!version || !doc) return { stored: null, replay: null };
    return { stored: { version: Number(version), room: JSON.parse(doc) as Room }, replay: replay || null };
  }

  async commit(
    roomId: string,
    expectedVersion: number,
    room: Room,
    commandId: string,
    result: string,
    ttlMs: number,
    publication?: Publication,
  ): Promise<CommitOutcome> {
    const [roomKey, results, order] = this.roomKeys(roomId);
    const doc = JSON.stringify(room);
    const [status, detail] = publication
      ? await this.scripts.closerCommitAndPublish(
          roomKey,
          results,
          order,
          publication.stream.key,
          expectedVersion,
          doc,
          commandId,
          result,
          ttlMs,
          REMEMBERED_COMMANDS,
          JSON.stringify(publication.entries),
          publication.stream.retentionMs,
          publication.stream.ttlMs,
        )
      : await this.scripts.closerCommit(roomKey, results, order, expectedVersion, doc, commandId, result, ttlMs, REMEMBERED_COMMANDS);
    if (status === 'ok') return { status, version: Number(detail) };
    if (status === 'duplicate') return { status, result: detail ?? '' };
    if (status === 'conflict' || status === 'missing') return { status };
    throw new Error(`Unexpected commit reply: ${String(status)}`);
  }

  async touch(roomId: string, ttlMs: number): Promise<void> {
    await this.scripts.closerTouch(...this.roomKeys(roomId), ttlMs);
  }

  async erase(roomId: string): Promise<void> {
    await this.redis.del(...this.roomKeys(roomId));
  }

  async putLookup(kind: LookupKind, key: string, roomId: string, ttlMs: number): Promise<void> {
    await this.redis.set(this.lookupKey(kind, key), roomId, 'PX', ttlMs);
  }

  async getLookup(kind: LookupKind, key: string): Promise<string | null> {
    return this.redis.get(this.lookupKey(kind, key));
  }

  async dropLookup(kind: LookupKind, key: string): Promise<void> {
    await this.redis.del(this.lookupKey(kind, key));
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
