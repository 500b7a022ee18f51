// The part of a typed code only the room key's holders know: 4 characters of the code alphabet derived
// from the room key and the server's 10 (HMAC-SHA-256), so every device of the room computes the same and
// the server, which never has the key, cannot (shared/invite-code.ts says why it matters).
import { CODE_ALPHABET, SECRET_LENGTH } from '../invite-code.js';
import { fromBase64Url } from './seal.js';

const LABEL = 'closer typed code v1\n';

/** The 4 characters for `lookup`, from the room key as it travels in links (base64url); null for a bad key. */
export async function inviteSecret(keyText: string, lookup: string): Promise<string | null> {
  const raw = fromBase64Url(keyText);
  if (!raw || raw.length !== 32) return null;
  const hmacKey = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, new TextEncoder().encode(LABEL + lookup)));
  // Two bytes a character: 65,536 mod 30 leaves a bias of 16 in 65,536, which is negligible here.
  let secret = '';
  for (let i = 0; i < SECRET_LENGTH; i++) secret += CODE_ALPHABET[((mac[2 * i]! << 8) | mac[2 * i + 1]!) % CODE_ALPHABET.length];
  return secret;
}

/** The whole code a person types: the server's part, then the key's. */
export async function typedCode(keyText: string, lookup: string): Promise<string | null> {
  const secret = await inviteSecret(keyText, lookup);
  return secret && lookup + secret;
}
