// What the server may check of a sealed value without its key: the format's version byte, a length that one
// of the padding buckets gives, and strict base64url. Its content stays unread (docs/SECURITY.md).
import * as v from 'valibot';
import { fromBase64Url, PAD_BUCKETS, SEAL_VERSION, SEALED_SIZES } from './seal.js';

export type Bucket = (typeof PAD_BUCKETS)[number];

/** A sealed value's text: base64url of version ‖ IV ‖ ciphertext ‖ tag. */
export type Sealed = string;

/** The longest base64url text a blob padded to `bucket` can have. */
function maxChars(bucket: Bucket): number {
  return Math.ceil((SEALED_SIZES[PAD_BUCKETS.indexOf(bucket)]! * 4) / 3);
}

/** Why a text is not a well-formed sealed value padded to at most `bucket`, or null when it is one. */
export function sealedShapeProblem(text: string, bucket: Bucket): string | null {
  if (text.length > maxChars(bucket)) return 'That sealed value is larger than this field allows.';
  const bytes = fromBase64Url(text);
  if (!bytes || bytes.length === 0) return 'A sealed value must be base64url text.';
  if (bytes[0] !== SEAL_VERSION) return 'That sealed value has an unknown version.';
  const size = SEALED_SIZES.indexOf(bytes.length);
  if (size === -1) return 'That sealed value has the wrong length.';
  if (PAD_BUCKETS[size]! > bucket) return 'That sealed value is larger than this field allows.';
  return null;
}

/** A valibot schema for a sealed value padded to at most `bucket` bytes: what the server checks of it. */
export function sealedSchema(bucket: Bucket, missing = 'A sealed value is missing.') {
  return v.pipe(
    v.string(missing),
    v.check((text) => sealedShapeProblem(text, bucket) === null, (issue) => sealedShapeProblem(String(issue.input), bucket) ?? missing),
  );
}

/** A name (up to 40 characters, at most 320 UTF-16 units: under 1,024 bytes of UTF-8) seals into these. */
export const NAME_BUCKET: Bucket = 1024;
