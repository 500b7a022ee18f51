// Two people in two real Chromium contexts (and one shared tablet): create, invite, join, resume,
// remove, erase. axe-core checks each screen; screenshots land in test-results/screens to look at.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PHONE, TABLET } from '../support/browser.js';
import { createRoom as create, expectAccessible, inviteLink, framesFrom, framesTo, joinByLink, sharedDevice, shoot, useBrowserWorld } from '../support/people.js';

describe.runIf(inject('chromium'))('two people meet in a room, in Chromium', () => {
  const world = useBrowserWorld();
  const person = (viewport = PHONE): Promise<Page> => world.people.open(viewport);
  const createRoom = (page: Page, name: string) => create(page, world.server.url, name);

  it('creates a room, invites by link, and both see both names and presence', async () => {
    const ada = await person(PHONE);
    await ada.goto(world.server.url);
    await expectAccessible(ada, 'home');
    await shoot(ada, 'home-phone');

    const link = await createRoom(ada, 'Ada');
    expect(link).toMatch(/\/r\/[A-Za-z0-9_-]{21}#k=[A-Za-z0-9_-]{43}$/);
    // The key is in what is shared, never left in the address bar.
    expect(ada.url()).toMatch(/\/r\/[A-Za-z0-9_-]{21}$/);
    await expect.poll(() => ada.getByText(/^[A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{4}$/).count()).toBe(1);
    expect(await ada.locator('svg[role="img"][aria-label*="QR"] path').count()).toBe(1);
    await expectAccessible(ada, 'invite');
    await shoot(ada, 'invite-phone');

    const grace = await person(TABLET);
    await grace.goto(link);
    await grace.getByRole('heading', { name: 'Ada invited you' }).waitFor();
    await expectAccessible(grace, 'join');
    await shoot(grace, 'join-tablet');
    await grace.getByLabel('Your first name').fill('Grace');
    await grace.getByRole('button', { name: 'Join' }).click();

    for (const page of [ada, grace]) {
      await page.getByRole('heading', { name: 'Ada & Grace' }).waitFor({ timeout: 1_000 });
      await expect.poll(() => page.getByText('here', { exact: true }).count(), { timeout: 1_000 }).toBe(2);
      await page.getByText('You are both here.').waitFor();
    }
    await expectAccessible(ada, 'lobby');
    await shoot(ada, 'lobby-phone');
    await shoot(grace, 'lobby-tablet');

    // A third person gets a clear page and no room content, on screen or on the wire.
    const eve = await person(PHONE);
    const frames = framesTo(eve);
    await eve.goto(link);
    await eve.getByRole('heading', { name: 'This room already has two people' }).waitFor();
    await expectAccessible(eve, 'full');
    await shoot(eve, 'full-phone');
    expect(await eve.textContent('body')).not.toMatch(/Ada|Grace/);
    expect(frames.join('\n')).not.toMatch(/Ada|Grace/);
    expect(frames.some((f) => f.includes('ROOM_FULL'))).toBe(true);

    // Reloading comes back to the same seat and screen without typing anything.
    await grace.reload();
    await grace.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
    expect(await grace.getByText('Grace (you)').count()).toBe(1);

    // Closing the tab and coming back by the start page offers the room.
    const graceAgain = await grace.context().newPage();
    await grace.close();
    await graceAgain.goto(world.server.url);
    await graceAgain.getByRole('button', { name: 'Ada & Grace' }).click();
    await graceAgain.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
  });

  it('joins by the typed code from the start page: the room key comes from the creator’s open device, and a used code does not work again', async () => {
    const ada = await person(PHONE);
    const adaFrames = { sent: framesFrom(ada), received: framesTo(ada) };
    await createRoom(ada, 'Ada');
    const code = (await ada.getByText(/^[A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{4}$/).textContent())!;
    const sam = await person(PHONE);
    const samFrames = { sent: framesFrom(sam), received: framesTo(sam) };
    await sam.goto(world.server.url);
    await sam.getByLabel('Code', { exact: true }).fill(code.toLowerCase());
    await sam.getByLabel('Your first name').nth(1).fill('Sam');
    await sam.getByRole('button', { name: 'Join' }).click();
    await sam.getByRole('heading', { name: 'Ada & Sam' }).waitFor();
    await ada.getByRole('heading', { name: 'Ada & Sam' }).waitFor();

    const late = await person(PHONE);
    await late.goto(world.server.url);
    await late.getByLabel('Code', { exact: true }).fill(code);
    await late.getByLabel('Your first name').nth(1).fill('Eve');
    await late.getByRole('button', { name: 'Join' }).click();
    await late.getByRole('alert').filter({ hasText: "That code didn't work" }).waitFor();

    // The server only ever has the code's first ten: its last four, which only the room's devices can
    // derive, never cross the wire in either direction, on its own or as part of the whole code.
    const plain = code.replace(/-/g, '');
    const secret = plain.slice(10);
    const wire = [adaFrames, samFrames].flatMap((f) => [...f.sent, ...f.received]).join('\n').toUpperCase();
    expect(wire).toContain(plain.slice(0, 10));
    expect(wire).not.toContain(plain);
    expect(wire).not.toContain(code.slice(-9));
    expect(wire).not.toMatch(new RegExp(`"${secret}"|${plain.slice(5, 10)}-?${secret}`));
  });

  it('a code needs its last four characters, which only the room’s devices know: a wrong four uses the code up, and a new one works', async () => {
    const ada = await person(PHONE);
    await createRoom(ada, 'Ada');
    const shown = ada.getByText(/^[A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{4}$/);
    const code = (await shown.textContent())!;
    await shoot(ada, 'invite-code-phone');
    const sam = await person(PHONE);
    await sam.goto(world.server.url);
    await sam.getByLabel('Your first name').nth(1).fill('Sam');
    // The server's ten alone, as a server would know the code, is not a code.
    await sam.getByLabel('Code', { exact: true }).fill(code.slice(0, 11));
    await sam.getByRole('button', { name: 'Join' }).click();
    await sam.getByRole('alert').filter({ hasText: 'A code has 14 letters and digits; this one has 10.' }).waitFor();
    // A wrong last four: the exchange runs once, fails on Sam's device, and the code is used up.
    const last = code.at(-1) === 'A' ? 'B' : 'A';
    await sam.getByLabel('Code', { exact: true }).fill(code.slice(0, -1) + last);
    await sam.getByRole('button', { name: 'Join' }).click();
    await sam.getByRole('alert').filter({ hasText: 'Check its last four characters' }).waitFor();
    await ada.getByText('Someone typed the code. If they could not get in, make a new one').waitFor();
    expect(await shown.count()).toBe(0);
    await ada.getByRole('button', { name: 'New code' }).click();
    const fresh = (await shown.textContent())!;
    expect(fresh).not.toBe(code);
    await sam.getByLabel('Code', { exact: true }).fill(fresh);
    await sam.getByRole('button', { name: 'Join' }).click();
    await sam.getByRole('heading', { name: 'Ada & Sam' }).waitFor();
    await ada.getByRole('heading', { name: 'Ada & Sam' }).waitFor();
  });

  it('the creator removes the wrong person; then either can erase the room', async () => {
    const ada = await person(PHONE);
    const link = await createRoom(ada, 'Ada');
    const wrong = await person(PHONE);
    await joinByLink(wrong, link, 'Wrong');
    await ada.getByRole('heading', { name: 'Ada & Wrong' }).waitFor();

    await ada.getByRole('button', { name: 'Wrong person? Remove Wrong' }).click();
    expect(await ada.evaluate(() => document.activeElement?.textContent)).toBe('Remove');
    await ada.keyboard.press('Escape');
    expect(await ada.evaluate(() => document.activeElement?.textContent)).toBe('Wrong person? Remove Wrong');
    await ada.getByRole('button', { name: 'Wrong person? Remove Wrong' }).click();
    await ada.getByRole('button', { name: 'Remove', exact: true }).click();
    await wrong.getByRole('heading', { name: 'You are no longer in this room' }).waitFor();
    await expectAccessible(wrong, 'removed');
    // The creator's room moves to a new link; the old one no longer lets the wrong person back in.
    await ada.getByRole('heading', { name: 'Invite your partner' }).waitFor();
    await expect.poll(() => inviteLink(ada)).not.toBe(link);
    const newLink = await inviteLink(ada);
    await wrong.goto(link);
    await wrong.getByRole('heading', { name: "This room isn't here" }).waitFor();

    const grace = await person(PHONE);
    await joinByLink(grace, newLink, 'Grace');
    await ada.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
    await grace.getByRole('button', { name: 'Leave and erase room' }).click();
    await expectAccessible(grace, 'erase confirm');
    await shoot(grace, 'erase-confirm-phone');
    await grace.getByRole('button', { name: 'Yes, erase it' }).click();
    await grace.getByRole('heading', { name: 'Room erased' }).waitFor();
    await ada.getByRole('heading', { name: 'This room was erased' }).waitFor();
    await expectAccessible(ada, 'erased');
    await ada.reload();
    await ada.getByRole('heading', { name: "This room isn't here" }).waitFor();
    await expectAccessible(ada, 'gone');
    const roomId = newLink.split('/r/')[1]!.split('#')[0]!;
    expect((await world.server.store.load(roomId)).stored).toBeNull();
  });

  it('on one shared device: both names asked, no invite, both seats held, and a reload keeps them', async () => {
    const tablet = await person(TABLET);
    await sharedDevice(tablet, world.server.url);
    expect(await tablet.getByText(/sharing this device/).count()).toBe(1);
    await expectAccessible(tablet, 'lobby (shared device)');
    await shoot(tablet, 'lobby-shared-tablet');
    await tablet.reload();
    await tablet.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
    // Here/away means nothing when both sit at one device.
    for (const state of ['here', 'away', 'connection dropped']) expect(await tablet.getByText(state, { exact: true }).count()).toBe(0);
  });
});
