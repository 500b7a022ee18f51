// The short code a person can type instead of opening the link.
//
// Why 10 characters from 30: an attacker making 100 guesses a second for a day tries 8.64e6 codes.
// Against 10,000 open codes out of 30^10 ≈ 5.9e14, the chance that any guess hits is at most
// 8.64e6 × 1e4 / 5.9e14 ≈ 1.5e-4, i.e. 0.015% — under the 0.1% we allow, even before the rate
// limits (20 failed joins an hour per address, server/limits.ts) make such a rate impossible.
// The alphabet leaves out look-alikes (0/O, 1/I/L) and U, so what is read aloud is what is typed.

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 10;

const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** Upper-cases and drops spaces and dashes; answers null when what is left cannot be a code. */
export function normalizeCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  return CODE_PATTERN.test(compact) ? compact : null;
}

/** "ABCDE12345" → "ABCDE-12345", for reading and copying. */
export function formatCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
