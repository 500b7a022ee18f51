// Room documents for the pure tests: Ada's room waiting for its second person, and the same with Grace in it.
import { TEST_SEAL } from './sealed.js';
import { createRoom, joinRoom, newSeat, type Lifetimes, type Room } from '../../shared/room.js';

export const lifetimes: Lifetimes = { waitingMs: 3_600_000, idleMs: 7 * 86_400_000, inviteMs: 900_000, transferMs: 600_000 };
export const NOW = 1_700_000_000_000;
export const ROOM_ID = 'r'.repeat(21);
/** Seat n, on its one device: device-n with token hash hash-n…, claimed by claim-n. */
export const seat = (name: string, n: number) => newSeat(name, `claim-${n}`, { id: `device-${n}`, tokenHash: tokenHashOf(n) }, NOW);
export const tokenHashOf = (n: number) => `hash-${n}`.padEnd(64, '0');

export function waitingRoom(): Room {
  return createRoom(
    { id: ROOM_ID, audience: 'partners', mode: 'two-devices', seal: TEST_SEAL, creator: seat('Ada', 0), partner: null, code: 'ABCDEFGHJK', now: NOW },
    lifetimes,
  );
}

export function fullRoom(): Room {
  const joined = joinRoom(waitingRoom(), seat('Grace', 1), NOW);
  if (!joined.ok) throw new Error('join failed');
  return joined.value.room;
}
