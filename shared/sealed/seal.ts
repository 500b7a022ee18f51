// Sealed values: what a person writes, encrypted in the browser with the room key (AES-256-GCM) before it is
// sent. The associated data binds a blob to its room, seat, activity and slot, so a blob moved anywhere else
// fails to open; lengths are padded to a few buckets so the server learns only a rough size.
import { ok, refuse, type Result, type SeatIndex } from '../core.js';

/** Where a sealed value belongs. A blob opens only at the exact place it was sealed for. */
export interface SealedSlot {
  room: string;
  seat: SeatIndex;
  activity: string;
  slot: string;
}

/** The first byte of every blob; a new format gets a new number, and an unknown one is refused. */
export const SEAL_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const LENGTH_BYTES = 4;
/** Plaintext (with its 4-byte length) is padded up to the first bucket that holds it. */
const LARGEST_BUCKET = 16384;
export const PAD_BUCKETS = [64, 256, 1024, 4096, LARGEST_BUCKET] as const;
export const MAX_PLAIN_BYTES = LARGEST_BUCKET - LENGTH_BYTES;
/** Sizes a well-formed blob can have, in bytes before base64: the server may check a blob's size by these. */
export const SEALED_SIZES: readonly number[] = PAD_BUCKETS.map((b) => 1 + IV_BYTES + b + TAG_BYTES);

const UNREADABLE = "Couldn't read this: it was not sealed for this place, or it was damaged.";
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The room key, as WebCrypto holds it. Named through `encrypt` so the same line type-checks with the
 * browser's types and with Node's alone (the server build has no DOM library).
 */
export type RoomKey = Parameters<typeof crypto.subtle.encrypt>[1];

/** Makes a fresh 256-bit room key, extractable so it can travel in the link's fragment. */
export function makeRoomKey(): Promise<RoomKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

/** The room key as it travels in a link's fragment: 43 characters of base64url. */
export async function exportRoomKey(key: RoomKey): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

/** Reads a room key from a link's fragment; anything but 32 bytes of base64url is refused. */
export async function importRoomKey(text: string): Promise<Result<RoomKey>> {
  const raw = fromBase64Url(text);
  if (!raw || raw.length !== 32) return refuse('BAD_REQUEST', 'This link is missing its key — ask for the link again.');
  return ok(await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, true, ['encrypt', 'decrypt']));
}

/** Seals text for one slot. Text longer than the largest bucket is refused, never cut. */
export async function seal(key: RoomKey, where: SealedSlot, text: string): Promise<Result<string>> {
  const plain = encoder.encode(text);
  if (plain.length > MAX_PLAIN_BYTES) return refuse('TOO_LONG');
  const bucket = PAD_BUCKETS.find((b) => b >= plain.length + LENGTH_BYTES)!;
  const padded = new Uint8Array(bucket);
  new DataView(padded.buffer).setUint32(0, plain.length);
  padded.set(plain, LENGTH_BYTES);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: associatedData(where) }, key, padded),
  );
  const blob = new Uint8Array(1 + IV_BYTES + sealed.length);
  blob[0] = SEAL_VERSION;
  blob.set(iv, 1);
  blob.set(sealed, 1 + IV_BYTES);
  return ok(toBase64Url(blob));
}

/** Opens a blob sealed for this slot. A wrong key, slot, version, size or a damaged blob is one refusal. */
export async function open(key: RoomKey, where: SealedSlot, blob: string): Promise<Result<string>> {
  const bytes = fromBase64Url(blob);
  if (!bytes || bytes[0] !== SEAL_VERSION || !SEALED_SIZES.includes(bytes.length)) return refuse('BAD_REQUEST', UNREADABLE);
  let padded: Uint8Array;
  try {
    padded = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: bytes.subarray(1, 1 + IV_BYTES), additionalData: associatedData(where) },
        key,
        bytes.subarray(1 + IV_BYTES),
      ),
    );
  } catch {
    return refuse('BAD_REQUEST', UNREADABLE);
  }
  const length = new DataView(padded.buffer, padded.byteOffset).getUint32(0);
  if (length > padded.length - LENGTH_BYTES) return refuse('BAD_REQUEST', UNREADABLE);
  try {
    return ok(decoder.decode(padded.subarray(LENGTH_BYTES, LENGTH_BYTES + length)));
  } catch {
    return refuse('BAD_REQUEST', UNREADABLE);
  }
}

/** Each part is length-prefixed, so no two different slots can produce the same associated data. */
function associatedData(where: SealedSlot): Uint8Array<ArrayBuffer> {
  const parts = [`closer-seal-v${SEAL_VERSION}`, where.room, String(where.seat), where.activity, where.slot].map((p) =>
    encoder.encode(p),
  );
  const out = new Uint8Array(parts.reduce((n, p) => n + 4 + p.length, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const part of parts) {
    view.setUint32(at, part.length);
    out.set(part, at + 4);
    at += 4 + part.length;
  }
  return out;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Strict base64url without padding; anything else answers undefined. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (typeof text !== 'string' || !BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
