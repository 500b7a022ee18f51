// The pure room model: seats, invite codes, commands and what each seat may see.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoomCommand, SeatIndex } from '../../shared/protocol.js';
import {
  applyCommand,
  createRoom,
  joinRoom,
  roomTtlMs,
  seatsForTokenHashes,
  viewFor,
  type Room,
} from '../../shared/room.js';
import { TEST_SEAL } from '../support/sealed.js';
import { NOW, fullRoom, lifetimes, seat, tokenHashOf, waitingRoom } from '../support/rooms.js';

describe('what a seat may do to the room', () => {
  it('only the creator of a full two-device room may remove the other; the view says so', () => {
    expect(viewFor(waitingRoom(), 0).can.removePartner).toBe(false);
    expect(viewFor(fullRoom(), 0).can.removePartner).toBe(true);
    expect(viewFor(fullRoom(), 1).can.removePartner).toBe(false);
    const shared = createRoom(
      { id: 's'.repeat(21), audience: 'family', mode: 'one-device', seal: TEST_SEAL, creator: seat('Ada', 0), partner: seat('Grace', 1), code: 'ABCDEFGHJK', now: NOW },
      lifetimes,
    );
    expect(viewFor(shared, 0).can.removePartner).toBe(false);
    for (const [room, actor] of [[fullRoom(), 1], [shared, 0], [waitingRoom(), 0]] as const) {
      const view = viewFor(room, actor);
      const removed = applyCommand(room, actor, { type: 'remove-partner' }, { now: NOW, freshCode: () => 'BCDEFGHJKM', freshRoomId: () => 'n'.repeat(21), seed: 1, lifetimes });
      expect(removed.ok, `${room.mode} seat ${actor}`).toBe(view.can.removePartner);
    }
  });
});

describe('creating a room', () => {
  it('seats the creator and opens a 15-minute code on two devices', () => {
    const room = waitingRoom();
    expect(room.seats[0].name).toBe('Ada');
    expect(room.seats[1]).toBeNull();
    expect(room.invite).toEqual({ code: 'ABCDEFGHJK', expiresAt: NOW + lifetimes.inviteMs });
  });

  it('on one shared device takes both seats at once and opens no code', () => {
    const room = createRoom(
      { id: 'r'.repeat(21), audience: 'family', mode: 'one-device', seal: TEST_SEAL, creator: seat('Ada', 0), partner: seat('Grace', 1), code: 'ABCDEFGHJK', now: NOW },
      lifetimes,
    );
    expect(room.seats.map((s) => s?.name)).toEqual(['Ada', 'Grace']);
    expect(room.invite).toBeNull();
  });
});

describe('joining', () => {
  it('takes the free seat and closes the code', () => {
    const room = fullRoom();
    expect(room.seats[1]?.name).toBe('Grace');
    expect(room.invite).toBeNull();
  });

  it('a third person finds the room full', () => {
    const result = joinRoom(fullRoom(), seat('Eve', 2), NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('ROOM_FULL');
  });

  it('a wrong, expired or used code answers CODE_INVALID, never ROOM_FULL', () => {
    const wrong = joinRoom(waitingRoom(), seat('Eve', 2), NOW, 'ZZZZZZZZZZ');
    const expired = joinRoom(waitingRoom(), seat('Eve', 2), NOW + lifetimes.inviteMs, 'ABCDEFGHJK');
    const used = joinRoom(fullRoom(), seat('Eve', 2), NOW, 'ABCDEFGHJK');
    for (const result of [wrong, expired, used]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('CODE_INVALID');
    }
  });

  it('the right code within 15 minutes works', () => {
    const result = joinRoom(waitingRoom(), seat('Grace', 1), NOW + lifetimes.inviteMs - 1, 'ABCDEFGHJK');
    expect(result.ok).toBe(true);
  });
});

describe('tokens', () => {
  it('finds the seats of known token hashes and refuses any unknown one', () => {
    const room = fullRoom();
    expect(seatsForTokenHashes(room, [tokenHashOf(1)])).toEqual({ seats: [1], devices: ['device-1'] });
    expect(seatsForTokenHashes(room, [tokenHashOf(0), tokenHashOf(1)])).toEqual({ seats: [0, 1], devices: ['device-0', 'device-1'] });
    expect(seatsForTokenHashes(room, [tokenHashOf(0), 'f'.repeat(64)])).toBeNull();
  });
});

describe('commands', () => {
  const ctx = { now: NOW, freshCode: () => 'MNPQRSTVWX', freshRoomId: () => 'new-room-id', seed: 7, lifetimes };

  it('the creator can remove the person who joined: the seat frees and a new code opens', () => {
    const result = applyCommand(fullRoom(), 0, { type: 'remove-partner' }, ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { room, effects } = result.value;
    expect(room.seats[1]).toBeNull();
    expect(room.invite?.code).toBe('MNPQRSTVWX');
    expect(seatsForTokenHashes(room, [tokenHashOf(1)])).toBeNull();
  });

  it('a removal marks the room as moved in the same change, and leaves the move to do as data', () => {
    const before = fullRoom();
    const result = applyCommand(before, 0, { type: 'remove-partner' }, ctx);
    if (!result.ok) throw new Error(result.error.code);
    const move = { type: 'move-room', to: 'new-room-id', removed: 1, claims: [before.seats[0].claimId, before.seats[1]!.claimId] };
    expect(result.value.room.movedTo).toEqual(move);
    expect(result.value.effects).toEqual([move]);
    const afterwards = applyCommand(result.value.room, 0, { type: 'renew-invite' }, ctx);
    expect(afterwards.ok ? 'ok' : afterwards.error.code).toBe('ROOM_NOT_FOUND');
  });

  it('a renewed code is an effect: the shell opens the new code', () => {
    const result = applyCommand(waitingRoom(), 0, { type: 'renew-invite' }, ctx);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.effects).toEqual([{ type: 'open-code', code: 'MNPQRSTVWX' }]);
  });

  it('the person who joined cannot remove the creator', () => {
    const result = applyCommand(fullRoom(), 1, { type: 'remove-partner' }, ctx);
    expect(result.ok ? 'ok' : result.error.code).toBe('NOT_ALLOWED');
  });

  it('a new code can be had only while the seat is free', () => {
    expect(applyCommand(waitingRoom(), 0, { type: 'renew-invite' }, ctx).ok).toBe(true);
    const full = applyCommand(fullRoom(), 0, { type: 'renew-invite' }, ctx);
    expect(full.ok ? 'ok' : full.error.code).toBe('NOT_POSSIBLE');
  });
});

describe('lifetimes', () => {
  it('a room waiting for its second person lives an hour; a full one a week', () => {
    expect(roomTtlMs(waitingRoom(), lifetimes)).toBe(lifetimes.waitingMs);
    expect(roomTtlMs(fullRoom(), lifetimes)).toBe(lifetimes.idleMs);
  });
});

describe('what each seat sees', () => {
  it('shows names but never a token hash or claim id', () => {
    const room = fullRoom();
    for (const s of [0, 1] as const) {
      const text = JSON.stringify(viewFor(room, s));
      expect(text).toContain('Grace');
      for (const member of room.seats) {
        expect(text).not.toContain(member!.devices[0]!.tokenHash);
        expect(text).not.toContain(member!.claimId);
      }
    }
  });

  it('only the creator sees the typed code', () => {
    expect(viewFor(waitingRoom(), 0).invite?.code).toBe('ABCDEFGHJK');
    expect(viewFor(waitingRoom(), 1).invite).toBeNull();
  });

  it('no sequence of joins and commands seats more than two or leaks a token hash', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('join' as const), n: fc.integer({ min: 1, max: 9 }) }),
      fc.record({
        kind: fc.constant('command' as const),
        actor: fc.constantFrom<SeatIndex>(0, 1),
        command: fc.constantFrom<RoomCommand>({ type: 'remove-partner' }, { type: 'renew-invite' }),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let room = waitingRoom();
        for (const s of steps) {
          const result =
            s.kind === 'join'
              ? joinRoom(room, seat(`P${s.n}`, s.n), NOW)
              : applyCommand(room, s.actor, s.command, { now: NOW, freshCode: () => 'MNPQRSTVWX', freshRoomId: () => 'new-room-id', seed: 7, lifetimes });
          if (result.ok) room = 'room' in result.value ? result.value.room : result.value;
          expect(room.seats).toHaveLength(2);
          expect(room.seats[0].name).toBe('Ada');
          expect(room.invite === null || room.seats[1] === null).toBe(true);
          for (const viewer of [0, 1] as const) {
            const text = JSON.stringify(viewFor(room, viewer));
            expect(text).not.toMatch(/hash-\d/);
          }
        }
      }),
    );
  });
});
