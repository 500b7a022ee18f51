// The devices of one seat: each has its own token (the room keeps only its SHA-256), and a device that
// is in can bring another in with a one-time transfer code, kept in the room only as its hash with its
// expiry, so it goes with the room when the room is erased. Pure functions; the server supplies hashes.
import { refuse, type Result } from './core.js';

/** A seat opens on at most this many devices at once (phone, laptop, tablet, one spare). */
export const MAX_DEVICES = 4;

export interface Device {
  /** Random, not secret: it names the device in its own seat's view and in sign-out. */
  id: string;
  /** SHA-256 of this device's token, hex. The token itself is never stored. */
  tokenHash: string;
  /** The command id that brought this device in, so a replay of it finds the device again. */
  claimId: string;
  addedAt: number;
}

export interface Transfer {
  /** SHA-256 of the transfer code, hex. The code itself is never stored. */
  codeHash: string;
  expiresAt: number;
}

/** What of a seat this module changes: its devices and its one open transfer code. */
export interface SeatDevices {
  devices: Device[];
  /** The one open code for bringing in another device; a new one replaces it, using it clears it. */
  transfer: Transfer | null;
}

/** What a seat's own view shows of its devices: no hashes, no claim ids. */
export interface DeviceView {
  id: string;
  addedAt: number;
}

export function deviceViews(seat: SeatDevices): DeviceView[] {
  return seat.devices.map(({ id, addedAt }) => ({ id, addedAt }));
}

export function canAddDevice(seat: SeatDevices): boolean {
  return seat.devices.length < MAX_DEVICES;
}

/** Opens a transfer code for this seat, replacing any earlier one. */
export function offerTransfer<S extends SeatDevices>(seat: S, transfer: Transfer): Result<S> {
  if (!canAddDevice(seat)) return refuse('DEVICES_FULL');
  return { ok: true, value: { ...seat, transfer } };
}

/** Whether `codeHash` is this seat's open, unexpired transfer code. */
export function holdsTransfer(seat: SeatDevices, codeHash: string, now: number): boolean {
  return seat.transfer !== null && seat.transfer.codeHash === codeHash && seat.transfer.expiresAt > now;
}

/** Uses the seat's transfer code: the device joins the seat and the code stops working. */
export function claimTransfer<S extends SeatDevices>(seat: S, codeHash: string, device: Device, now: number): Result<S> {
  if (!holdsTransfer(seat, codeHash, now)) return refuse('TRANSFER_INVALID');
  if (!canAddDevice(seat)) return refuse('DEVICES_FULL');
  return { ok: true, value: { ...seat, devices: [...seat.devices, device], transfer: null } };
}

/** The device a claim id brought in, while a lost answer could still be replayed (within `windowMs`). */
export function deviceClaimedBy(seat: SeatDevices, claimId: string, now: number, windowMs: number): Device | null {
  return seat.devices.find((d) => d.claimId === claimId && d.addedAt + windowMs > now) ?? null;
}

/** Gives one device a fresh token (a replayed claim: the first answer never reached it). */
export function reissueDeviceToken<S extends SeatDevices>(seat: S, deviceId: string, tokenHash: string): S {
  return { ...seat, devices: seat.devices.map((d) => (d.id === deviceId ? { ...d, tokenHash } : d)) };
}

/** Signs one device out (its token stops working); the seat always keeps at least one. */
export function signOutDevice<S extends SeatDevices>(seat: S, deviceId: string): Result<S> {
  if (!seat.devices.some((d) => d.id === deviceId)) return refuse('NOT_FOUND');
  if (seat.devices.length === 1) return refuse('LAST_DEVICE');
  return { ok: true, value: { ...seat, devices: seat.devices.filter((d) => d.id !== deviceId) } };
}
