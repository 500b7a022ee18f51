// Room documents for the pure tests: Ada's room waiting for its second person, and the same with Grace in it.
import { createRoom, joinRoom, type Lifetimes, type Room } from '../../shared/room.js';

export const lifetimes: Lifetimes = { waitingMs: 3_600_000, idleMs: 7 * 86_400_000, inviteMs: 900_000 };
export const NOW = 1_700_000_000_000;
export const ROOM_ID = 'r'.repeat(21);
export const seat = (name: string, n: number) => ({ name, tokenHash: `hash-${n}`.padEnd(64, '0'), claimId: `claim-${n}` });

export function waitingRoom(): Room {
  return createRoom(
    { id: ROOM_ID, audience: 'partners', mode: 'two-devices', creator: seat('Ada', 0), partner: null, code: 'ABCDEFGHJK', now: NOW },
    lifetimes,
  );
}

export function fullRoom(): Room {
  const joined = joinRoom(waitingRoom(), seat('Grace', 1), NOW);
  if (!joined.ok) throw new Error('join failed');
  return joined.value.room;
}
