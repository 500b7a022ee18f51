// Each always knows whether the other is there: here, away (page hidden) or connection dropped, on the
// lobby and on every activity screen. Lea's browser reaches the server through a TCP proxy that can
// stall — stop forwarding without closing anything, as a network that silently loses packets.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PHONE, TABLET } from '../support/browser.js';
import { createRoom, expectAccessible, joinByLink, shootBoth, startActivity, useBrowserWorld } from '../support/people.js';
import { answer, answered, toWrittenCard, openTo } from '../support/question-swap-page.js';
import { startStallProxy, type StallProxy } from '../support/stall-proxy.js';

/**
 * Hides or shows the page as switching apps or locking the phone does. Headless Chromium never hides
 * a page by itself, so the Page Visibility API's two readings and its event are set here.
 */
async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((hide) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hide });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hide ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

/** Pings every 5 s and 4 s to answer: a silent drop shows within 9 s; the wait allows for a busy machine. */
const NOTICED = { timeout: 15_000 };

describe.runIf(inject('chromium'))('presence in Chromium', () => {
  const world = useBrowserWorld();
  let proxy: StallProxy;
  beforeAll(async () => {
    proxy = await startStallProxy(world.server.url);
  });
  afterAll(() => proxy?.close());

  it('here, away and a silent connection drop show on the lobby and on the card, and "waiting" says the answer is safe', { timeout: 90_000 }, async () => {
    const maya = await world.people.open(PHONE);
    const link = await createRoom(maya, world.server.url, 'Maya');
    const lea = await world.people.open(TABLET);
    await joinByLink(lea, link.replace(world.server.url, proxy.url), 'Lea');

    // The lobby says what the list below it shows.
    await maya.getByText('You are both here.').waitFor();
    await expect.poll(() => maya.getByText('here', { exact: true }).count()).toBe(2);
    await setHidden(lea, true);
    await maya.getByText('Lea is away for now.').waitFor();
    await expect.poll(() => maya.getByText('away', { exact: true }).count()).toBe(1);
    await expectAccessible(maya, 'lobby, Lea away');
    await shootBoth(maya, 'presence-lobby-away');
    await setHidden(lea, false);
    await maya.getByText('You are both here.').waitFor();

    // On the card: Maya answers, and sees Lea is here while she waits.
    await startActivity('Question Swap', [maya, lea]);
    for (const page of [maya, lea]) await openTo(page);
    await maya.locator('#card-text').waitFor();
    await maya.getByRole('status').getByText('Lea is here').waitFor();
    // A card that takes words (a guess card has none).
    await toWrittenCard(maya);
    await answer(maya, 'my half of it');
    await answered(maya);
    await maya.getByText('Waiting for Lea…').waitFor();

    // Lea's network goes silent: no close, no offline event. Both notice on their own.
    proxy.stall();
    await maya.getByText("Lea's connection dropped — your answer is safe.").waitFor(NOTICED);
    await maya.getByRole('status').getByText("Lea's connection dropped").waitFor();
    await lea.getByText('Reconnecting… your place is kept.').waitFor(NOTICED);
    await expectAccessible(maya, 'card, Lea dropped');
    await shootBoth(maya, 'presence-card-dropped');
    await shootBoth(lea, 'presence-card-reconnecting');

    // The network comes back: Lea returns to her card, Maya sees her here, and they go on.
    proxy.resume();
    await maya.getByRole('status').getByText('Lea is here').waitFor(NOTICED);
    await maya.getByText('Waiting for Lea…').waitFor();
    await lea.locator('#card-text').waitFor();
    await answer(lea, 'and mine');
    await answered(lea);
    await maya.getByText('and mine').waitFor();

    // Away while the other waits on the card, too.
    await setHidden(maya, true);
    await lea.getByRole('status').getByText('Maya is away for now').waitFor();
    await shootBoth(lea, 'presence-reveal-away');
  });

  it('offline on the card: the screen says so, nobody is shown "here", and back online the answer goes and the note leaves', { timeout: 90_000 }, async () => {
    const maya = await world.people.open(PHONE);
    const link = await createRoom(maya, world.server.url, 'Maya');
    const lea = await world.people.open(PHONE);
    await joinByLink(lea, link, 'Lea');
    await startActivity('Question Swap', [maya, lea]);
    for (const page of [maya, lea]) await openTo(page);
    await toWrittenCard(maya);
    await maya.getByRole('status').getByText('Lea is here').waitFor();

    const note = maya.getByRole('status').getByText("You're offline — what you send will go when you're back.");
    await maya.context().setOffline(true);
    await note.waitFor();
    await maya.getByRole('status').getByText("Can't tell if Lea is here — connection lost on this device").waitFor();
    expect(await maya.getByText('Lea is here', { exact: true }).count()).toBe(0);
    // Said once, by the activity: not again in the bar above the page.
    expect(await maya.getByText(/Reconnecting…/).count()).toBe(0);
    await maya.getByRole('textbox').fill('written on a plane');
    await maya.getByRole('button', { name: 'Send answer' }).click();
    await note.waitFor();
    await expectAccessible(maya, 'card, this device offline');
    await shootBoth(maya, 'presence-offline-card');

    await maya.context().setOffline(false);
    await maya.getByText('Your answer is in').waitFor({ timeout: 20_000 });
    await expect.poll(() => note.count()).toBe(0);
    await maya.getByRole('status').getByText('Lea is here').waitFor();
    await answer(lea, 'and mine, on the ground');
    await lea.getByText('written on a plane').waitFor();
  });
});
