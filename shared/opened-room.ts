// A room's view as the browser's screens read it: the sealed values opened with the room key. The room
// store opens each view as it arrives (client/lib/room-key.ts), names first, then this: the Memories and
// the running activity (shared/activities/opened.ts). Pure: it takes an Opener, so tests use a real key.
import { openActivityView, type OpenActivityView } from './activities/opened.js';
import type { MemoryEntry } from './activities/types.js';
import type { Memory } from './play.js';
import type { RoomView } from './room.js';
import { openOr, type Opener } from './sealed/opener.js';

/** A memory with each person's words opened. */
export type OpenMemory = Omit<Memory, 'entries'> & { entries: { seat: Memory['entries'][number]['seat']; text: string }[] };

export type OpenRoomView = Omit<RoomView, 'activity' | 'memories'> & {
  activity: OpenActivityView | null;
  memories: OpenMemory[];
};

async function openEntry(memory: Memory, entry: MemoryEntry, open: Opener): Promise<OpenMemory['entries'][number]> {
  if ('text' in entry) return entry;
  return { seat: entry.seat, text: await openOr(open, { activity: memory.activity, slot: entry.slot, seat: entry.seat }, entry.sealed) };
}

export async function openMemories(memories: readonly Memory[], open: Opener): Promise<OpenMemory[]> {
  return Promise.all(memories.map(async (m) => ({ ...m, entries: await Promise.all(m.entries.map((e) => openEntry(m, e, open))) })));
}

export async function openRoomView(view: RoomView, open: Opener): Promise<OpenRoomView> {
  const [activity, memories] = await Promise.all([
    view.activity ? openActivityView(view.activity, open) : null,
    openMemories(view.memories, open),
  ]);
  return { ...view, activity, memories };
}
