// How a stored room document is written and read. In Redis a room is split (roomParts, readStored): its
// document holds the room with its Memories replaced by their ids (in order), and each Memory is its own
// field of the room's hash (`m:<id>`), so a command writes only the Memories it added (a full room is
// ~2.2 MB, almost all Memories, and a command's change is a few KB). Memories are immutable once kept and
// named by id, which is what makes writing only the new ones enough.
// Rooms written before a seat could hold several devices kept one `tokenHash` per seat; they are read as
// a seat on one device, so a deploy returns everyone to their seat.
import { sealedRounds } from '../../shared/closeness.js';
import type { Memory } from '../../shared/play.js';
import type { Room, Seat } from '../../shared/room.js';

/** A seat as written before devices: one token hash, no device list. */
interface SeatBeforeDevices {
  name: string;
  claimId: string;
  tokenHash: string;
}

type StoredSeat = Seat | SeatBeforeDevices;

/** The id a seat's only device gets when its room predates devices (unique within its seat). */
export const FIRST_DEVICE_ID = 'first-device';

/** The prefix of a Memory's field in the room's hash (beside `v` and `doc`). */
export const MEMORY_FIELD = 'm:';

/** A whole document's room as stored: seats maybe from before devices, Memories inline. */
type WholeDocument = Omit<Room, 'seats' | 'seal'> & { seal?: Room['seal']; seats: [StoredSeat, StoredSeat | null] };

/** A document in Redis: its Memories by id (split), or inline (whole, written before the split). */
type StoredDocument = Omit<WholeDocument, 'play'> & { play: Omit<Room['play'], 'memories'> & { memories: (Memory | string)[] } };

/** What a commit (or a create) writes of a room: see the top of this file. */
export interface RoomParts {
  /** The room's JSON with each Memory replaced by its id. */
  doc: string;
  /** Memories the room has and the version it was made from had not, as [field, JSON], oldest first. */
  added: [string, string][];
  /** Fields of Memories the version it was made from had and the room has not. */
  removed: string[];
  /** The stored room may still hold fields this one does not know of (a whole document): drop every `m:` field first. */
  rewrite: boolean;
  /** How long the whole room's JSON is, Memories inline: what the room byte budget measures (ROOM_BYTES_MAX). */
  bytes: number;
}

/**
 * Each Memory's JSON length, known once per Memory object (read from its field, or made when first
 * written): the byte budget then costs a sum, not a serialization of every Memory, on each command.
 */
const memoryBytes = new WeakMap<Memory, number>();

/** Rooms read from a whole document (written before Memories had their own fields): their next commit writes every Memory. */
const readWhole = new WeakSet<Room>();

function bytesOf(memory: Memory): number {
  let bytes = memoryBytes.get(memory);
  if (bytes === undefined) {
    bytes = JSON.stringify(memory).length;
    memoryBytes.set(memory, bytes);
  }
  return bytes;
}

/**
 * Splits `room` for writing over `base`, the version it was made from as stored (null: nothing stored
 * yet). Unchanged Memories are the same array, so most commands compare one reference; otherwise by id.
 */
export function roomParts(room: Room, base: Room | null): RoomParts {
  const memories = room.play.memories;
  const ids = memories.map((m) => m.id);
  const doc = JSON.stringify({ ...room, play: { ...room.play, memories: ids } });
  // The whole room's JSON is the split one with each id's JSON replaced by its Memory's (commas and brackets alike).
  let bytes = doc.length;
  for (const memory of memories) bytes += bytesOf(memory) - JSON.stringify(memory.id).length;

  const before = base && !readWhole.has(base) ? base.play.memories : null;
  if (before === memories) return { doc, added: [], removed: [], rewrite: false, bytes };
  const had = new Set(before?.map((m) => m.id));
  const has = new Set(ids);
  const added = memories.filter((m) => !had.has(m.id)).map((m): [string, string] => {
    const json = JSON.stringify(m);
    memoryBytes.set(m, json.length);
    return [MEMORY_FIELD + m.id, json];
  });
  const removed = (before ?? []).filter((m) => !has.has(m.id)).map((m) => MEMORY_FIELD + m.id);
  return { doc, added, removed, rewrite: before === null, bytes };
}

/**
 * A room from its hash's fields (`v`, `doc`, `m:<id>`…, as HGETALL answers them): its version, the room
 * with its Memories put back in order, and how long the whole room's JSON is. Null when there is none.
 */
export function readStored(fields: readonly string[]): { version: number; room: Room; bytes: number } | null {
  const hash = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) hash.set(fields[i]!, fields[i + 1]!);
  const version = hash.get('v');
  const doc = hash.get('doc');
  if (!version || !doc) return null;
  const read = readDocument(doc, (id) => {
    const json = hash.get(MEMORY_FIELD + id);
    return json === undefined ? null : parseMemory(json);
  });
  // Written in the same script as the document that lists them: a missing Memory would be a bug in the store.
  if (!read) throw new Error('A room lists a Memory it does not store');
  return { version: Number(version), ...read };
}

/**
 * The room another node committed, from its notice (outbox.ts) over `base`, the version before it as
 * this node holds it: Memories the notice does not bring whole are `base`'s. Null when the notice names a
 * Memory neither has (then the copy is not the version before after all).
 */
export function readNotice(base: Room, doc: string, added: readonly [string, string][]): { room: Room; bytes: number } | null {
  const whole = new Map(added);
  const held = new Map(base.play.memories.map((m) => [m.id, m]));
  return readDocument(doc, (id) => {
    const json = whole.get(MEMORY_FIELD + id);
    if (json !== undefined) return parseMemory(json);
    const memory = held.get(id);
    return memory ? { memory, bytes: bytesOf(memory) } : null;
  });
}

function parseMemory(json: string): { memory: Memory; bytes: number } {
  const memory = JSON.parse(json) as Memory;
  memoryBytes.set(memory, json.length);
  return { memory, bytes: json.length };
}

/**
 * A split document with each Memory id replaced by what `memoryOf` finds for it (whole ones are kept);
 * null if it finds nothing for one.
 */
function readDocument(doc: string, memoryOf: (id: string) => { memory: Memory; bytes: number } | null): { room: Room; bytes: number } | null {
  const stored = JSON.parse(doc) as StoredDocument;
  let bytes = doc.length;
  let whole = false;
  const memories: Memory[] = [];
  for (const m of stored.play.memories) {
    if (typeof m !== 'string') {
      whole = true;
      memories.push(m);
      continue;
    }
    const found = memoryOf(m);
    if (!found) return null;
    bytes += found.bytes - JSON.stringify(m).length;
    memories.push(found.memory);
  }
  const room = fromStored({ ...stored, play: { ...stored.play, memories } });
  if (whole) readWhole.add(room);
  return { room, bytes };
}

/** A room from a whole document (Memories inline), as MemoryStore keeps it. */
export function readRoom(doc: string): Room {
  return fromStored(JSON.parse(doc) as WholeDocument);
}

function fromStored(room: WholeDocument): Room {
  // A room made before rooms were sealed has no seal: its devices are told to start a new room. Closeness
  // answered in the clear before answers were sealed is dropped (sealedRounds), and so is a memory kept
  // in the clear (entries with `text`, from before activities sealed their content).
  const play = { ...room.play, closeness: sealedRounds(room.play.closeness), memories: sealedMemories(room.play.memories) };
  return { ...room, play, seal: room.seal ?? null, seats: [readSeat(room.seats[0], room.createdAt), room.seats[1] && readSeat(room.seats[1], room.createdAt)] };
}

function sealedMemories(memories: readonly Memory[]): Memory[] {
  return memories.filter((m) => m.entries.every((e: object) => 'sealed' in e && !('text' in e)));
}

function readSeat(seat: StoredSeat, createdAt: number): Seat {
  if ('devices' in seat) return seat;
  const { tokenHash, ...rest } = seat;
  return { ...rest, devices: [{ id: FIRST_DEVICE_ID, tokenHash, claimId: seat.claimId, addedAt: createdAt }], transfer: null };
}
