// Several nodes on one Redis. Socket.IO's Redis Streams adapter carries every emit, presence query and
// disconnect to the other nodes, so any node serves any room and the two people may sit on different
// nodes. No room state lives in a node: the room is in the store; sockets and their seats are the
// node's only memory, and Socket.IO asks the other nodes for theirs (fetchSockets).
//
// The adapter's stream holds what was sent to people's screens, so Closer keeps it short: every XADD
// the adapter makes runs as one Lua script that trims the stream to its last STREAM_RETENTION_MS (by
// Redis's own clock) and renews its TTL. Nothing in it outlives half a minute of quiet.
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';

/**
 * How long the stream keeps a message: long enough for a node's reader (which wakes at least every
 * second) to catch up after a blip, short enough that a busy stream stays small (about 2 MB per 1,000
 * moves a second) and nothing anyone wrote lingers.
 */
export const STREAM_RETENTION_MS = 15_000;
/** The stream disappears this long after the last message. */
const STREAM_TTL_MS = 2 * STREAM_RETENTION_MS;

// KEYS: stream; ARGV: retention ms, ttl ms, field, value, …
const STREAM_ADD = `
local now = redis.call('TIME')
local cutoff = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) - tonumber(ARGV[1])
local id = redis.call('XADD', KEYS[1], 'MINID', cutoff, '*', unpack(ARGV, 3))
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return id
`;

export interface Cluster {
  adapter: ReturnType<typeof createAdapter>;
  streamKey: string;
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
    streamKey,
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
