// Closer as an installed app, in Chromium: the manifest and its icons, the service worker that keeps the
// app on the device, the app opening offline with a calm line and nothing typed lost, and the lobby's
// install suggestion (only where the browser offers it, and "Not now" is kept).
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, inject, it } from 'vitest';
import { PHONE, TABLET } from '../support/browser.js';
import { createRoom, expectAccessible, joinByLink, shootBoth, startActivity, useBrowserWorld } from '../support/people.js';
import { toWrittenCard, openTo } from '../support/question-swap-page.js';

const controlled = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller !== null);

describe.runIf(inject('chromium'))('Closer installed on a device, in Chromium', () => {
  const world = useBrowserWorld();

  it('has a manifest named Closer with the app’s colours and icons made from its own mark', async () => {
    const page = await world.people.open(PHONE, { serviceWorker: true });
    await page.goto(world.server.url);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = (await (await fetch(new URL(href!, world.server.url))).json()) as {
      name: string; theme_color: string; background_color: string; scope: string; display: string; handle_links: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Closer', display: 'standalone', scope: '/', handle_links: 'preferred' });
    expect(manifest.theme_color).toBe(await page.locator('meta[name="theme-color"]').getAttribute('content'));
    for (const icon of manifest.icons) {
      const png = PNG.sync.read(Buffer.from(await (await fetch(new URL(icon.src, world.server.url))).arrayBuffer()));
      expect(`${png.width}x${png.height}`).toBe(icon.sizes);
    }
    expect(manifest.icons.map((i) => i.purpose).sort()).toEqual(['any', 'any', 'maskable']);
  });

  it('opens offline from the device, says it waits for the network, and keeps what was typed', { timeout: 90_000 }, async () => {
    const maya = await world.people.open(PHONE, { serviceWorker: true });
    const link = await createRoom(maya, world.server.url, 'Maya');
    const lea = await world.people.open(TABLET, { serviceWorker: true });
    await joinByLink(lea, link, 'Lea');
    await maya.getByRole('heading', { name: 'Maya & Lea' }).waitFor();
    await expect.poll(() => controlled(maya), { timeout: 20_000 }).toBe(true);
    // The lobby has no install suggestion here: headless Chromium makes no install offer, and none is forced.
    expect(await maya.getByRole('region', { name: 'Install Closer' }).count()).toBe(0);

    await startActivity('Question Swap', [maya, lea]);
    for (const page of [maya, lea]) await openTo(page);
    await maya.locator('#card-text').waitFor();
    await toWrittenCard(maya);
    await maya.getByRole('textbox').fill('what I was in the middle of saying');

    await maya.context().setOffline(true);
    await maya.reload();
    await maya.getByText('Waiting for the network. Anything you type stays on this device.').waitFor();
    await expectAccessible(maya, 'offline shell');
    await shootBoth(maya, 'installable-offline');
    // The page's own socket errors while the network is gone are expected here, and only here.
    world.people.problems.splice(0);

    await maya.context().setOffline(false);
    await expect.poll(() => maya.getByRole('textbox').inputValue(), { timeout: 20_000 }).toBe('what I was in the middle of saying');
    expect(await maya.getByText('Waiting for the network.', { exact: false }).count()).toBe(0);
  });

  it('suggests installing in the lobby only when the browser offers it, and "Not now" is remembered', { timeout: 60_000 }, async () => {
    const ada = await world.people.open(PHONE, { serviceWorker: true });
    const link = await createRoom(ada, world.server.url, 'Ada');
    const sam = await world.people.open(PHONE, { serviceWorker: true });
    await joinByLink(sam, link, 'Sam');
    await ada.getByRole('heading', { name: 'Ada & Sam' }).waitFor();
    const offer = () =>
      ada.evaluate(() => {
        const event = new Event('beforeinstallprompt', { cancelable: true });
        Object.assign(event, { prompt: async () => undefined, userChoice: Promise.resolve({ outcome: 'dismissed' }) });
        dispatchEvent(event);
      });
    await offer();
    const suggestion = ada.getByRole('region', { name: 'Install Closer' });
    await suggestion.waitFor();
    await expectAccessible(ada, 'lobby with the install suggestion');
    await shootBoth(ada, 'installable-lobby-suggestion');
    await suggestion.getByRole('button', { name: 'Not now' }).click();
    expect(await suggestion.count()).toBe(0);
    await ada.reload();
    await ada.getByRole('heading', { name: 'Ada & Sam' }).waitFor();
    await offer();
    expect(await ada.getByRole('region', { name: 'Install Closer' }).count()).toBe(0);
  });
});
