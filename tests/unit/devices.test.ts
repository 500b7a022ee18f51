// The same person on several devices, as pure rules: a one-time transfer code per seat, a bounded
// number of devices, sign-out that always leaves one, and views that never show a hash or claim id.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, type SeatIndex } from '../../shared/core.js';
import { deviceLink, readDeviceLink } from '../../shared/device-link.js';
import { MAX_DEVICES, type Device } from '../../shared/devices.js';
import { applyCommand, viewFor, type Room } from '../../shared/room.js';
import { claimDevice, deviceClaimIn, offerDevice } from '../../shared/room-devices.js';
import { NOW, fullRoom, lifetimes } from '../support/rooms.js';

const CODE_HASH = 'c'.repeat(64);
const transfer = (expiresAt = NOW + lifetimes.transferMs, codeHash = CODE_HASH) => ({ codeHash, expiresAt });
const device = (n: number, at = NOW): Device => ({ id: `extra-${n}`, tokenHash: `extra-hash-${n}`.padEnd(64, '0'), claimId: `extra-claim-${n}`, addedAt: at });
const ctx = { now: NOW, freshCode: () => 'MNPQRSTVWX', freshRoomId: () => 'new-room-id', seed: 7, lifetimes };
const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error!.code);

function offered(room: Room, seat: SeatIndex = 0, t = transfer()): Room {
  const result = offerDevice(room, seat, t);
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

function claimed(room: Room, d: Device, codeHash = CODE_HASH, now = NOW): Room {
  const result = claimDevice(room, codeHash, d, now);
  if (!result.ok) throw new Error(result.error.code);
  return result.value.room;
}

describe('a transfer code', () => {
  it('brings a device into the seat that opened it, once', () => {
    const open = offered(fullRoom(), 1);
    expect(viewFor(open, 1).deviceLink).toEqual({ expiresAt: NOW + lifetimes.transferMs });
    expect(viewFor(open, 0).deviceLink).toBeNull();
    const room = claimed(open, device(1));
    expect(viewFor(room, 1).deviceLink).toBeNull();
    expect(room.seats[1]!.devices.map((d) => d.id)).toEqual(['device-1', 'extra-1']);
    expect(room.seats[1]!.transfer).toBeNull();
    expect(room.seats[0].devices).toHaveLength(1);
    expect(codeOf(claimDevice(room, CODE_HASH, device(2), NOW))).toBe('TRANSFER_INVALID');
  });

  it('works until its expiry and not at it', () => {
    const room = offered(fullRoom());
    const expiry = NOW + lifetimes.transferMs;
    expect(codeOf(claimDevice(room, CODE_HASH, device(1), expiry - 1))).toBe('ok');
    expect(codeOf(claimDevice(room, CODE_HASH, device(1), expiry))).toBe('TRANSFER_INVALID');
  });

  it('is replaced by a newer one, and a wrong one opens nothing', () => {
    const room = offered(offered(fullRoom()), 0, transfer(undefined, 'd'.repeat(64)));
    expect(codeOf(claimDevice(room, CODE_HASH, device(1), NOW))).toBe('TRANSFER_INVALID');
    expect(codeOf(claimDevice(room, 'd'.repeat(64), device(1), NOW))).toBe('ok');
  });

  it('is not offered on one shared device', () => {
    const shared: Room = { ...fullRoom(), mode: 'one-device' };
    expect(codeOf(offerDevice(shared, 0, transfer()))).toBe('NOT_POSSIBLE');
    expect(viewFor(shared, 0).can.addDevice).toBe(false);
  });

  it(`stops at ${MAX_DEVICES} devices a seat, with a message that says so`, () => {
    let room = fullRoom();
    for (let n = 1; n < MAX_DEVICES; n++) room = claimed(offered(room), device(n));
    expect(room.seats[0].devices).toHaveLength(MAX_DEVICES);
    expect(codeOf(offerDevice(room, 0, transfer()))).toBe('DEVICES_FULL');
    expect(ERROR_MESSAGES.DEVICES_FULL).toContain(String(MAX_DEVICES));
    expect(viewFor(room, 0).can.addDevice).toBe(false);
    expect(viewFor(room, 1).can.addDevice).toBe(true);
  });

  it('a replayed claim finds its device within the code lifetime only', () => {
    const room = claimed(offered(fullRoom()), device(1));
    expect(deviceClaimIn(room, 'extra-claim-1', NOW + 1, lifetimes)).toEqual({ seat: 0, device: 'extra-1' });
    expect(deviceClaimIn(room, 'extra-claim-1', NOW + lifetimes.transferMs, lifetimes)).toBeNull();
    // The seat's own claim id is a replayed create or join, answered elsewhere.
    expect(deviceClaimIn(room, 'claim-0', NOW + 1, lifetimes)).toBeNull();
  });
});

describe('signing a device out', () => {
  it('frees that device only, says so as an effect, and never the last one', () => {
    const room = claimed(offered(fullRoom()), device(1));
    const result = applyCommand(room, 0, { type: 'sign-out-device', device: 'device-0' }, ctx);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.room.seats[0].devices.map((d) => d.id)).toEqual(['extra-1']);
    expect(result.value.effects).toEqual([{ type: 'sign-out-device', device: 'device-0' }]);
    expect(codeOf(applyCommand(result.value.room, 0, { type: 'sign-out-device', device: 'extra-1' }, ctx))).toBe('LAST_DEVICE');
  });

  it("cannot touch the other person's devices", () => {
    const room = claimed(offered(fullRoom()), device(1));
    expect(codeOf(applyCommand(room, 1, { type: 'sign-out-device', device: 'extra-1' }, ctx))).toBe('NOT_FOUND');
  });
});

describe("what a seat's view shows of its devices", () => {
  it('no sequence of offers, claims and sign-outs leaves a seat without a device, over the bound, or leaks a hash or claim id', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('offer' as const), seat: fc.constantFrom<SeatIndex>(0, 1) }),
      fc.record({ kind: fc.constant('claim' as const), late: fc.boolean() }),
      fc.record({ kind: fc.constant('sign-out' as const), seat: fc.constantFrom<SeatIndex>(0, 1), pick: fc.nat(6) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let room = fullRoom();
        let n = 0;
        for (const s of steps) {
          n += 1;
          if (s.kind === 'offer') {
            const r = offerDevice(room, s.seat, transfer());
            if (r.ok) room = r.value;
          } else if (s.kind === 'claim') {
            const r = claimDevice(room, CODE_HASH, device(n), s.late ? NOW + lifetimes.transferMs : NOW);
            if (r.ok) room = r.value.room;
          } else {
            const ids = room.seats[s.seat]!.devices.map((d) => d.id);
            const r = applyCommand(room, s.seat, { type: 'sign-out-device', device: ids[s.pick % ids.length]! }, ctx);
            if (r.ok) room = r.value.room;
          }
        }
        for (const seat of [0, 1] as const) {
          const count = room.seats[seat]!.devices.length;
          expect(count).toBeGreaterThanOrEqual(1);
          expect(count).toBeLessThanOrEqual(MAX_DEVICES);
          const text = JSON.stringify(viewFor(room, seat));
          expect(text).not.toContain(CODE_HASH);
          for (const member of room.seats) {
            for (const d of member!.devices) {
              expect(text).not.toContain(d.tokenHash);
              expect(text).not.toContain(d.claimId);
            }
          }
          expect(viewFor(room, seat).devices.map((d) => d.id)).toEqual(room.seats[seat]!.devices.map((d) => d.id));
        }
      }),
    );
  });
});

describe('the device link', () => {
  const link = { roomId: 'r'.repeat(21), code: 'A'.repeat(21) + '_', key: 'K'.repeat(42) + '-' };

  it('carries the room, the code and the room key in its fragment only', () => {
    const url = new URL(deviceLink('https://closer.example', link));
    expect(url.pathname).toBe('/device');
    expect(url.search).toBe('');
    expect(readDeviceLink(url.hash)).toEqual(link);
  });

  it('reads the fields by name, so another can travel beside them later', () => {
    expect(readDeviceLink(`#later=${'x'.repeat(43)}&k=${link.key}&code=${link.code}&room=${link.roomId}`)).toEqual(link);
    expect(readDeviceLink(`#code=${link.code}&room=${link.roomId}`)).toEqual({ ...link, key: null });
  });

  it('refuses a fragment cut short or with a malformed field', () => {
    for (const fragment of ['', '#', `#room=${link.roomId}`, `#room=${link.roomId}&code=${link.code.slice(1)}`, `#room=short&code=${link.code}`, `#room=${link.roomId}&code=${'!'.repeat(22)}`, `#room=${link.roomId}&code=${link.code}&k=${link.key.slice(1)}`]) {
      expect(readDeviceLink(fragment), fragment).toBeNull();
    }
  });
});
