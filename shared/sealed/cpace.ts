// CPace (draft-irtf-cfrg-cpace) over ristretto255 with SHA-512, initiator/responder mode: two browsers that
// both know the short typed room code agree on a strong key through the server, which learns neither the code
// nor the key, and which cannot test guesses offline — each guess costs one live exchange.
import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';

const Point = ristretto255.Point;
const encoder = new TextEncoder();
export const DSI = encoder.encode('CPaceRistretto255');
export const DSI_ISK = encoder.encode('CPaceRistretto255_ISK');
/** SHA-512's input block size, which the generator string is padded to fill. */
const S_IN_BYTES = 128;

/** LEB128 length followed by the bytes, as the draft's prepend_len. */
export function prependLen(data: Uint8Array): Uint8Array {
  const length: number[] = [];
  let n = data.length;
  do {
    length.push(n < 128 ? n : (n & 0x7f) | 0x80);
    n >>>= 7;
  } while (n > 0);
  return concat(new Uint8Array(length), data);
}

export function lvCat(...parts: Uint8Array[]): Uint8Array {
  return concat(...parts.map(prependLen));
}

export function generatorString(prs: Uint8Array, ci: Uint8Array, sid: Uint8Array): Uint8Array {
  const zpad = Math.max(0, S_IN_BYTES - 1 - prependLen(prs).length - prependLen(DSI).length);
  return lvCat(DSI, prs, new Uint8Array(zpad), ci, sid);
}

/** The password-dependent generator, encoded: nobody learns its discrete logarithm. */
export function calculateGenerator(prs: Uint8Array, ci: Uint8Array, sid: Uint8Array): Uint8Array {
  return generator(prs, ci, sid).toBytes();
}

function generator(prs: Uint8Array, ci: Uint8Array, sid: Uint8Array) {
  return ristretto255_hasher.deriveToCurve!(sha512(generatorString(prs, ci, sid)));
}

/** A scalar from 64 random bytes, reduced: uniform enough for the group's order. */
export function sampleScalar(): bigint {
  return Point.Fn.create(bytesToNumberLE(crypto.getRandomValues(new Uint8Array(64))));
}

/** The message one side sends: its public share y·g. */
export function share(y: bigint, prs: Uint8Array, ci: Uint8Array, sid: Uint8Array): Uint8Array {
  return generator(prs, ci, sid).multiply(y).toBytes();
}

/** y·X after checking X decodes; an invalid point or the identity answers undefined (abort the exchange). */
export function scalarMultVfy(y: bigint, X: Uint8Array): Uint8Array | undefined {
  let point;
  try {
    point = Point.fromBytes(X);
  } catch {
    return undefined;
  }
  const K = point.multiply(y);
  return K.is0() ? undefined : K.toBytes();
}

export function transcriptIr(Ya: Uint8Array, ADa: Uint8Array, Yb: Uint8Array, ADb: Uint8Array): Uint8Array {
  return concat(lvCat(Ya, ADa), lvCat(Yb, ADb));
}

/** The intermediate session key both sides reach when they used the same code. */
export function isk(sid: Uint8Array, K: Uint8Array, transcript: Uint8Array): Uint8Array {
  return sha512(concat(lvCat(DSI_ISK, sid, K), transcript));
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function bytesToNumberLE(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!);
  return n;
}
