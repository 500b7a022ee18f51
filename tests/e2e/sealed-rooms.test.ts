// Sealed rooms in Chromium: the room key travels in the link's fragment (and so in the QR code), never in
// the address bar or to the server; names are sealed on each device and opened on the other; a link
// without its key, or with another room's, says so plainly; a partner's unreadable name breaks nothing.
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, inject, it } from 'vitest';
import { exportRoomKey, makeRoomKey } from '../../shared/sealed/seal.js';
import { PHONE, TABLET } from '../support/browser.js';
import { createRoom, expectAccessible, framesFrom, joinByLink, shoot, useBrowserWorld } from '../support/people.js';
import { fakeSealed } from '../support/sealed.js';
import { cid, client, connected } from '../support/server.js';




// jsqr is CommonJS typed as an ES default export: under NodeNext its default import is the module, whose .default is the function.
const jsQR = jsQRModule.default;

const roomIdOf = (link: string) => new URL(link).pathname.split('/r/')[1]!;

describe.runIf(inject('chromium'))('sealed rooms, in Chromium', () => {
  const world = useBrowserWorld();

  it('joins by link: the key stays out of the address bar and off the wire, and both read both names', async () => {
    const ada = await world.people.open(PHONE);
    const fromAda = framesFrom(ada);
    const link = await createRoom(ada, world.server.url, 'Adelaide');
    expect(new URL(link).hash).toMatch(/^#k=[A-Za-z0-9_-]{43}$/);
    expect(ada.url()).not.toContain('#');
    await shoot(ada, 'invite-phone');

    const grace = await world.people.open(PHONE);
    const fromGrace = framesFrom(grace);
    await grace.goto(link);
    await grace.getByRole('heading', { name: 'Adelaide invited you' }).waitFor();
    // Read, then taken out of the address bar.
    expect(grace.url()).not.toContain('#');
    await grace.getByLabel('Your first name').fill('Gracelyn');
    await grace.getByRole('button', { name: 'Join' }).click();
    for (const page of [ada, grace]) await page.getByRole('heading', { name: 'Adelaide & Gracelyn' }).waitFor();
    await shoot(grace, 'lobby-joined-by-link-phone');

    const key = new URL(link).hash.slice(3);
    const sent = [...fromAda, ...fromGrace].join('\n');
    for (const secret of ['Adelaide', 'Gracelyn', key]) expect(sent).not.toContain(secret);
    const stored = JSON.stringify((await world.server.store.load(roomIdOf(link))).stored);
    for (const secret of ['Adelaide', 'Gracelyn', key]) expect(stored).not.toContain(secret);

    // A reload opens the names with the key saved beside the seat.
    await grace.reload();
    await grace.getByRole('heading', { name: 'Adelaide & Gracelyn' }).waitFor();
  });

  it("joins by the QR code's link, which carries the key", async () => {
    const ada = await world.people.open(TABLET);
    const link = await createRoom(ada, world.server.url, 'Adelaide');
    // Read the QR code as a phone's camera would: from its pixels on the screen.
    const picture = PNG.sync.read(await ada.locator('svg[role="img"][aria-label*="QR"]').screenshot());
    const scanned = jsQR(new Uint8ClampedArray(picture.data), picture.width, picture.height);
    expect(scanned?.data, 'the QR code holds exactly the invite link, key included').toBe(link);
    await shoot(ada, 'invite-tablet');

    const sam = await world.people.open(PHONE);
    await joinByLink(sam, scanned!.data, 'Samwise');
    for (const page of [ada, sam]) await page.getByRole('heading', { name: 'Adelaide & Samwise' }).waitFor();
  });

  it('a link without its key, or with another room’s key, says so; the right link in the same tab then works', async () => {
    const ada = await world.people.open(PHONE);
    const link = await createRoom(ada, world.server.url, 'Adelaide');
    const bare = link.split('#')[0]!;

    const eve = await world.people.open(PHONE);
    const toEve = framesFrom(eve);
    await eve.goto(bare);
    await eve.getByRole('heading', { name: 'This link is missing its key — ask for the link again' }).waitFor();
    await expectAccessible(eve, 'missing key');
    await shoot(eve, 'missing-key-phone');

    // Pasted into the same tab: only the fragment changes, and the page reads the new key.
    await eve.goto(`${bare}#k=${await exportRoomKey(await makeRoomKey())}`);
    await eve.getByRole('heading', { name: "This link's key doesn't open this room" }).waitFor();
    await expectAccessible(eve, 'wrong key');
    await shoot(eve, 'wrong-key-phone');
    expect(toEve.join('\n')).not.toContain('room:join');

    await eve.goto(link);
    await eve.getByRole('heading', { name: 'Adelaide invited you' }).waitFor();
  });

  it("a partner whose device sends a name that doesn't open shows as unreadable, and the room goes on", async () => {
    const ada = await world.people.open(PHONE);
    const link = await createRoom(ada, world.server.url, 'Adelaide');
    const broken = client(world.server.url);
    await connected(broken);
    const joined = await broken.socket.emitWithAck('room:join', { commandId: cid(), roomId: roomIdOf(link), name: fakeSealed('garbage') });
    expect(joined.ok).toBe(true);
    await ada.getByRole('heading', { name: "Adelaide & (couldn't read this name)" }).waitFor();
    await ada.getByRole('button', { name: /Suggest/ }).first().waitFor();
    await shoot(ada, 'unreadable-partner-phone');
    broken.close();
  });
});
