// Rooms stored before a seat could hold several devices are read as seats on one device, so a deploy
// returns everyone to their seat with the token they already have.
import { describe, expect, it } from 'vitest';
import { seatsForTokenHashes, viewFor } from '../../shared/room.js';
import { FIRST_DEVICE_ID, readNotice, readRoom, roomParts } from '../../server/store/documents.js';
import { isRoomNotice, readRoomNotice, roomNoticeEntry } from '../../server/store/outbox.js';
import type { Memory } from '../../shared/play.js';
import { NOW, fullRoom, tokenHashOf } from '../support/rooms.js';

/** The same room as it was written before devices: one token hash per seat. */
function writtenBeforeDevices(): string {
  const room = fullRoom();
  const seats = room.seats.map((s) => s && { name: s.name, claimId: s.claimId, tokenHash: s.devices[0]!.tokenHash });
  return JSON.stringify({ ...room, seats });
}

describe('reading a stored room', () => {
  it('reads a room from before devices as each seat on one device, with its token still working', () => {
    const room = readRoom(writtenBeforeDevices());
    expect(room.seats[1]!.devices).toEqual([{ id: FIRST_DEVICE_ID, tokenHash: tokenHashOf(1), claimId: 'claim-1', addedAt: NOW }]);
    expect(room.seats[0].transfer).toBeNull();
    expect(seatsForTokenHashes(room, [tokenHashOf(0)])).toEqual({ seats: [0], devices: [FIRST_DEVICE_ID] });
    expect(viewFor(room, 0).can.addDevice).toBe(true);
  });

  it('reads a room with devices as it is', () => {
    const room = fullRoom();
    expect(readRoom(JSON.stringify(room))).toEqual(room);
  });

  it('drops a memory kept in the clear (from before activities sealed) and keeps the sealed ones', () => {
    const room = fullRoom();
    const sealed = { id: 'sealed', activity: 'question-swap' as const, at: NOW, title: 'A card', entries: [{ seat: 0 as const, slot: 'memory:sealed', sealed: 'AQ' }] };
    const plain = { id: 'plain', activity: 'question-swap' as const, at: NOW, title: 'A card', entries: [{ seat: 1, text: 'words in the clear' }] };
    const doc = JSON.stringify({ ...room, play: { ...room.play, memories: [plain, sealed] } });
    const read = readRoom(doc);
    expect(read.play.memories.map((m) => m.id)).toEqual(['sealed']);
    expect(JSON.stringify(viewFor(read, 0))).not.toContain('words in the clear');
  });
});

function kept(id: string): Memory {
  return { id, activity: 'question-swap', at: NOW, title: `Card ${id}`, entries: [{ seat: 0, slot: `memory:${id}`, sealed: `AQ${id}` }] };
}

describe("another node's commit, from its notice", () => {
  const base = (() => {
    const room = fullRoom();
    return { ...room, play: { ...room.play, memories: [kept('a'), kept('b')] } };
  })();

  it('reads the room as committed: Memories it brings whole, the others from the copy held, in order, and its byte length', () => {
    const next = { ...base, play: { ...base.play, memories: [kept('b'), kept('c')] } };
    const parts = roomParts(next, base);
    expect(parts.added.map(([field]) => field)).toEqual(['m:c']);
    const read = readNotice(base, parts.doc, parts.added);
    expect(read?.room).toEqual(next);
    expect(read?.bytes).toBe(JSON.stringify(next).length);
    // The Memory the copy held is the copy's own object, not a new one.
    expect(read?.room.play.memories[0]).toBe(base.play.memories[1]);
  });

  it('is not read over a copy that lacks a Memory the notice only names (the copy is not the version before)', () => {
    const older = { ...base, play: { ...base.play, memories: [kept('a')] } };
    const parts = roomParts(base, base);
    expect(parts.added).toEqual([]);
    expect(readNotice(older, parts.doc, parts.added)).toBeNull();
  });

  /** A stream entry's fields as the Redis Streams adapter hands them on: field → value. */
  const asRead = (fields: string[]): Record<string, string> => Object.fromEntries(fields.flatMap((f, i) => (i % 2 === 0 ? [[f, fields[i + 1]!]] : [])));

  for (const render of [false, true]) {
    it(`crosses the stream as an entry and back${render ? ', to be rendered' : ''}, and anything else in that place is not a notice`, () => {
      const notice = { roomId: base.id, channel: 'r:abc', version: 7, doc: roomParts(base, null).doc, added: roomParts(base, null).added, render };
      const entry = roomNoticeEntry('node-1', notice);
      expect(isRoomNotice(asRead(entry))).toBe(true);
      expect(readRoomNotice(asRead(entry))).toEqual(notice);
      const adapters = asRead(['uid', 'node-1', 'nsp', '/', 'type', '3', 'data', '{}']);
      expect(isRoomNotice(adapters)).toBe(false);
      expect(readRoomNotice(adapters)).toBeNull();
      expect(readRoomNotice(asRead(entry.map((field, i) => (i === 11 ? '{not json' : field))))).toBeNull();
      expect(readRoomNotice(asRead(entry.slice(0, 10)))).toBeNull();
      expect(readRoomNotice(asRead(entry.map((field, i) => (i === 7 ? 'seven' : field))))).toBeNull();
    });
  }
});
