// The same person on another device, in Chromium: Ada is in on her phone and opens the room on her
// laptop; she brings the laptop in with a one-time link (never her seat token), uses both at once,
// adds a third from inside a running activity, and signs a device out from another. A used link
// gets a clear page and nothing of the room.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PHONE, TABLET } from '../support/browser.js';
import { acceptSuggestion, expectAccessible, framesTo, seatedPair, shoot, startActivity, useBrowserWorld } from '../support/people.js';

const SHOTS = 'devices';

/** The seat tokens a page keeps, read from its storage. */
async function tokensOn(page: Page): Promise<string[]> {
  const saved = await page.evaluate(() => localStorage.getItem('closer.rooms') ?? '{}');
  const rooms = JSON.parse(saved) as Record<string, { credentials: { token: string }[] }>;
  return Object.values(rooms).flatMap((r) => r.credentials.map((c) => c.token));
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

/** Looks at the page as a phone and as a tablet, then leaves it at the size it had. */
async function shootBoth(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  for (const [viewport, label] of [[PHONE, 'phone'], [TABLET, 'tablet']] as const) {
    await page.setViewportSize(viewport);
    await shoot(page, `${SHOTS}/${name}-${label}`);
  }
  await page.setViewportSize(size);
}

/** Opens "Use Closer on another device" and answers the link it shows. */
async function deviceLinkFrom(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Use Closer on another device' }).click();
  const panel = page.getByRole('region', { name: 'Use Closer on another device' });
  await panel.getByRole('img', { name: 'QR code of the link for your other device' }).waitFor();
  return (await panel.getByRole('link').getAttribute('href'))!;
}

describe.runIf(inject('chromium'))('the same person on another device, in Chromium', () => {
  const world = useBrowserWorld();

  it('brings a laptop into the same seat by a one-time link; both are in at once; one signs the other out', async () => {
    const { ada, grace, link } = await seatedPair(world);

    // Ada opens her own room on her laptop: the room is full, and the page says how to bring this device in.
    const laptop = await world.people.open(TABLET);
    await laptop.goto(link);
    await laptop.getByRole('heading', { name: 'This room already has two people' }).waitFor();
    await laptop.getByText('Already in this room on another device?', { exact: false }).waitFor();
    await expectAccessible(laptop, 'full, with the hint');
    await shootBoth(laptop, 'full-hint');

    // On her phone, in the lobby: a QR code and a link with a one-time code in its fragment, never her token.
    const deviceLink = await deviceLinkFrom(ada);
    const url = new URL(deviceLink);
    expect(url.pathname).toBe('/device');
    expect(url.search).toBe('');
    expect(url.hash).toMatch(/^#room=[A-Za-z0-9_-]{21}&code=[A-Za-z0-9_-]{22}&k=[A-Za-z0-9_-]{43}$/);
    for (const token of await tokensOn(ada)) expect(deviceLink).not.toContain(token);
    await expectAccessible(ada, 'device link');
    await shootBoth(ada, 'device-link');

    // The laptop opens it and is in, as Ada, with its own token; the code leaves the address at once.
    await laptop.goto(deviceLink);
    await laptop.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
    expect(laptop.url()).toMatch(/\/r\/[A-Za-z0-9_-]{21}$/);
    await laptop.getByText('Ada (you)').waitFor();
    const [laptopToken] = await tokensOn(laptop);
    expect(await tokensOn(ada)).not.toContain(laptopToken);
    // The phone stays in, and sees the laptop arrive.
    await ada.getByText('Your other device is in. You can use both at once.').waitFor();
    await ada.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
    await expectAccessible(laptop, 'lobby on the second device');
    await shootBoth(laptop, 'lobby-second-device');

    // The same link again, anywhere: a clear page, and nothing of the room on screen or on the wire.
    const stranger = await world.people.open(PHONE);
    const frames = framesTo(stranger);
    await stranger.goto(deviceLink);
    await stranger.getByRole('heading', { name: 'This link has been used or has expired' }).waitFor();
    expect(await stranger.textContent('body')).not.toMatch(/Ada|Grace/);
    expect(frames.join('\n')).not.toMatch(/Ada|Grace/);
    expect(frames.some((f) => f.includes('TRANSFER_INVALID'))).toBe(true);
    expect(stranger.url()).not.toContain('code=');
    await expectAccessible(stranger, 'used link');
    await shootBoth(stranger, 'used-link');

    // Both of Ada's devices play at once: the laptop suggests (Ada's yes, which her phone shows too), Grace starts it.
    await ada.getByRole('button', { name: 'Close' }).click();
    await laptop.getByRole('button', { name: 'Suggest Question Swap' }).click();
    await ada.getByText('Waiting for Grace…').waitFor();
    await acceptSuggestion(grace, 'Question Swap');
    await laptop.getByRole('heading', { name: 'Question Swap' }).waitFor();

    // From inside the running activity, the laptop brings in a third device (a tablet).
    const tabletLink = await deviceLinkFrom(laptop);
    await expectAccessible(laptop, 'device link inside an activity');
    await shootBoth(laptop, 'device-link-in-activity');
    const tablet = await world.people.open(TABLET);
    await tablet.goto(tabletLink);
    await tablet.getByRole('heading', { name: 'Question Swap' }).waitFor();

    // The phone signs the laptop out: the laptop is told, and its token no longer opens the room.
    await ada.getByRole('button', { name: 'Use Closer on another device' }).click();
    const panel = ada.getByRole('region', { name: 'Use Closer on another device' });
    const others = panel.getByRole('button', { name: /^Sign out the other device/ });
    await expect.poll(() => others.count()).toBe(2);
    await expectAccessible(ada, 'devices list');
    await shootBoth(ada, 'devices-list');
    // The devices are listed in the order they came in: this phone, the laptop, the tablet.
    // Signing out asks first, with Cancel the easy default: Escape and Cancel both keep the device in.
    const question = panel.getByRole('alertdialog', { name: 'Sign out that device? It will need a new link to come back.' });
    await others.first().click();
    await question.waitFor();
    await expect.poll(() => focusedText(ada)).toBe('Cancel');
    await expectAccessible(ada, 'sign out, asked first');
    await shootBoth(ada, 'sign-out-asked');
    await ada.keyboard.press('Escape');
    await expect.poll(() => question.count()).toBe(0);
    await expect.poll(() => focusedLabel(ada)).toMatch(/^Sign out the other device/);
    await others.first().click();
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => question.count()).toBe(0);
    expect(await others.count()).toBe(2);
    await laptop.getByRole('heading', { name: 'Question Swap' }).waitFor();
    await others.first().click();
    await question.getByRole('button', { name: 'Sign out' }).click();
    await laptop.getByRole('heading', { name: 'This device was signed out' }).waitFor();
    await expectAccessible(laptop, 'signed out');
    await shootBoth(laptop, 'signed-out');
    await expect.poll(() => others.count()).toBe(1);
    expect(await tokensOn(laptop)).toEqual([]);
    await laptop.goto(link);
    await laptop.getByRole('heading', { name: 'This room already has two people' }).waitFor();
    // The tablet stays in the game, and can sign itself out (a borrowed one, say); the phone stays in.
    await tablet.reload();
    await tablet.getByRole('heading', { name: 'Question Swap' }).waitFor();
    await tablet.getByRole('button', { name: 'Use Closer on another device' }).click();
    // The tablet's new link replaces the one still on the phone's screen, and the phone says so.
    await ada.getByText('A newer link was made on another of your devices', { exact: false }).waitFor();
    await tablet.getByRole('button', { name: 'Sign out this device' }).click();
    const own = tablet.getByRole('alertdialog', { name: 'Sign out this device? It will need a new link to come back.' });
    await expect.poll(() => focusedText(tablet)).toBe('Cancel');
    await own.getByRole('button', { name: 'Sign out' }).click();
    await tablet.getByRole('heading', { name: 'This device was signed out' }).waitFor();
    await expect.poll(() => others.count()).toBe(0);
    await ada.getByRole('heading', { name: 'Question Swap' }).waitFor();
  });
});
