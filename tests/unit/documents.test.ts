// Rooms stored before a seat could hold several devices are read as seats on one device, so a deploy
// returns everyone to their seat with the token they already have.
import { describe, expect, it } from 'vitest';
import { seatsForTokenHashes, viewFor } from '../../shared/room.js';
import { FIRST_DEVICE_ID, readRoom } from '../../server/store/documents.js';
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
