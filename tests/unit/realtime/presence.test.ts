// Presence: a seat is online while any socket on any node holds it, and away while all of them are
// hidden; a leave is announced only after the grace period (a silent one at once), and not at all once
// the node is stopping.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Presence, SeatIndex, SocketData } from '../../../shared/protocol.js';
import { roomChannel } from '../../../server/channels.js';
import { RoomPresence, presenceOf, type RoomSockets } from '../../../server/realtime/presence.js';

const ROOM = 'V1StGXR8_Z5jdHi6B-myT';
const silent = { warn: () => undefined };

/** A room's sockets on every node, as a list of the seats each holds. */
function roomOf(seats: SeatIndex[][]) {
  const told: { channel: string; presence: Presence }[] = [];
  const sockets: RoomSockets = {
    socketsIn: async () => seats.map((s): SocketData => ({ seats: s })),
    tell: (channel, presence) => void told.push({ channel, presence }),
  };
  return { sockets, told, seats };
}

describe('who is online', () => {
  afterEach(() => vi.useRealTimers());

  it('a seat is online while any socket holds it; a shared device holds both', () => {
    expect(presenceOf([]).online).toEqual([false, false]);
    expect(presenceOf([{ seats: [1] }, { seats: [1] }]).online).toEqual([false, true]);
    expect(presenceOf([{ seats: [0, 1] }]).online).toEqual([true, true]);
  });

  it('a seat is away while every page holding it is hidden, and here once any of them is shown', () => {
    expect(presenceOf([{ seats: [0] }, { seats: [1], hidden: true }])).toEqual({ online: [true, true], away: [false, true] });
    expect(presenceOf([{ seats: [1], hidden: true }, { seats: [1], hidden: false }]).away).toEqual([false, false]);
    expect(presenceOf([{ seats: [0, 1], hidden: true }]).away).toEqual([true, true]);
    // Nobody connected is offline, not away.
    expect(presenceOf([]).away).toEqual([false, false]);
  });

  it('is told to the whole room', async () => {
    const room = roomOf([[0]]);
    await new RoomPresence(room.sockets, 1_000, silent).announce(ROOM);
    expect(room.told).toEqual([{ channel: roomChannel(ROOM), presence: { online: [true, false], away: [false, false] } }]);
  });

  it('a node that cannot be asked is logged, never thrown', async () => {
    const warnings: string[] = [];
    const failing: RoomSockets = { socketsIn: () => Promise.reject(new Error('timeout reached')), tell: () => undefined };
    const log = { warn: (...args: unknown[]) => void warnings.push(String(args[1])) };
    await new RoomPresence(failing, 1_000, log).announce(ROOM);
    expect(warnings).toEqual(['could not tell a room who is online']);
  });

  it('someone who leaves is announced only after the grace period', async () => {
    vi.useFakeTimers();
    const room = roomOf([[0]]);
    new RoomPresence(room.sockets, 1_000, silent).left(ROOM, 'transport close');
    await vi.advanceTimersByTimeAsync(999);
    expect(room.told).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(room.told.map((t) => t.presence.online)).toEqual([[true, false]]);
  });

  it('someone whose connection went silent is announced at once: the silence was longer than a reload', async () => {
    vi.useFakeTimers();
    const room = roomOf([[0]]);
    new RoomPresence(room.sockets, 1_000, silent).left(ROOM, 'ping timeout');
    await vi.advanceTimersByTimeAsync(0);
    expect(room.told.map((t) => t.presence.online)).toEqual([[true, false]]);
  });

  it('a stopping node announces nothing for the sockets it closes', async () => {
    vi.useFakeTimers();
    const room = roomOf([]);
    const presence = new RoomPresence(room.sockets, 1_000, silent);
    presence.left(ROOM, 'transport close');
    presence.stop();
    presence.left(ROOM, 'ping timeout');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(room.told).toEqual([]);
  });
});
