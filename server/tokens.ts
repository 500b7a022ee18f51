// Seat tokens: 128 random bits, handed to the device once; the store keeps only their SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import { customAlphabet, nanoid } from 'nanoid';
import { CODE_ALPHABET, CODE_LENGTH } from '../shared/invite-code.js';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(16).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** A one-time code for bringing another device into a seat: as unguessable as a token, stored likewise only hashed. */
export function newTransferCode(): { code: string; hash: string } {
  const { token, hash } = newToken();
  return { code: token, hash };
}

/** Names a device within its seat; not a secret. */
export function newDeviceId(): string {
  return nanoid(12);
}

/** 21 characters of nanoid's 64-letter alphabet: 126 random bits, unguessable as a link. */
export function newRoomId(): string {
  return nanoid(21);
}

export const newInviteCode: () => string = customAlphabet(CODE_ALPHABET, CODE_LENGTH);

/** A short, one-way reference to a room for logs, so log lines never carry a joinable link. */
export function roomRef(roomId: string): string {
  return createHash('sha256').update(roomId).digest('hex').slice(0, 10);
}
