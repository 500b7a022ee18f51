// Several nodes on one Redis. Socket.IO's Redis Streams adapter carries emits, presence queries and
// disconnects to the other nodes, so any node serves any room and the two people may sit on different
// nodes. No room state lives in a node: the room is in the store; sockets and their seats are the
// node's only memory, and Socket.IO asks the other nodes for theirs (fetchSockets). A change's views
// are written to the adapter's stream by the store's commit itself (broadcastEntry), saving a round trip.
//
// The adapter's stream holds what was sent to people's screens, so Closer keeps it short: every XADD
// the adapter makes runs as one Lua script that trims the stream to its last STREAM_RETENTION_MS (by
// Redis's own clock) and renews its TTL. Nothing in it outlives half a minute of quiet.
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import { MessageType } from 'socket.io-adapter';

/**
 * How long the stream keeps a message: long enough for a node's reader (which wakes at least every
 * second) to catch up after a blip, short enough that a busy stream stays small (about 2 MB per 1,000
 * moves a second) and nothing anyone wrote lingers.
 */
export const STREAM_RETENTION_MS = 15_000;
/** The stream disappears this long after the last message. */
const STREAM_TTL_MS = 2 * STREAM_RETENTION_MS;

/**
 * Lua: `appendToStream(stream, entries, retentionMs, ttlMs)` adds each entry (a list of field, value, …)
 * to the stream, trims it to its last `retentionMs` by Redis's clock and renews its TTL. Used for the
 * adapter's own writes (STREAM_ADD) and by the store's commit, which publishes a change's views with it.
 */
export const APPEND_TO_STREAM_LUA = `
local function appendToStream(stream, entries, retentionMs, ttlMs)
  local now = redis.call('TIME')
  local cutoff = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) - tonumber(retentionMs)
  local id = false
  for _, entry in ipairs(entries) do
    id = redis.call('XADD', stream, 'MINID', cutoff, '*', unpack(entry))
  end
  redis.call('PEXPIRE', stream, ttlMs)
  return id
end
`;

// KEYS: stream; ARGV: retention ms, ttl ms, field, value, …
const STREAM_ADD = `${APPEND_TO_STREAM_LUA}
return appendToStream(KEYS[1], { { unpack(ARGV, 3) } }, ARGV[1], ARGV[2])
`;

/** Where views for the other nodes go, and how long they stay: what a commit needs to publish with it. */
export interface StreamSpec {
  key: string;
  retentionMs: number;
  ttlMs: number;
}

/** Views to add to the stream in the same script that commits the change they show. */
export interface Publication {
  stream: StreamSpec;
  entries: string[][];
}

/**
 * One emit to a Socket.IO room, in the message format of Socket.IO's cluster adapter (a BROADCAST, as the
 * Redis Streams adapter writes it to its stream): the other nodes read it like any of the adapter's own.
 * `uid` is this node's adapter, whose reader skips its own messages. Checked end to end by the tests
 * with two nodes (tests/integration/nodes.test.ts, concurrency.test.ts): a change in this format would
 * stop the partner on the other node from seeing anything.
 */
export function broadcastEntry(uid: string, room: string, except: string[], event: string, payload: unknown): string[] {
  const packet = { type: 2 /* socket.io-parser EVENT */, data: [event, payload], nsp: '/' };
  const data = JSON.stringify({ packet, opts: { rooms: [room], except, flags: {} } });
  return ['uid', uid, 'nsp', '/', 'type', String(MessageType.BROADCAST), 'data', data];
}

export interface Cluster {
  adapter: ReturnType<typeof createAdapter>;
  stream: StreamSpec;
  /** Closes the publishing connection (Socket.IO closes the adapter's readers itself). */
  close(): Promise<void>;
}

/**
 * The adapter for nodes sharing the store's Redis. It gets its own connections: its blocking stream
 * reads and subscriptions must wait while Redis is away, unlike the store's fail-fast requests.
 */
export function joinCluster(storeRedis: Redis, prefix: string, onError: (error: Error) => void): Cluster {
  const redis = storeRedis.duplicate({
    enableOfflineQueue: true,
    commandTimeout: undefined,
    maxRetriesPerRequest: 1,
    lazyConnect: false,
  });
  redis.on('error', onError);
  redis.defineCommand('closerStreamAdd', { numberOfKeys: 1, lua: STREAM_ADD });
  const streamKey = `${prefix}:sio`;
  const addToStream = (redis as unknown as { closerStreamAdd(...args: unknown[]): Promise<string> }).closerStreamAdd.bind(redis);

  // The adapter writes with `xadd([stream, 'MAXLEN', '~', n, '*', ...fields])`; everything else passes through.
  const publisher = new Proxy(redis, {
    get(target, property) {
      if (property === 'xadd') {
        return (args: unknown[]) => {
          if (args[0] !== streamKey || args[1] !== 'MAXLEN' || args[4] !== '*') {
            return Promise.reject(new Error('The Socket.IO adapter wrote to its stream in an unexpected form'));
          }
          return addToStream(streamKey, STREAM_RETENTION_MS, STREAM_TTL_MS, ...args.slice(5));
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });

  const adapter = createAdapter(publisher, {
    streamName: streamKey,
    channelPrefix: `${prefix}:sio`,
    sessionKeyPrefix: `${prefix}:sio-session:`,
    // Readers wake at least this often, so a closing node lets go of Redis quickly.
    blockTimeInMs: 1_000,
    onlyPlaintext: true,
  });
  return {
    adapter,
    stream: { key: streamKey, retentionMs: STREAM_RETENTION_MS, ttlMs: STREAM_TTL_MS },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
