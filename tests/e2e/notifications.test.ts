// The notifications switch in Chromium: off by default, one per device, accessible, and plain about what
// happens here. Headless Chromium has no push service, so switching on ends in a clear sentence; then, with
// the browser's push manager standing in for one (its subscription pointing at a push service on loopback
// that decrypts), switching on really subscribes, the partner's suggestion arrives as a bare PushMessage,
// and switching off stops it. The sending side in depth: tests/integration/push.test.ts. A shared device
// shows no switch.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PushMessage, PushSubscriptionInput } from '../../shared/push.js';
import { PHONE } from '../support/browser.js';
import { startPushService, type PushService } from '../support/push-service.js';
import { SHOTS, createRoom, expectAccessible, joinByLink, seatedPair, sharedDevice, shootBoth, useBrowserWorld } from '../support/people.js';

const SWITCH = /^Tell me on this device when .+ checks in or suggests something$/;
const toggle = (page: Page) => page.getByRole('switch', { name: SWITCH });
const note = (page: Page) => page.getByRole('region', { name: 'Notifications' }).getByRole('status');

/**
 * Headless Chromium has no push service: its push manager is stood in for, handing out `subscription`
 * (kept in localStorage, as a browser keeps its one subscription across reloads).
 */
async function standInPushManager(page: Page, subscription: PushSubscriptionInput): Promise<void> {
  await page.context().addInitScript((sub: PushSubscriptionInput) => {
    const KEY = 'test.push-subscription';
    const made = (key: ArrayBuffer | null) => ({
      endpoint: sub.endpoint,
      options: { applicationServerKey: key, userVisibleOnly: true },
      toJSON: () => ({ endpoint: sub.endpoint, expirationTime: null, keys: sub.keys }),
      unsubscribe: async () => (localStorage.removeItem(KEY), true),
    });
    const stored = () => {
      const key = localStorage.getItem(KEY);
      return key === null ? null : made(Uint8Array.from(JSON.parse(key) as number[]).buffer);
    };
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      const key = new Uint8Array(options!.applicationServerKey as Uint8Array);
      localStorage.setItem(KEY, JSON.stringify([...key]));
      return stored() as unknown as PushSubscription;
    };
    PushManager.prototype.getSubscription = async () => stored() as unknown as PushSubscription | null;
  }, subscription);
}

/** The names this device keeps for its service worker, for one room (lib/push-names.ts), or null. */
function keptNames(page: Page, roomId: string): Promise<string[] | null> {
  return page.evaluate(
    (id) =>
      new Promise<string[] | null>((resolve) => {
        const open = indexedDB.open('closer', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('notified-rooms', { keyPath: 'roomId' });
        open.onsuccess = () => {
          const get = open.result.transaction('notified-rooms').objectStore('notified-rooms').get(id);
          get.onsuccess = () => resolve((get.result as { names: string[] } | undefined)?.names ?? null);
        };
      }),
    roomId,
  );
}

describe.runIf(inject('chromium'))('the notifications switch', () => {
  const world = useBrowserWorld();
  let service: PushService;
  beforeAll(async () => {
    service = await startPushService();
  });
  afterAll(() => service.close());

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

  it('switched on, the partner’s suggestion reaches this device’s push service, with no name; switched off, nothing does', { timeout: 90_000 }, async () => {
    const maya = await world.people.open(PHONE, { serviceWorker: true });
    await maya.context().grantPermissions(['notifications'], { origin: world.server.url });
    await standInPushManager(maya, service.subscription('maya'));
    const link = await createRoom(maya, world.server.url, 'Maya');
    const lea = await world.people.open(PHONE);
    await joinByLink(lea, link, 'Lea');
    await maya.getByRole('heading', { name: 'Maya & Lea' }).waitFor();
    await expect.poll(() => maya.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined), { timeout: 20_000 }).toBe(true);
    const roomUrl = maya.url();
    const roomId = new URL(roomUrl).pathname.split('/').at(-1)!;

    await toggle(maya).click();
    await expect.poll(() => toggle(maya).getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => note(maya).textContent()).toContain('On for this device.');
    await expectAccessible(maya, 'lobby with notifications on');
    await toggle(maya).scrollIntoViewIfNeeded();
    await shootBoth(maya, 'notifications-on');
    await maya.getByRole('region', { name: 'Notifications' }).screenshot({ path: `${SHOTS}/notifications-on-switch-phone.png` });
    // The names the service worker will show are kept on this device, for this room.
    expect(await keptNames(maya, roomId)).toEqual(['Maya', 'Lea']);

    // Maya leaves the room's page; Lea suggests something: a push, exactly a PushMessage.
    await maya.goto(world.server.url);
    await lea.getByRole('button', { name: 'Suggest Check-in' }).click();
    await expect.poll(() => service.received.filter((p) => p.device === 'maya').length, { timeout: 10_000 }).toBe(1);
    const push = service.received.find((p) => p.device === 'maya')!;
    expect(JSON.parse(push.text) as PushMessage).toEqual({ kind: 'suggested', roomId, by: 1, activity: 'check-in' });
    expect(push.text).not.toMatch(/Maya|Lea/);

    // Back in the room the switch is still on; switched off, it forgets the names and nothing more arrives.
    await maya.goto(roomUrl);
    await expect.poll(() => toggle(maya).getAttribute('aria-checked'), { timeout: 10_000 }).toBe('true');
    await toggle(maya).click();
    await expect.poll(() => toggle(maya).getAttribute('aria-checked')).toBe('false');
    expect(await keptNames(maya, roomId)).toBeNull();
    await maya.goto(world.server.url);
    await lea.getByRole('button', { name: 'Take it back' }).click();
    await lea.getByRole('button', { name: 'Suggest Check-in' }).click();
    await lea.getByRole('button', { name: 'Take it back' }).waitFor();
    await new Promise((r) => setTimeout(r, 500));
    expect(service.received.filter((p) => p.device === 'maya')).toHaveLength(1);
  });

  it('is not offered on one shared device', async () => {
    const tablet = await world.people.open(PHONE);
    await sharedDevice(tablet, world.server.url);
    expect(await tablet.getByRole('region', { name: 'Notifications' }).count()).toBe(0);
  });
});
