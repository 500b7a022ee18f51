// The room's Memories a page at a time: views carry only how many there are and the newest few (what
// the lobby shows), and the Memories screen and the export ask for pages, newest first, by a cursor.
import { ok, refuse, type Result } from './core.js';
import type { Memory } from './play.js';

/**
 * The newest Memories a view carries: the two the lobby shows (with the count beside them). Each can be
 * ~11 KB sealed, and every view after every command carries them, so no more than the screen shows.
 */
export const MEMORIES_IN_VIEW = 2;

/**
 * One page of the Memories screen. 20 of the largest (two 2,000-character answers each, ~11 KB sealed)
 * are ~220 KB: one answer stays small, and a phone screen of cards is a few of them.
 */
export const MEMORIES_PAGE_SIZE = 20;

/** A page, newest first, and the cursor for the older ones (null: none left). */
export interface MemoriesPage {
  memories: Memory[];
  next: string | null;
}

/** The cursor after a memory: its time and id, so a page still follows on when that memory was removed. */
export function cursorAfter(memory: Memory): string {
  return `${memory.at}:${memory.id}`;
}

/**
 * The page of `memories` (kept oldest first) older than `before` (null: the newest page). A cursor whose
 * memory was removed meanwhile goes on from the memories older than its time, so nothing is skipped.
 */
export function memoriesPage(memories: readonly Memory[], before: string | null, size: number = MEMORIES_PAGE_SIZE): Result<MemoriesPage> {
  let end = memories.length;
  if (before !== null) {
    const split = before.indexOf(':');
    const at = Number(before.slice(0, split));
    if (split < 1 || !Number.isSafeInteger(at)) return refuse('BAD_REQUEST', 'That page of Memories was not understood.');
    const id = before.slice(split + 1);
    const index = memories.findIndex((m) => m.id === id);
    end = index >= 0 ? index : memories.filter((m) => m.at < at).length;
  }
  const start = Math.max(0, end - size);
  const page = memories.slice(start, end).reverse();
  return ok({ memories: page, next: start > 0 && page.length > 0 ? cursorAfter(page.at(-1)!) : null });
}

/** The Memories a view carries: the newest few, oldest first. */
export function newestMemories(memories: readonly Memory[]): Memory[] {
  return memories.slice(-MEMORIES_IN_VIEW);
}
