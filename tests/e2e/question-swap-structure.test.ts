// Question Swap's structure in Chromium, on two devices and on one shared device: how many cards (and
// later the closing note, wildcards, favourites, custom cards and Fast friends).
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PHONE, TABLET } from '../support/browser.js';
import { expectAccessible, handTo, seatedPair, sharedDevice, shootBoth, skipClosenessInTurn, startActivity, useBrowserWorld } from '../support/people.js';

const progress = (page: Page) => page.locator('.progress-line').textContent();

/** Taps the deck-length stepper until it shows `cards`. */
async function chooseCards(page: Page, cards: number): Promise<void> {
  const shown = async () => Number((await page.locator('.deck-length output strong').textContent()) ?? 0);
  for (let i = 0; i < 20 && (await shown()) !== cards; i++) {
    await page.getByRole('button', { name: (await shown()) > cards ? 'One card fewer' : 'One card more' }).click();
  }
  expect(await shown()).toBe(cards);
}

describe.runIf(inject('chromium'))('Question Swap structure in Chromium', () => {
  const world = useBrowserWorld();

  it('two devices: the one suggesting chooses how many cards, and both play that many', async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, TABLET]);
    await ada.getByRole('button', { name: 'One card fewer' }).waitFor();
    await chooseCards(ada, 3);
    await expect.poll(() => ada.getByRole('button', { name: 'One card fewer' }).isDisabled()).toBe(true);
    await expectAccessible(ada, 'lobby with deck length');
    await ada.locator('.deck-length').scrollIntoViewIfNeeded();
    await shootBoth(ada, 'qs-deck-length');
    await startActivity('Question Swap', [ada, grace]);
    for (const page of [ada, grace]) await page.getByRole('button', { name: 'Skip' }).click();
    for (const page of [ada, grace]) await page.getByRole('button', { name: 'Done' }).click();
    for (const page of [ada, grace]) await expect.poll(() => progress(page)).toMatch(/^Card 1 of 3 · /);
  });

  it('one shared device: fifteen cards chosen on the tablet', async () => {
    const tablet = await world.people.open(TABLET);
    await sharedDevice(tablet, world.server.url);
    await chooseCards(tablet, 15);
    await expect.poll(() => tablet.getByRole('button', { name: 'One card more' }).isDisabled()).toBe(true);
    await startActivity('Question Swap', [tablet, tablet], ['Ada is ready', 'Grace is ready']);
    await skipClosenessInTurn(tablet);
    for (const name of ['Ada', 'Grace']) {
      await handTo(tablet, name);
      await tablet.getByRole('button', { name: 'Done' }).click();
    }
    await expect.poll(() => progress(tablet)).toMatch(/^Card 1 of 15 · /);
  });
});
