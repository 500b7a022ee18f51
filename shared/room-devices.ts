// A person's other devices, room by room: opening a one-time transfer code for a seat, and the device
// that uses it joining that seat. The seat-level rules are in devices.ts; the server supplies hashes.
import { refuse, type Result, type SeatIndex } from './core.js';
import { claimTransfer, deviceClaimedBy, holdsTransfer, offerTransfer, reissueDeviceToken, type Device, type Transfer } from './devices.js';
import { withSeatChanged, type Lifetimes, type Room } from './room.js';

/** Opens a one-time code for another device of `seat`; only on two devices, where each person has their own. */
export function offerDevice(room: Room, seat: SeatIndex, transfer: Transfer): Result<Room> {
  const current = room.seats[seat];
  if (!current || room.mode === 'one-device') return refuse('NOT_POSSIBLE');
  const offered = offerTransfer(current, transfer);
  return offered.ok ? { ok: true, value: withSeatChanged(room, seat, offered.value) } : offered;
}

/** Brings a device into the seat whose open transfer code hashes to `codeHash`; the code is used up. */
export function claimDevice(room: Room, codeHash: string, device: Device, now: number): Result<{ room: Room; seat: SeatIndex }> {
  for (const seat of [0, 1] as const) {
    const current = room.seats[seat];
    if (!current || !holdsTransfer(current, codeHash, now)) continue;
    const claimed = claimTransfer(current, codeHash, device, now);
    return claimed.ok ? { ok: true, value: { room: withSeatChanged(room, seat, claimed.value), seat } } : claimed;
  }
  return refuse('TRANSFER_INVALID');
}

/** A device claim replayed (its answer lost): the seat and device it brought in, within the code's lifetime. */
export function deviceClaimIn(room: Room, claimId: string, now: number, lifetimes: Lifetimes): { seat: SeatIndex; device: string } | null {
  for (const seat of [0, 1] as const) {
    const current = room.seats[seat];
    const device = current && deviceClaimedBy(current, claimId, now, lifetimes.transferMs);
    if (device && current.claimId !== claimId) return { seat, device: device.id };
  }
  return null;
}

/** The replayed device claim's device gets a fresh token. */
export function reissueDevice(room: Room, seat: SeatIndex, deviceId: string, tokenHash: string): Room {
  const current = room.seats[seat];
  return current ? withSeatChanged(room, seat, reissueDeviceToken(current, deviceId, tokenHash)) : room;
}
