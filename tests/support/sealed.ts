// Sealed values for tests that drive the server directly: the server checks only their shape, so a test that
// does not open them can use these well-formed stand-ins (one per label, always the same, so views compare).
import type { RoomSeal, SeatIndex } from '../../shared/protocol.js';
import { newRoomSeal, sealName } from '../../shared/sealed/room-seal.js';
import { makeRoomKey, PAD_BUCKETS, SEAL_VERSION, SEALED_SIZES, toBase64Url, type RoomKey } from '../../shared/sealed/seal.js';
import type { Bucket } from '../../shared/sealed/shape.js';

/** A blob of the smallest bucket's size, version byte first, its body made from the label (not readable as it). */
export function fakeSealed(label: string, size = SEALED_SIZES[0]!): string {
  const bytes = new Uint8Array(size);
  bytes[0] = SEAL_VERSION;
  const body = new TextEncoder().encode(label);
  for (let i = 0; i < body.length && i + 1 < size; i++) bytes[i + 1] = body[i]! ^ 0x5a;
  return toBase64Url(bytes);
}

/** A room seal as a creator's browser sends it (its check is a stand-in, never opened by the server). */
export const TEST_SEAL: RoomSeal = { id: 'test-seal-id-0123456789'.slice(0, 22), check: fakeSealed('key check') };

/** A room sealed as a creator's browser seals it: a real key, its seal, and names sealed for their seats. */
export async function browserSeal(): Promise<{ key: RoomKey; seal: RoomSeal; name(seat: SeatIndex, text: string): Promise<string> }> {
  const key = await makeRoomKey();
  const seal = await newRoomSeal(key);
  return {
    key,
    seal,
    async name(seat, text) {
      const sealed = await sealName(key, seal.id, seat, text);
      if (!sealed.ok) throw new Error(sealed.error.message);
      return sealed.value;
    },
  };
}

/**
 * A well-formed sealed value of `bucket`'s size whose base64url text holds `marker` as it is, so a
 * property can look for it in a view or state (the marker must itself be base64url: letters, digits, - _).
 */
export function sealedAround(marker: string, bucket: Bucket = 64): string {
  if (!/^[A-Za-z0-9_-]*$/.test(marker)) throw new Error(`not base64url: ${marker}`);
  const chars = (SEALED_SIZES[PAD_BUCKETS.indexOf(bucket)]! * 4) / 3;
  // "AQAA" is the version byte and two zero bytes; every size is a multiple of 3 bytes, so no padding.
  return `AQAA${marker}`.padEnd(chars, 'A');
}
