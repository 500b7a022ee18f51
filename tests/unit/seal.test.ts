import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_PLAIN_BYTES,
  SEALED_SIZES,
  exportRoomKey,
  fromBase64Url,
  importRoomKey,
  makeRoomKey,
  open,
  seal,
  toBase64Url,
  type RoomKey,
  type SealedSlot,
} from '../../shared/sealed/seal.js';

const here: SealedSlot = { room: 'r0omId1234', seat: 0, activity: 'question-swap', slot: 'answer:c12' };

async function sealed(key: RoomKey, where: SealedSlot, text: string): Promise<string> {
  const result = await seal(key, where, text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('sealed values', () => {
  it('open gives back exactly what was sealed, for any text', async () => {
    const key = await makeRoomKey();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 600 }), async (text) => {
        expect(await open(key, here, await sealed(key, here, text))).toEqual({ ok: true, value: text });
      }),
      { numRuns: 60 },
    );
  });

  it('a blob moved to another room, seat, activity or slot does not open', async () => {
    const key = await makeRoomKey();
    const blob = await sealed(key, here, 'canary-moved');
    const elsewhere: SealedSlot[] = [
      { ...here, room: 'otherRoom1' },
      { ...here, seat: 1 },
      { ...here, activity: 'what-it-means' },
      { ...here, slot: 'answer:c13' },
      // Length prefixes keep a shifted boundary from matching: "answer:c1" + "2…" is not the same slot.
      { ...here, activity: 'question-swapa', slot: 'nswer:c12' },
    ];
    for (const where of elsewhere) expect((await open(key, where, blob)).ok).toBe(false);
    expect((await open(key, here, blob)).ok).toBe(true);
  });

  it('another room key cannot open it', async () => {
    const blob = await sealed(await makeRoomKey(), here, 'canary-key');
    expect((await open(await makeRoomKey(), here, blob)).ok).toBe(false);
  });

  it('the same text sealed twice gives two different blobs (a fresh IV each time)', async () => {
    const key = await makeRoomKey();
    expect(await sealed(key, here, 'same')).not.toBe(await sealed(key, here, 'same'));
  });

  it('a blob tells only its bucket: short answers all have one size', async () => {
    const key = await makeRoomKey();
    const sizes = await Promise.all(['', 'a', 'yes', 'twenty characters!!!'].map(async (t) => (await sealed(key, here, t)).length));
    expect(new Set(sizes).size).toBe(1);
    const long = await sealed(key, here, 'x'.repeat(300));
    expect(SEALED_SIZES).toContain(fromBase64Url(long)!.length);
    expect(long.length).toBeGreaterThan(sizes[0]!);
  });

  it('text over the largest bucket is refused, not cut', async () => {
    const key = await makeRoomKey();
    const result = await seal(key, here, 'x'.repeat(MAX_PLAIN_BYTES + 1));
    expect(result.ok ? undefined : result.error.code).toBe('TOO_LONG');
    expect((await seal(key, here, 'x'.repeat(MAX_PLAIN_BYTES))).ok).toBe(true);
  });

  it('bad base64, an unknown version, a wrong length or a flipped bit is refused with one clear message', async () => {
    const key = await makeRoomKey();
    const bytes = fromBase64Url(await sealed(key, here, 'canary-bits'))!;
    const version = bytes.slice();
    version[0] = 2;
    const flipped = bytes.slice();
    flipped[40] = flipped[40]! ^ 1;
    const bad = ['not base64!', '', toBase64Url(version), toBase64Url(bytes.slice(0, -1)), toBase64Url(flipped), 'A'];
    for (const blob of bad) {
      const result = await open(key, here, blob);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/Couldn't read this/);
    }
  });

  it('a room key travels as 43 characters of base64url and comes back the same key', async () => {
    const key = await makeRoomKey();
    const text = await exportRoomKey(key);
    expect(text).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const back = await importRoomKey(text);
    if (!back.ok) throw new Error(back.error.message);
    expect(await open(back.value, here, await sealed(key, here, 'canary-fragment'))).toEqual({ ok: true, value: 'canary-fragment' });
    for (const broken of ['', text.slice(1), `${text}AA`, 'not a key at all, nope, not even close!!!!']) {
      const result = await importRoomKey(broken);
      expect(result.ok ? undefined : result.error.message).toMatch(/missing its key/);
    }
  });
});
