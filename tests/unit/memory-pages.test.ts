// Memories a page at a time: paging from the newest gives every Memory once, newest first, whatever
// the page size, and a cursor whose Memory was removed meanwhile skips nothing; the export reads all pages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allPages } from '../../shared/memories-export.js';
import { memoriesPage, MEMORIES_IN_VIEW, newestMemories } from '../../shared/memory-pages.js';
import type { Memory } from '../../shared/play.js';

const memory = (i: number): Memory => ({ id: `m${i}:card-${i}`, activity: 'question-swap', at: 1_000 + i * 7, title: `Card ${i}`, entries: [] });
const room = (n: number) => Array.from({ length: n }, (_, i) => memory(i));

function pageThrough(memories: Memory[], size: number): Memory[] {
  const seen: Memory[] = [];
  let before: string | null = null;
  do {
    const page = memoriesPage(memories, before, size);
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value.memories.length).toBeLessThanOrEqual(size);
    seen.push(...page.value.memories);
    before = page.value.next;
  } while (before !== null);
  return seen;
}

describe('Memories a page at a time', () => {
  it('gives every Memory once, newest first, for any number and page size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 1, max: 30 }), (n, size) => {
        expect(pageThrough(room(n), size).map((m) => m.id)).toEqual(room(n).reverse().map((m) => m.id));
      }),
    );
  });

  it('goes on from a removed cursor without skipping or repeating', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 1, max: 20 }), (n, size) => {
        const memories = room(n);
        const first = memoriesPage(memories, null, size);
        if (!first.ok || first.value.next === null) return;
        const cursor = first.value.memories.at(-1)!;
        const rest = memoriesPage(memories.filter((m) => m.id !== cursor.id), first.value.next, n);
        const expected = memories.slice(0, n - first.value.memories.length).reverse();
        expect(rest.ok && rest.value.memories.map((m) => m.id)).toEqual(expected.map((m) => m.id));
      }),
    );
  });

  it('refuses a cursor it cannot read', () => {
    expect(memoriesPage(room(3), 'not-a-cursor')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('a view carries only the newest few, oldest first', () => {
    expect(newestMemories(room(50)).map((m) => m.title)).toEqual(room(50).slice(-MEMORIES_IN_VIEW).map((m) => m.title));
  });

  it('the export reads every page, oldest first, and stops at the first refusal', async () => {
    const memories = room(45);
    const fetchPage = async (before: string | null) => memoriesPage(memories, before, 20);
    const all = await allPages(fetchPage, 10);
    expect(all.ok && all.value.memories.map((m) => m.id)).toEqual(memories.map((m) => m.id));
    let calls = 0;
    const failing = await allPages(async (before) => (++calls === 2 ? { ok: false as const, error: { code: 'TRY_AGAIN' as const, message: 'busy' } } : fetchPage(before)), 10);
    expect(failing).toEqual({ ok: false, error: { code: 'TRY_AGAIN', message: 'busy' } });
  });
});
