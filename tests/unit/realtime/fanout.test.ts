// Fan-out: each taken seat gets its own view, addressed to that seat's channel alone.
import { describe, expect, it } from 'vitest';
import { createRoom, joinRoom, type Lifetimes, type Room } from '../../../shared/room.js';
import { seatChannel } from '../../../server/channels.js';
import { seatViews } from '../../../server/realtime/fanout.js';

const lifetimes: Lifetimes = { waitingMs: 3_600_000, idleMs: 7 * 86_400_000, inviteMs: 900_000 };
const NOW = 1_700_000_000_000;
const seat = (name: string, n: number) => ({ name, tokenHash: `hash-${n}`.padEnd(64, '0'), claimId: `claim-${n}` });

function waitingRoom(): Room {
  return createRoom(
    { id: 'r'.repeat(21), audience: 'partners', mode: 'two-devices', creator: seat('Ada', 0), partner: null, code: 'ABCDEFGHJK', now: NOW },
    lifetimes,
  );
}

describe('views per seat', () => {
  it('a free seat gets nothing', () => {
    const views = seatViews({ version: 3, room: waitingRoom() });
    expect(views.map((v) => v.channel)).toEqual([seatChannel('r'.repeat(21), 0)]);
  });

  it("each seat's view goes to its own channel and is that seat's view", () => {
    const joined = joinRoom(waitingRoom(), seat('Grace', 1), NOW);
    if (!joined.ok) throw new Error('join failed');
    const views = seatViews({ version: 4, room: joined.value.room });
    expect(views.map(({ channel, snapshot }) => [channel, snapshot.seat, snapshot.view.you, snapshot.version])).toEqual([
      [seatChannel('r'.repeat(21), 0), 0, 0, 4],
      [seatChannel('r'.repeat(21), 1), 1, 1, 4],
    ]);
  });
});
