// The room key in links and the room's own sealed values: the fragment is read strictly, a device tells a
// wrong key from a damaged name, and the server's shape check passes real sealed names and nothing else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readKeyFragment, roomLink } from '../../shared/room-link.js';
import { keyOpensRoom, newRoomSeal, openName, sealName } from '../../shared/sealed/room-seal.js';
import { exportRoomKey, makeRoomKey, SEALED_SIZES } from '../../shared/sealed/seal.js';
import { NAME_BUCKET, sealedShapeProblem } from '../../shared/sealed/shape.js';
import { readRoom } from '../../server/store/documents.js';
import { viewFor } from '../../shared/room.js';
import { waitingRoom } from '../support/rooms.js';
import { fakeSealed } from '../support/sealed.js';

describe('the room link', () => {
  it('carries the key in its fragment only, and reads it back', async () => {
    const key = await exportRoomKey(await makeRoomKey());
    const url = new URL(roomLink('https://closer.example', 'r'.repeat(21), key));
    expect(url.pathname).toBe(`/r/${'r'.repeat(21)}`);
    expect(url.search).toBe('');
    expect(readKeyFragment(url.hash)).toEqual({ key });
    expect(readKeyFragment(`#later=1&k=${key}`)).toEqual({ key });
  });

  it('tells a link with no key from one whose key was cut short or changed', () => {
    expect(readKeyFragment('')).toBe('none');
    expect(readKeyFragment('#')).toBe('none');
    expect(readKeyFragment('#room=abc')).toBe('none');
    for (const fragment of ['#k=', `#k=${'a'.repeat(42)}`, `#k=${'a'.repeat(44)}`, `#k=${'a'.repeat(42)}!`, `#k=${'a'.repeat(42)}=`]) {
      expect(readKeyFragment(fragment), fragment).toBe('malformed');
    }
  });
});

describe('the key check', () => {
  it("the room's key opens its check; another key or a check moved to another room does not", async () => {
    const key = await makeRoomKey();
    const seal = await newRoomSeal(key);
    expect(seal.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await keyOpensRoom(key, seal)).toBe(true);
    expect(await keyOpensRoom(await makeRoomKey(), seal)).toBe(false);
    const other = await newRoomSeal(key);
    expect(await keyOpensRoom(key, { id: other.id, check: seal.check })).toBe(false);
    expect(await keyOpensRoom(key, { ...seal, check: fakeSealed('check') })).toBe(false);
  });

  it('a name opens for its own seat only, and garbage is refused rather than shown', async () => {
    const key = await makeRoomKey();
    const seal = await newRoomSeal(key);
    const ada = await sealName(key, seal.id, 0, 'Ada 👩‍❤️‍👨');
    if (!ada.ok) throw new Error('seal');
    expect(await openName(key, seal.id, 0, ada.value)).toEqual({ ok: true, value: 'Ada 👩‍❤️‍👨' });
    expect((await openName(key, seal.id, 1, ada.value)).ok).toBe(false);
    expect((await openName(key, seal.id, 0, fakeSealed('Ada'))).ok).toBe(false);
    expect((await openName(key, seal.id, 0, 'not sealed')).ok).toBe(false);
  });
});

describe('what the server checks of a sealed name', () => {
  it('every name a person may type seals into a value the server accepts', async () => {
    const key = await makeRoomKey();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), async (name) => {
        const sealed = await sealName(key, 'x'.repeat(22), 1, name);
        expect(sealed.ok && sealedShapeProblem(sealed.value, NAME_BUCKET)).toBeNull();
      }),
      { numRuns: 50 },
    );
  });

  it('refuses bad base64url, an unknown version, a length no bucket gives, and a bucket over the field', () => {
    expect(sealedShapeProblem(fakeSealed('a'), NAME_BUCKET)).toBeNull();
    expect(sealedShapeProblem('***', NAME_BUCKET)).toMatch(/base64url/);
    expect(sealedShapeProblem('', NAME_BUCKET)).toMatch(/base64url/);
    expect(sealedShapeProblem(`B${fakeSealed('a').slice(1)}`, NAME_BUCKET)).toMatch(/version/);
    expect(sealedShapeProblem(fakeSealed('a', SEALED_SIZES[0]! + 3), NAME_BUCKET)).toMatch(/wrong length/);
    expect(sealedShapeProblem(fakeSealed('a', SEALED_SIZES[3]!), NAME_BUCKET)).toMatch(/larger/);
    expect(sealedShapeProblem(fakeSealed('a', SEALED_SIZES[1]!), 64)).toMatch(/larger/);
  });
});

describe('a room made before rooms were sealed', () => {
  it('is read with no seal, and its views say so, so its devices can say it plainly', () => {
    const { seal: _dropped, ...old } = waitingRoom();
    const room = readRoom(JSON.stringify(old));
    expect(room.seal).toBeNull();
    expect(viewFor(room, 0).seal).toBeNull();
  });
});
