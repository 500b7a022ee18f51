// The lobby offers every activity in the catalog (six since issue 14; a seventh would be checked too),
// readable on a phone and a tablet; and a Check-in day starred on one device reads back on the Memories
// screen under its activity's title, with both people's words opened in the browser.
import { describe, expect, inject, it } from 'vitest';
import { ACTIVITY_LIST } from '../../shared/activities/catalog.js';
import { PHONE, TABLET } from '../support/browser.js';
import { expectAccessible, seatedPair, shoot, startActivity, useBrowserWorld } from '../support/people.js';

describe.runIf(inject('chromium'))('All the activities in Chromium', () => {
  const world = useBrowserWorld();

  it('the lobby lists every activity in the catalog, axe-clean, and fits a phone without sideways scroll', async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, TABLET]);
    expect(ACTIVITY_LIST.length).toBeGreaterThanOrEqual(6);
    for (const page of [ada, grace]) {
      const region = page.getByRole('region', { name: 'Activities' });
      await region.waitFor();
      const titles = await region.getByRole('heading', { level: 3 }).allTextContents();
      expect(titles.map((t) => t.trim())).toEqual(ACTIVITY_LIST.map((a) => a.title));
      for (const activity of ACTIVITY_LIST) await region.getByRole('button', { name: `Suggest ${activity.title}` }).waitFor();
    }
    await expectAccessible(ada, 'lobby with every activity (phone)');
    await expectAccessible(grace, 'lobby with every activity (tablet)');
    await shoot(ada, 'six-lobby-phone');
    await shoot(grace, 'six-lobby-tablet');
    // On the phone: nothing scrolls sideways, and no card's heading, line or button is wider than its box.
    const widths = await ada.evaluate(() => ({
      scroll: document.scrollingElement!.scrollWidth,
      overflowing: [...document.querySelectorAll('article.activity, article.activity *')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline')
        .map((el) => `${el.tagName}: ${el.textContent?.slice(0, 40)}`),
    }));
    expect(widths.scroll).toBeLessThanOrEqual(PHONE.width);
    expect(widths.overflowing).toEqual([]);
  });

  it('Check-in: a starred day reads back on the Memories screen under "Check-in", with both people\'s words', async () => {
    const canary = `Canary${Date.now().toString(36)}`;
    const { ada, grace } = await seatedPair(world);
    await startActivity('Check-in', [ada, grace]);
    for (const [page, name] of [[ada, 'ada'], [grace, 'grace']] as const) {
      await page.getByRole('heading', { name: 'How close do you feel right now?' }).waitFor();
      await page.getByRole('button', { name: 'Skip' }).click();
      await page.getByRole('heading', { name: "Today's check-in" }).waitFor();
      await page.getByRole('radio', { name: /^Good/ }).check();
      await page.getByLabel('A high').fill(`${canary}-${name}-high`);
      await page.getByLabel('A low').fill(`${canary}-${name}-low`);
      await page.getByRole('button', { name: 'Check in' }).click();
    }
    await grace.getByRole('heading', { name: /^Today, / }).waitFor();
    await grace.getByRole('button', { name: /Keep in Memories/ }).click();
    await grace.getByRole('button', { name: /In Memories/ }).waitFor();
    await ada.getByRole('button', { name: 'End', exact: true }).click();
    await ada.getByRole('button', { name: 'End for both' }).click();

    await grace.getByRole('button', { name: 'Open Memories (1)' }).click();
    await grace.getByRole('heading', { name: 'Memories', level: 1 }).waitFor();
    const kept = grace.getByRole('listitem').filter({ has: grace.getByRole('heading', { name: /^Check-in, / }) });
    await kept.waitFor();
    for (const words of [`${canary}-ada-high`, `${canary}-grace-low`]) await kept.getByText(words, { exact: false }).waitFor();
    await expectAccessible(grace, 'Memories with a check-in');
    await shoot(grace, 'six-memories-check-in-phone');
  });
});
