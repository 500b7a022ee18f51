// The typed code's second part: derived from the room key, so every device of the room shows the same code
// while the server (which has only its own 10 characters) cannot make it; and how a typed code is read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, formatCode, readTypedCode, SECRET_LENGTH } from '../../shared/invite-code.js';
import { inviteSecret, typedCode } from '../../shared/sealed/invite-secret.js';
import { exportRoomKey, makeRoomKey } from '../../shared/sealed/seal.js';

const lookup = 'ABCDE23456';

describe('the typed code', () => {
  it('is the same on every device with the key, and another key or another code gives another', async () => {
    const key = await exportRoomKey(await makeRoomKey());
    const secret = await inviteSecret(key, lookup);
    expect(secret).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${SECRET_LENGTH}}$`));
    expect(await inviteSecret(key, lookup)).toBe(secret);
    expect(await typedCode(key, lookup)).toBe(lookup + secret);
    // Over 40 keys the four characters are not a constant (a broken derivation would be).
    const others = await Promise.all(Array.from({ length: 40 }, async () => inviteSecret(await exportRoomKey(await makeRoomKey()), lookup)));
    expect(new Set(others).size).toBeGreaterThan(30);
    const otherCodes = await Promise.all(['ABCDE23457', 'ZBCDE23456'].map((l) => inviteSecret(key, l)));
    expect(otherCodes.filter((s) => s === secret).length).toBeLessThan(2);
  });

  it('refuses a key that is not 32 bytes of base64url', async () => {
    expect(await inviteSecret('short', lookup)).toBeNull();
    expect(await typedCode('!'.repeat(43), lookup)).toBeNull();
  });

  it('reads a typed code in any case, with spaces and dashes, into the server’s part and the whole', () => {
    expect(readTypedCode(' abcde-23456-wxyz ')).toEqual({ lookup: 'ABCDE23456', full: 'ABCDE23456WXYZ' });
    expect(formatCode('ABCDE23456WXYZ')).toBe('ABCDE-23456-WXYZ');
    for (const typed of ['', 'ABCDE-23456', 'ABCDE-23456-WXY', 'ABCDE-23456-WXYZ2', 'ABCDE-23456-WXYO', '<script>']) expect(readTypedCode(typed)).toBeNull();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CODE_ALPHABET), { minLength: CODE_LENGTH + SECRET_LENGTH, maxLength: CODE_LENGTH + SECRET_LENGTH }), (chars) => {
        const code = chars.join('');
        expect(readTypedCode(formatCode(code).toLowerCase())).toEqual({ lookup: code.slice(0, CODE_LENGTH), full: code });
      }),
    );
  });
});
