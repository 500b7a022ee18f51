// A lone node remembers each room it committed unpublished (or with its notice alone) for
// REMEMBER_UNPUBLISHED_MS from that room's last such commit, room by room, then lets it go: a node heard
// later gets what is still remembered, and nothing older.
import { Server } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LoneNode, REMEMBER_UNPUBLISHED_MS } from '../../../server/realtime/lone.js';
import type { CloserServer } from '../../../server/realtime/types.js';
import type { StoredRoom } from '../../../server/store/types.js';
import { fullRoom } from '../../support/rooms.js';

const MINUTE = 60_000;
const stored = (id: string): StoredRoom => ({ version: 1, room: { ...fullRoom(), id } });

function loneNode() {
  const io = new Server() as CloserServer;
  const republished: string[] = [];
  const republishedCurrent: string[] = [];
  const lone = new LoneNode(io, {
    uid: () => 'this-node',
    republish: async (room) => void republished.push(room.room.id),
    republishCurrent: async (roomId) => void republishedCurrent.push(roomId),
    onError: (error) => {
      throw error;
    },
    now: () => Date.now(),
  });
  /** Another node's first greeting, as the adapter hands it over; it renders nothing, so it is owed the views. */
  const hearOlderNode = () => (io.of('/') as unknown as { _onServerSideEmit(args: unknown[]): void })._onServerSideEmit(['node:hello', 'older-node', false]);
  return { lone, republished, republishedCurrent, hearOlderNode };
}

describe('what a lone node remembers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // The in-memory adapter has no other nodes to greet, and says so on each beat.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('a room committed unpublished again is remembered from its last commit; one committed once is let go in time', async () => {
    const { lone, republished } = loneNode();
    lone.start();
    lone.committedUnpublished(stored('early-then-late'), lone.currentEpoch);
    vi.advanceTimersByTime(MINUTE);
    lone.committedUnpublished(stored('once'), lone.currentEpoch);
    vi.advanceTimersByTime(4 * MINUTE);
    lone.committedUnpublished(stored('early-then-late'), lone.currentEpoch);
    // 10.5 minutes after 'once', 6.5 after the last commit of the other.
    vi.advanceTimersByTime(REMEMBER_UNPUBLISHED_MS - 4 * MINUTE + MINUTE / 2);
    await lone.stop();
    expect(republished).toEqual(['early-then-late']);
  });

  it('rooms committed with their notice alone are let go the same way, and a node heard later gets the rest', () => {
    const { lone, republishedCurrent, hearOlderNode } = loneNode();
    lone.start();
    lone.committedViewless(stored('early-then-late'), lone.currentEpoch);
    vi.advanceTimersByTime(MINUTE);
    lone.committedViewless(stored('once'), lone.currentEpoch);
    lone.committedViewless(stored('recent'), lone.currentEpoch);
    vi.advanceTimersByTime(4 * MINUTE);
    lone.committedViewless(stored('early-then-late'), lone.currentEpoch);
    vi.advanceTimersByTime(REMEMBER_UNPUBLISHED_MS - 4 * MINUTE + MINUTE / 2);
    lone.committedViewless(stored('recent'), lone.currentEpoch);
    hearOlderNode();
    expect(republishedCurrent.sort()).toEqual(['early-then-late', 'recent']);
  });
});
