// Several nodes on one Redis. Socket.IO's Redis Streams adapter carries emits, presence queries and
// disconnects to the other nodes, so any node serves any room and the two people may sit on different
// nodes. The truth of a room lives only in the store (a node's room cache is a copy that compare-and-set
// checks on every commit); a node's own are its sockets and their seats, and Socket.IO asks the other
// nodes for theirs (fetchSockets). A change reaches the other nodes through the adapter's stream,
// written by the store's commit itself (its outbox, server/store/outbox.ts), saving a round trip: its
// room notice, from which the nodes holding its seats render their views (server/realtime/fanout.ts),
// and its views too, in the format of broadcastEntry, while some node does not render (lone.ts).
//
// The adapter's stream holds what was sent to people's screens, so Closer keeps it short: every XADD
// the adapter makes runs through the outbox's append script, which trims the stream to its last
// STREAM_RETENTION_MS (by Redis's own clock) and renews its TTL; erasing a room deletes its entries.
//
// On Redis Cluster the adapter reads OUTBOX_SHARDS streams (its `streamCount`, one blocking connection
// each), the shards the commits write to, so every node hears every room; its own writes go to one of
// them. The adapter takes ioredis's Cluster as it is (it sums PUBSUB NUMSUB over the nodes).
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Cluster as RedisCluster, type Redis } from 'ioredis';
import { MessageType } from 'socket.io-adapter';
import { APPEND_TO_STREAM_LUA, OUTBOX_SHARDS, ROOM_NOTICE, ROOM_NOTICE_RENDER, isRoomNotice, outboxStream, readRoomNotice, type RoomNotice, type StreamSpec } from './store/outbox.js';
import { asError } from './log.js';

// KEYS: stream; ARGV: retention ms, ttl ms, field, value, …
const STREAM_ADD = `${APPEND_TO_STREAM_LUA}
return appendToStream(KEYS[1], { { unpack(ARGV, 3) } }, ARGV[1], ARGV[2])
`;

// A lone node's late publication (server/realtime/lone.ts). KEYS: the room's document, its stream;
// ARGV: retention ms, ttl ms, then per entry its field count and fields. Only while the room exists:
// an erase deletes the document and scrubs the stream in one script, so nothing lands after it.
const REPUBLISH = `${APPEND_TO_STREAM_LUA}
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local entries, i = {}, 3
while i <= #ARGV do
  local n = tonumber(ARGV[i])
  entries[#entries + 1] = { unpack(ARGV, i + 1, i + n) }
  i = i + n + 1
end
return appendToStream(KEYS[2], entries, ARGV[1], ARGV[2])
`;

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

/** What Closer uses of the Redis Streams adapter (0.3) beyond its public type: its id, and the door every stream entry comes in by. */
interface AdapterInternals {
  uid: string;
  onRawMessage(message: Record<string, string>, offset: string): void;
}

/** An XREAD reply: per stream, its entries as [id, [field, value, …]]. */
type StreamRead = [stream: string, entries: [id: string, fields: string[]][]][] | null;

/**
 * A node's readers get back what it wrote itself too (its commits' views, which it has sent to its own
 * sockets already); the adapter would parse each whole before seeing it is its own. Here an entry whose
 * `uid` (its first field) is this node's loses its fields unparsed: the adapter skips an entry without a
 * namespace but still moves past it.
 *
 * A commit's room notice (outbox.ts) is for this node, not the adapter: it is given a namespace here so
 * the adapter's loop passes it on in the stream's order, and the adapter made in joinCluster takes it
 * out there (so a notice's views never overtake an earlier message, such as a removed seat's disconnect).
 *
 * And a reader starts from a fixed entry id: the adapter reads from `$` ("what comes after now") until
 * it has read an entry, so an entry added between two of its reads was lost, and nobody could know
 * from where a new node reads. Here `$` becomes the newest id in the stream at the first read (or 0-0),
 * then the last id read; `positioned` is told once that first id is known (a lone node's greeting waits
 * for it, server/realtime/lone.ts).
 */
function readingOnwards<Client extends Redis | RedisCluster>(client: Client, ownUids: Set<string>, positioned: (stream: string) => void): Client {
  const xread = client.xread.bind(client) as (...args: unknown[]) => Promise<StreamRead>;
  let last: string | undefined;
  const read = async (...args: unknown[]): Promise<StreamRead> => {
    // The adapter calls xread('BLOCK', ms, 'COUNT', n, 'STREAMS', stream, offset).
    const stream = String(args.at(-2));
    if (args.at(-1) === '$') {
      if (last === undefined) {
        const [newest] = (await client.xrevrange(stream, '+', '-', 'COUNT', 1)) as [string, string[]][];
        last = newest?.[0] ?? '0-0';
        positioned(stream);
      }
      args = [...args.slice(0, -1), last];
    }
    const reply = await xread(...args);
    const lastRead = reply?.[0]?.[1].at(-1)?.[0];
    if (lastRead !== undefined) last = lastRead;
    return reply?.map(([stream, entries]) => [stream, entries.map(([id, fields]) => [id, forTheAdapter(fields)])]) ?? null;
  };
  const forTheAdapter = (fields: string[]): string[] => {
    if (fields[0] === 'uid' && ownUids.has(fields[1]!)) return [];
    if (fields[2] !== ROOM_NOTICE && fields[2] !== ROOM_NOTICE_RENDER) return fields;
    return [...fields, 'nsp', '/'];
  };
  Object.defineProperty(client, 'xread', { value: read });
  return client;
}

export interface Cluster {
  adapter: ReturnType<typeof createAdapter>;
  stream: StreamSpec;
  /** Resolves once every stream reader knows the entry it reads on from: before this node greets the others. */
  positioned: Promise<void>;
  /** Appends entries to a room's stream, if its document (`roomKey`) still exists. */
  republish(roomKey: string, streamKey: string, entries: string[][]): Promise<unknown>;
  /** Who hears the other nodes' room notices (this node's room cache); one listener. */
  onRoomNotice(listener: (notice: RoomNotice) => void): void;
  /** Closes the publishing connection (Socket.IO closes the adapter's readers itself). */
  close(): Promise<void>;
}

/**
 * The adapter for nodes sharing the store's Redis. It gets its own connections: its blocking stream
 * reads and subscriptions must wait while Redis is away, unlike the store's fail-fast requests.
 */
export function joinCluster(storeRedis: Redis | RedisCluster, prefix: string, onError: (error: Error) => void): Cluster {
  const waiting = { enableOfflineQueue: true, commandTimeout: undefined, maxRetriesPerRequest: 1, lazyConnect: false };
  const sharded = storeRedis instanceof RedisCluster;
  const redis =
    storeRedis instanceof RedisCluster
      ? storeRedis.duplicate([], { enableOfflineQueue: true, lazyConnect: false, redisOptions: { ...storeRedis.options.redisOptions, ...waiting } })
      : storeRedis.duplicate(waiting);
  redis.on('error', onError);
  redis.defineCommand('closerStreamAdd', { numberOfKeys: 1, lua: STREAM_ADD });
  redis.defineCommand('closerRepublish', { numberOfKeys: 2, lua: REPUBLISH });
  const stream = outboxStream(prefix);
  const streamKey = stream.key;
  const streamKeys = new Set(sharded ? Array.from({ length: OUTBOX_SHARDS }, (_, i) => `${streamKey}-${i}`) : [streamKey]);
  const scripts = redis as unknown as { closerStreamAdd(...args: unknown[]): Promise<string>; closerRepublish(...args: unknown[]): Promise<unknown> };
  const addToStream = scripts.closerStreamAdd.bind(redis);
  const waitingFor = new Set(streamKeys);
  let allPositioned = () => {};
  const positioned = new Promise<void>((resolve) => (allPositioned = resolve));
  const onPositioned = (key: string) => {
    waitingFor.delete(key);
    if (waitingFor.size === 0) allPositioned();
  };

  // The adapter writes with `xadd([stream, 'MAXLEN', '~', n, '*', ...fields])`; everything else passes through.
  const publisher = new Proxy(redis, {
    get(target, property) {
      if (property === 'xadd') {
        return (args: unknown[]) => {
          const key = args[0];
          if (typeof key !== 'string' || !streamKeys.has(key) || args[1] !== 'MAXLEN' || args[4] !== '*') {
            return Promise.reject(new Error('The Socket.IO adapter wrote to its stream in an unexpected form'));
          }
          return addToStream(key, stream.retentionMs, stream.ttlMs, ...args.slice(5));
        };
      }
      // The adapter sends its pub/sub messages (presence queries, a node's room:forget) without catching
      // their promise: while Redis is away or the connection is closing, one would reject unhandled. A
      // lost message is already how the adapter treats them (a query times out), so it is caught here.
      if (property === 'publish' || property === 'spublish') {
        return (...args: unknown[]) =>
          (target[property] as (...a: unknown[]) => Promise<number>).apply(target, args).catch((error: unknown) => {
            onError(asError(error));
            return 0;
          });
      }
      // The adapter's stream readers are duplicates of this client: theirs is the reading to trim.
      if (property === 'duplicate') {
        return (...args: unknown[]) =>
          readingOnwards((target.duplicate as (...a: unknown[]) => Redis | RedisCluster).apply(target, args), ownUids, onPositioned);
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });

  const ownUids = new Set<string>();
  let noticeListener: (notice: RoomNotice) => void = () => {};
  // Only a copy's freshness rides on a notice: whatever goes wrong with one must not stop the reader.
  const hearNotice = (notice: RoomNotice) => {
    try {
      noticeListener(notice);
    } catch (error) {
      onError(asError(error));
    }
  };
  const makeAdapter = createAdapter(publisher, {
    streamName: streamKey,
    streamCount: sharded ? OUTBOX_SHARDS : 1,
    channelPrefix: `${prefix}:sio`,
    sessionKeyPrefix: `${prefix}:sio-session:`,
    // Readers wake at least this often, so a closing node lets go of Redis quickly.
    blockTimeInMs: 1_000,
    onlyPlaintext: true,
  });
  // Socket.IO calls `new adapter(nsp)`: a function (not an arrow) whose returned object is the adapter.
  // Its loop hands it each entry in the stream's order; a room notice is this node's, not the adapter's.
  const adapter = function (nsp: Parameters<typeof makeAdapter>[0]) {
    const made = makeAdapter(nsp) as unknown as AdapterInternals;
    ownUids.add(made.uid);
    const onRawMessage = made.onRawMessage.bind(made);
    made.onRawMessage = (message, offset) => {
      if (!isRoomNotice(message)) return onRawMessage(message, offset);
      const notice = readRoomNotice(message);
      if (notice) hearNotice(notice);
    };
    return made as unknown as ReturnType<typeof makeAdapter>;
  } as typeof makeAdapter;
  return {
    adapter,
    stream,
    positioned,
    onRoomNotice(listener) {
      noticeListener = listener;
    },
    republish: (roomKey, streamKey, entries) =>
      scripts.closerRepublish(roomKey, streamKey, stream.retentionMs, stream.ttlMs, ...entries.flatMap((fields) => [fields.length, ...fields])),
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
