// Opening a view's sealed values in the browser: Memories open in place, and a blob moved to another
// memory, seat or room reads as "couldn't read this" while everything else still opens.
import { describe, expect, it } from 'vitest';
import { starredMemory, starredEntriesSchema } from '../../shared/activities/types.js';
import { openMemories } from '../../shared/opened-room.js';
import type { Memory } from '../../shared/play.js';
import { UNREADABLE, type Opener } from '../../shared/sealed/opener.js';
import { makeRoomKey, open, seal, type RoomKey } from '../../shared/sealed/seal.js';
import { parse } from '../../shared/parse.js';

const ROOM = 'seal-id-1';

function openerFor(key: RoomKey, room = ROOM): Opener {
  return async (at, sealed) => {
    const opened = await open(key, { room, ...at }, sealed);
    return opened.ok ? opened.value : null;
  };
}

async function sealedFor(key: RoomKey, memoryKey: string, seat: 0 | 1, text: string) {
  const sealed = await seal(key, { room: ROOM, seat, activity: 'question-swap', slot: `memory:${memoryKey}` }, text);
  if (!sealed.ok) throw new Error('seal failed');
  return { seat, sealed: sealed.value };
}

function memoryOf(key: string, entries: { seat: 0 | 1; sealed: string }[]): Memory {
  const made = starredMemory(key, 'A card', entries);
  return { id: made.key, activity: 'question-swap', at: 0, title: made.title, entries: made.entries };
}

describe('opening Memories', () => {
  it('opens each person’s words in place', async () => {
    const key = await makeRoomKey();
    const memory = memoryOf('qs:1:c1', [await sealedFor(key, 'qs:1:c1', 0, 'canary one'), await sealedFor(key, 'qs:1:c1', 1, 'canary two')]);
    const [opened] = await openMemories([memory], openerFor(key));
    expect(opened!.entries).toEqual([
      { seat: 0, text: 'canary one' },
      { seat: 1, text: 'canary two' },
    ]);
    expect(JSON.stringify(memory)).not.toContain('canary');
  });

  it('reads a blob moved to another memory, seat or room as unreadable, and still opens the rest', async () => {
    const key = await makeRoomKey();
    const a = await sealedFor(key, 'qs:1:c1', 0, 'first');
    const b = await sealedFor(key, 'qs:2:c2', 1, 'second');
    const moved = memoryOf('qs:2:c2', [{ seat: 1, sealed: a.sealed }, b]);
    const [opened] = await openMemories([moved], openerFor(key));
    expect(opened!.entries.map((e) => e.text)).toEqual([UNREADABLE, 'second']);
    const [elsewhere] = await openMemories([memoryOf('qs:2:c2', [b])], openerFor(key, 'another-room'));
    expect(elsewhere!.entries[0]!.text).toBe(UNREADABLE);
    const [otherKey] = await openMemories([memoryOf('qs:2:c2', [b])], openerFor(await makeRoomKey()));
    expect(otherKey!.entries[0]!.text).toBe(UNREADABLE);
  });

  it('a star move’s entries are checked for shape only: one per person, well-formed', async () => {
    const key = await makeRoomKey();
    const one = await sealedFor(key, 'k', 0, 'x');
    expect(parse(starredEntriesSchema, [one]).ok).toBe(true);
    expect(parse(starredEntriesSchema, [one, { ...one }]).ok).toBe(false);
    expect(parse(starredEntriesSchema, [{ seat: 1, sealed: 'plain words' }]).ok).toBe(false);
    expect(parse(starredEntriesSchema, [{ seat: 2, sealed: one.sealed }]).ok).toBe(false);
  });
});
