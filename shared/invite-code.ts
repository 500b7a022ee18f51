// The short code a person can type instead of opening the link.
//
// Why 10 characters from 30: an attacker making 100 guesses a second for a day tries 8.64e6 codes.
// Against 10,000 open codes out of 30^10 ≈ 5.9e14, the chance that any guess hits is at most
// 8.64e6 × 1e4 / 5.9e14 ≈ 1.5e-4, i.e. 0.015% — under the 0.1% we allow, even before the rate
// limits (20 failed joins an hour per address, server/limits.ts) make such a rate impossible.
// The alphabet leaves out look-alikes (0/O, 1/I/L) and U, so what is read aloud is what is typed.
//
// What a person types is longer: the server's 10 characters, then 4 the creator's browser derives from
// the room key (shared/sealed/invite-secret.ts), which the server never has. The server looks the room
// up by its 10; the key exchange (CPace) is keyed by all 14, so not even a malicious server can run it
// in the joiner's place: it would have to guess the 4 (30^4 = 810,000) in a live exchange that the
// creator's device answers at most a few times per code.

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 10;
/** The part of a typed code that only devices holding the room key know. */
export const SECRET_LENGTH = 4;
export const TYPED_CODE_LENGTH = CODE_LENGTH + SECRET_LENGTH;

const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** Upper-cases and drops spaces and dashes; answers null when what is left cannot be a code. */
export function normalizeCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  return CODE_PATTERN.test(compact) ? compact : null;
}

const TYPED_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${TYPED_CODE_LENGTH}}$`);

/** A code as a person types it: the server's part (to look the room up) and the whole (to key the exchange). */
export interface TypedCode {
  lookup: string;
  full: string;
}

/** Reads a typed code (any case, spaces and dashes ignored); null when it cannot be one. */
export function readTypedCode(typed: string): TypedCode | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  return TYPED_PATTERN.test(compact) ? { lookup: compact.slice(0, CODE_LENGTH), full: compact } : null;
}

/** "ABCDE12345MNPQ" → "ABCDE-12345-MNPQ", for reading and copying (any length, in fives). */
export function formatCode(code: string): string {
  return code.match(/.{1,5}/g)?.join('-') ?? code;
}
