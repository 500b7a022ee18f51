// The store's outbox: the stream a commit writes a change's notice (and, while some node needs them,
// its views) to, in the same script, so they reach the other nodes only if the change committed. The cluster wiring reads this stream through Socket.IO's
// Redis Streams adapter; it depends on this module, never the reverse.
//
// The stream holds what people's screens show (sealed), so it is kept short: every append trims it to its
// last STREAM_RETENTION_MS (by Redis's own clock) and renews its TTL, and erasing a room deletes the
// room's entries from it at once (SCRUB_STREAM_LUA).

/**
 * How long the stream keeps a message: long enough for a node's reader (which wakes at least every
 * second) to catch up after a blip, short enough that a busy stream stays small (about 2 MB per 1,000
 * moves a second) and nothing anyone wrote lingers.
 */
export const STREAM_RETENTION_MS = 15_000;
/** The stream disappears this long after its last message. */
export const STREAM_TTL_MS = 2 * STREAM_RETENTION_MS;

/** Where views for the other nodes go, and how long they stay. */
export interface StreamSpec {
  key: string;
  retentionMs: number;
  ttlMs: number;
}

/** The one stream of the nodes sharing a key prefix. */
export function outboxStream(prefix: string): StreamSpec {
  return { key: `${prefix}:sio`, retentionMs: STREAM_RETENTION_MS, ttlMs: STREAM_TTL_MS };
}

/**
 * On Redis Cluster a script may touch only keys of one slot, so the one stream becomes OUTBOX_SHARDS
 * streams, `<prefix>:sio-<i>` (the names Socket.IO's adapter reads with `streamCount`), and a room's
 * keys carry its shard's stream name as their hash tag: its commit and its erase stay in one slot.
 * Every node reads every shard. Sixteen: a few per master, each reader one blocking connection a node.
 */
export const OUTBOX_SHARDS = 16;

/** The shard a room's views go to on Redis Cluster, from its id alone (the same on every node). */
export function outboxShard(prefix: string, roomId: string): StreamSpec {
  let hash = 0;
  for (let i = 0; i < roomId.length; i++) hash = (hash * 31 + roomId.charCodeAt(i)) >>> 0;
  return { ...outboxStream(prefix), key: `${prefix}:sio-${hash % OUTBOX_SHARDS}` };
}

/**
 * A commit's notice to the other nodes (server/room-cache.ts): the room's new version and its document
 * as written (RoomParts: Memories by id, only the new ones whole). A node holding the version before moves
 * its copy on to this one, so its person's next move commits without a conflict.
 *
 * `render`: the commit published no views beside it (every node it knew says it renders views from
 * notices, `node:hello`), so a node holding a seat's sockets sends them that seat's view of the room
 * itself (server/realtime/fanout.ts, showNotice). Otherwise the views are in the stream beside it, for
 * nodes that do not render (a rolling deploy), and the notice only keeps copies current.
 *
 * It rides in the stream beside the adapter's own entries, and names the room's channel (so an erase
 * scrubs it with them; its id is in the document anyway). The stream readers hand it to the node in the
 * stream's order, among the adapter's messages (server/cluster.ts).
 */
export interface RoomNotice {
  roomId: string;
  channel: string;
  version: number;
  doc: string;
  added: [string, string][];
  render: boolean;
}

/** The field after the node's uid that marks a room notice (the adapter's own entries have `nsp` there). */
export const ROOM_NOTICE = 'closer-room';
/** The same for a notice whose views a node renders itself (`RoomNotice.render`). */
export const ROOM_NOTICE_RENDER = 'closer-room-render';

export function roomNoticeEntry(uid: string, notice: RoomNotice): string[] {
  const marker = notice.render ? ROOM_NOTICE_RENDER : ROOM_NOTICE;
  return ['uid', uid, marker, notice.channel, 'id', notice.roomId, 'v', String(notice.version), 'doc', notice.doc, 'added', JSON.stringify(notice.added)];
}

/** Whether a stream entry, as the adapter reads it (field → value), is a room notice of either kind. */
export function isRoomNotice(message: Readonly<Record<string, string | undefined>>): boolean {
  return message[ROOM_NOTICE] !== undefined || message[ROOM_NOTICE_RENDER] !== undefined;
}

/** A room notice from a stream entry as the adapter reads it, or null when it is something else (or not whole). */
export function readRoomNotice(message: Readonly<Record<string, string | undefined>>): RoomNotice | null {
  const render = message[ROOM_NOTICE_RENDER] !== undefined;
  const channel = render ? message[ROOM_NOTICE_RENDER] : message[ROOM_NOTICE];
  const { id: roomId, v, doc, added: addedJson } = message;
  if (channel === undefined || roomId === undefined || doc === undefined || addedJson === undefined) return null;
  let added: unknown;
  try {
    added = JSON.parse(addedJson);
  } catch {
    return null;
  }
  const version = Number(v);
  if (!Array.isArray(added) || !Number.isSafeInteger(version)) return null;
  return { channel, roomId, version, doc, added: added as [string, string][], render };
}

/** Entries (each a list of field, value, …) to add to the stream in the script that commits the change they show. */
export interface Outbox {
  stream: StreamSpec;
  entries: string[][];
}

/**
 * Lua: `appendToStream(stream, entries, retentionMs, ttlMs)` adds each entry to the stream, trims it to
 * its last `retentionMs` by Redis's clock and renews its TTL. Used by the commit (its outbox) and for the
 * adapter's own writes.
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

/**
 * Lua: `scrubStream(stream, mentions)` deletes every entry with a value containing any of `mentions`
 * (plain substrings). The stream holds at most its last 15 s, so reading it whole is bounded.
 */
export const SCRUB_STREAM_LUA = `
local function scrubStream(stream, mentions)
  local removed = 0
  for _, entry in ipairs(redis.call('XRANGE', stream, '-', '+')) do
    local fields = entry[2]
    local named = false
    for i = 2, #fields, 2 do
      for _, mention in ipairs(mentions) do
        if string.find(fields[i], mention, 1, true) then named = true end
      end
    end
    if named then removed = removed + redis.call('XDEL', stream, entry[1]) end
  end
  return removed
end
`;
