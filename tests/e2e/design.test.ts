// The look holds for everyone: AA contrast in the light and the dark theme (axe-core), a theme switch
// kept on the device, text at 200 % without sideways scrolling on a phone, tap targets of 44 px, and no
// word of a control or heading broken in the middle.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, PHONE, TABLET } from '../support/browser.js';
import { brokenWords, sidewaysAtDoubleText, smallTargets } from '../support/look.js';
import { seatedPair, sharedDevice, shoot, skipCloseness, startActivity, useBrowserWorld } from '../support/people.js';

const THEMES = ['light', 'dark'] as const;

async function expectContrast(page: Page, screen: string): Promise<void> {
  const violations = (await axeViolations(page)).filter((v) => v.id === 'color-contrast');
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** The page's background as the browser paints it, to tell the themes apart. */
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

describe.runIf(inject('chromium'))('The look in Chromium', () => {
  const world = useBrowserWorld();

  it('the start page and the lobby keep AA contrast in the light and the dark theme, on a phone and a tablet', async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, TABLET]);
    const home = await world.people.open(PHONE);
    await home.goto(world.server.url);
    const screens = [
      ['home', home],
      ['lobby-phone', ada],
      ['lobby-tablet', grace],
    ] as const;
    const painted: Record<string, string> = {};
    for (const theme of THEMES) {
      for (const [name, page] of screens) {
        await page.emulateMedia({ colorScheme: theme });
        await expectContrast(page, `${name} (${theme})`);
        await shoot(page, `design-${name}-${theme}`);
        painted[`${name}-${theme}`] = await background(page);
      }
    }
    expect(painted['home-dark']).not.toBe(painted['home-light']);
    expect(painted['lobby-phone-dark']).not.toBe(painted['lobby-phone-light']);
  });

  it('the theme switch overrides the device setting, and is kept on the device across a reload', async () => {
    const page = await world.people.open(PHONE);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(world.server.url);
    const light = await background(page);
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(() => background(page)).not.toBe(light);
    const dark = await background(page);
    await expectContrast(page, 'home switched to dark');
    await page.reload();
    await page.getByRole('radio', { name: 'Dark' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    expect(await background(page)).toBe(dark);
    await page.getByRole('radio', { name: 'Auto' }).check();
    await expect.poll(() => background(page)).toBe(light);
  });

  it('at 200 % text on a 390 px phone nothing scrolls sideways, and every tap target is at least 44 px', async () => {
    const { ada } = await seatedPair(world, [PHONE, PHONE]);
    const home = await world.people.open(PHONE);
    await home.goto(world.server.url);
    for (const [name, page] of [['home', home], ['lobby', ada]] as const) {
      expect(await sidewaysAtDoubleText(page), `${name} scrolls sideways at 200 %`).toEqual([]);
      expect(await smallTargets(page), `${name}: tap targets under 44 px`).toEqual([]);
    }
  });

  it('on a 390 px phone no button, label or heading breaks a word in the middle', async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, PHONE]);
    const home = await world.people.open(PHONE);
    await home.goto(world.server.url);
    const shared = await world.people.open(PHONE);
    await sharedDevice(shared, world.server.url);
    const screens: [string, Page][] = [['home', home], ['lobby', ada], ['one shared device', shared]];
    for (const [name, page] of screens) expect(await brokenWords(page), `${name}: words broken`).toEqual([]);
    await startActivity('Question Swap', [ada, grace]);
    await skipCloseness(ada);
    await ada.getByRole('heading', { name: 'What are you open to today?' }).waitFor();
    expect(await brokenWords(ada), 'what you are open to: words broken').toEqual([]);
  });
});
