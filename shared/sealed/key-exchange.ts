// Joining by the typed code brings the room key without the server learning it: the joiner's and the
// creator's browsers run CPace (cpace.ts) keyed by the code, through the server, which only relays; the
// creator's browser then sends the key (and the room's seal) under an AES-GCM key derived from ISK.
// A device that used another code, or a message changed on the way, gets nothing that opens.
import type { RoomSeal } from '../room.js';
import { isk, scalarMultVfy, sampleScalar, share, transcriptIr } from './cpace.js';
import { fromBase64Url, toBase64Url } from './seal.js';

const encoder = new TextEncoder();
const CI = encoder.encode('closer join by code');
const AD_JOINER = encoder.encode('joiner');
const AD_CREATOR = encoder.encode('creator');
const INFO = encoder.encode('closer room key, sent under the CPace session key');
const IV_BYTES = 12;

/** The joiner's first message: a fresh session id and its share. */
export interface KeyAsk {
  sid: string;
  share: string;
}

/** The creator's answer: its share and the room key sealed under the session key. */
export interface KeyGive {
  sid: string;
  share: string;
  box: string;
}

/** What travels in the box. */
export interface RoomKeyPayload {
  key: string;
  seal: RoomSeal;
}

/** What the joiner keeps between its message and the answer. */
export interface JoinerSecret {
  y: bigint;
  sid: Uint8Array<ArrayBuffer>;
  share: Uint8Array;
  code: string;
}

export function startKeyAsk(code: string): { secret: JoinerSecret; ask: KeyAsk } {
  const sid = crypto.getRandomValues(new Uint8Array(16));
  const y = sampleScalar();
  const Ya = share(y, encoder.encode(code), CI, sid);
  return { secret: { y, sid, share: Ya, code }, ask: { sid: toBase64Url(sid), share: toBase64Url(Ya) } };
}

/** The creator's side: null when the joiner's share is not a valid point (abort, send nothing). */
export async function answerKeyAsk(code: string, ask: KeyAsk, payload: RoomKeyPayload): Promise<KeyGive | null> {
  const sid = fromBase64Url(ask.sid);
  const Ya = fromBase64Url(ask.share);
  if (!sid || sid.length !== 16 || !Ya) return null;
  const y = sampleScalar();
  const Yb = share(y, encoder.encode(code), CI, sid);
  const K = scalarMultVfy(y, Ya);
  if (!K) return null;
  const key = await boxKey(isk(sid, K, transcriptIr(Ya, AD_JOINER, Yb, AD_CREATOR)), sid);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: sid }, key, encoder.encode(JSON.stringify(payload))));
  const box = new Uint8Array(IV_BYTES + sealed.length);
  box.set(iv);
  box.set(sealed, IV_BYTES);
  return { sid: ask.sid, share: toBase64Url(Yb), box: toBase64Url(box) };
}

/** The joiner's side: the room key and seal, or null when the codes differed or anything was changed. */
export async function finishKeyAsk(secret: JoinerSecret, give: KeyGive): Promise<RoomKeyPayload | null> {
  const Yb = fromBase64Url(give.share);
  const box = fromBase64Url(give.box);
  if (!Yb || !box || box.length <= IV_BYTES || give.sid !== toBase64Url(secret.sid)) return null;
  const K = scalarMultVfy(secret.y, Yb);
  if (!K) return null;
  const key = await boxKey(isk(secret.sid, K, transcriptIr(secret.share, AD_JOINER, Yb, AD_CREATOR)), secret.sid);
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: box.subarray(0, IV_BYTES), additionalData: secret.sid }, key, box.subarray(IV_BYTES));
    const payload = JSON.parse(new TextDecoder().decode(plain)) as RoomKeyPayload;
    return typeof payload.key === 'string' && typeof payload.seal?.id === 'string' && typeof payload.seal.check === 'string' ? payload : null;
  } catch {
    return null;
  }
}

/** AES-GCM key from ISK by HKDF-SHA-256, salted with the session id. */
async function boxKey(sessionKey: Uint8Array, sid: Uint8Array) {
  const base = await crypto.subtle.importKey('raw', new Uint8Array(sessionKey), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(sid), info: INFO }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}
