// A room's view as the browser's screens read it: the sealed values opened with the room key. The room
// store opens each view as it arrives (client/lib/room-key.ts), names first, then this: the Memories and
// the running activity (shared/activities/opened.ts), and the closeness answers. Pure: it takes an Opener, so tests use a real key.
import { openActivityView, type OpenActivityView } from './activities/opened.js';
import type { MemoryEntry } from './activities/types.js';
import { CLOSENESS_ACTIVITY, closenessSlot, readCloseness, type ClosenessView } from './closeness.js';
import type { Memory } from './play.js';
import type { RoomView } from './room.js';
import { openOr, type Opener } from './sealed/opener.js';

/** A memory with each person's words opened. */
export type OpenMemory = Omit<Memory, 'entries'> & {
  entries: { seat: Memory['entries'][number]['seat']; text: string; forBoth?: true; reaction?: true }[];
};

/** Closeness with each revealed answer opened: 1–7, 0 for skipped, null for one that does not open. */
export interface OpenClosenessView {
  open: ClosenessView['open'];
  history: { at: number; moment: ClosenessView['history'][number]['moment']; values: [number | null, number | null] }[];
}

export type OpenRoomView = Omit<RoomView, 'activity' | 'memories' | 'closeness'> & {
  activity: OpenActivityView | null;
  memories: OpenMemory[];
  closeness: OpenClosenessView;
};

async function openEntry(memory: Memory, entry: MemoryEntry, open: Opener): Promise<OpenMemory['entries'][number]> {
  const text = await openOr(open, { activity: memory.activity, slot: entry.slot, seat: entry.seat }, entry.sealed);
  return { seat: entry.seat, text, ...(entry.forBoth ? { forBoth: true } : {}), ...(entry.reaction ? { reaction: true } : {}) };
}

export async function openMemories(memories: readonly Memory[], open: Opener): Promise<OpenMemory[]> {
  return Promise.all(memories.map(async (m) => ({ ...m, entries: await Promise.all(m.entries.map((e) => openEntry(m, e, open))) })));
}

/** Each revealed pair opened where its seats sealed it; an answer that does not open, or is no answer, is null. */
export async function openCloseness(closeness: ClosenessView, open: Opener): Promise<OpenClosenessView> {
  const answer = async (id: string, seat: 0 | 1, sealed: string) =>
    readCloseness(await open({ activity: CLOSENESS_ACTIVITY, slot: closenessSlot(id), seat }, sealed));
  const history = await Promise.all(
    closeness.history.map(async (h) => ({
      at: h.at,
      moment: h.moment,
      values: [await answer(h.id, 0, h.values[0]), await answer(h.id, 1, h.values[1])] as [number | null, number | null],
    })),
  );
  return { open: closeness.open, history };
}

export async function openRoomView(view: RoomView, open: Opener): Promise<OpenRoomView> {
  const [activity, memories, closeness] = await Promise.all([
    view.activity ? openActivityView(view.activity, open) : null,
    openMemories(view.memories, open),
    openCloseness(view.closeness, open),
  ]);
  return { ...view, activity, memories, closeness };
}
