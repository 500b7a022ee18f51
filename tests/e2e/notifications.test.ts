// The notifications switch in Chromium: off by default, one per device, accessible, and plain about what
// happens here. Headless Chromium has no push service, so switching on ends in a clear sentence, not a
// notification; the sending side is tests/integration/push.test.ts. A shared device shows no switch.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PHONE } from '../support/browser.js';
import { SHOTS, createRoom, expectAccessible, joinByLink, seatedPair, sharedDevice, shootBoth, useBrowserWorld } from '../support/people.js';

const SWITCH = /^Tell me on this device when .+ checks in or suggests something$/;
const toggle = (page: Page) => page.getByRole('switch', { name: SWITCH });
const note = (page: Page) => page.getByRole('region', { name: 'Notifications' }).getByRole('status');

describe.runIf(inject('chromium'))('the notifications switch', () => {
  const world = useBrowserWorld();

  it('is off by default, names the other person, is accessible, and says plainly when this page cannot subscribe', { timeout: 60_000 }, async () => {
    const { ada, grace } = await seatedPair(world);
    for (const [page, partner] of [[ada, 'Grace'], [grace, 'Ada']] as const) {
      await expect.poll(() => toggle(page).getAttribute('aria-checked')).toBe('false');
      expect(await toggle(page).textContent()).toContain(`when ${partner} checks in`);
    }
    await expect.poll(() => note(ada).textContent()).toContain('Off. A notification never shows what anyone wrote.');
    await expectAccessible(ada, 'lobby with the notifications switch');
    const box = (await toggle(ada).boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    await toggle(ada).scrollIntoViewIfNeeded();
    await shootBoth(ada, 'notifications-off');
    await ada.getByRole('region', { name: 'Notifications' }).screenshot({ path: `${SHOTS}/notifications-switch-phone.png` });

    // These pages run without the service worker: nothing is asked of the browser, and the switch says why.
    await toggle(ada).click();
    await expect.poll(() => note(ada).textContent()).toContain("Closer isn't set up for notifications in this browser yet.");
    expect(await toggle(ada).getAttribute('aria-checked')).toBe('false');
    expect(await ada.evaluate(() => Notification.permission)).toBe('default');
  });

  it('with the service worker and permission given, a browser without a push service is told so, and the switch stays off', { timeout: 60_000 }, async () => {
    const maya = await world.people.open(PHONE, { serviceWorker: true });
    await maya.context().grantPermissions(['notifications'], { origin: world.server.url });
    const link = await createRoom(maya, world.server.url, 'Maya');
    const lea = await world.people.open(PHONE);
    await joinByLink(lea, link, 'Lea');
    await maya.getByRole('heading', { name: 'Maya & Lea' }).waitFor();
    await expect.poll(() => maya.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined), { timeout: 20_000 }).toBe(true);
    await toggle(maya).click();
    await expect.poll(() => note(maya).textContent(), { timeout: 15_000 }).toContain('push service did not answer');
    // Chromium's own console line about its missing push service, expected here and only here.
    const own = world.people.problems.filter((p) => p.includes('does not support the Push API'));
    world.people.problems.splice(0, world.people.problems.length, ...world.people.problems.filter((p) => !own.includes(p)));
    expect(await toggle(maya).getAttribute('aria-checked')).toBe('false');
    await expectAccessible(maya, 'lobby after a failed switch');
    await toggle(maya).scrollIntoViewIfNeeded();
    await shootBoth(maya, 'notifications-no-push-service');
    await maya.getByRole('region', { name: 'Notifications' }).screenshot({ path: `${SHOTS}/notifications-no-push-service-switch-phone.png` });
  });

  it('is not offered on one shared device', async () => {
    const tablet = await world.people.open(PHONE);
    await sharedDevice(tablet, world.server.url);
    expect(await tablet.getByRole('region', { name: 'Notifications' }).count()).toBe(0);
  });
});
