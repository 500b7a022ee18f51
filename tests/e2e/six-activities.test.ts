// The lobby offers every activity in the catalog (seven with Fast friends; an eighth would be checked too),
// readable on a phone and a tablet; and a Check-in day and a round of 20 Questions, starred on one device,
// read back on the other's Memories screen under the activity's title, their words opened in the browser.
// (Question Swap, Plan together, What intimacy means to me and Appreciations read their stars back in
// their own e2e tests.)
import { describe, expect, inject, it } from 'vitest';
import { ACTIVITY_LIST } from '../../shared/activities/catalog.js';
import { PHONE, TABLET } from '../support/browser.js';
import { expectAccessible, seatedPair, shoot, startActivity, useBrowserWorld } from '../support/people.js';

describe.runIf(inject('chromium'))('All the activities in Chromium', () => {
  const world = useBrowserWorld();

  it('the lobby lists every activity in the catalog, axe-clean, and fits a phone without sideways scroll', async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, TABLET]);
    expect(ACTIVITY_LIST.length).toBeGreaterThanOrEqual(7);
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
    await kept.getByText(/ · Check-in$/).waitFor();
    for (const words of [`${canary}-ada-high`, `${canary}-grace-low`]) await kept.getByText(words, { exact: false }).waitFor();
    await expectAccessible(grace, 'Memories with a check-in');
    await shoot(grace, 'six-memories-check-in-phone');
  });

  it('20 Questions: a starred round reads back on the Memories screen with the thing, under "20 Questions"', async () => {
    const thing = `Lighthouse${Date.now().toString(36)}`;
    const { ada, grace } = await seatedPair(world);
    await startActivity('20 Questions', [ada, grace]);
    for (const page of [ada, grace]) {
      await page.getByRole('heading', { name: 'How close do you feel right now?' }).waitFor();
      await page.getByRole('button', { name: 'Skip' }).click();
    }
    const heading = /Think of something for (Ada|Grace) to guess/;
    await expect.poll(async () => (await ada.getByRole('heading', { name: heading }).count()) + (await grace.getByRole('heading', { name: heading }).count())).toBe(1);
    const [thinker, asker] = (await ada.getByRole('heading', { name: heading }).count()) === 1 ? [ada, grace] : [grace, ada];
    await thinker.getByRole('radio', { name: 'Anything you like' }).check();
    await thinker.getByLabel('What are you thinking of?').fill(thing);
    await thinker.getByRole('button', { name: "That's my thing" }).click();
    await asker.getByLabel('Your guess').fill('a lighthouse');
    await asker.getByRole('button', { name: 'Guess', exact: true }).click();
    await thinker.getByRole('button', { name: "Yes, that's it!" }).click();
    await asker.getByRole('heading', { name: 'You guessed it!' }).waitFor();
    await asker.getByRole('button', { name: '☆ Keep in Memories' }).click();
    await asker.getByRole('button', { name: '★ Kept in Memories', pressed: true }).waitFor();
    await asker.getByRole('button', { name: 'Back to the lobby', exact: true }).click();
    await asker.getByRole('button', { name: 'End for both' }).click();

    await thinker.getByRole('button', { name: 'Open Memories (1)' }).click();
    await thinker.getByRole('heading', { name: 'Memories', level: 1 }).waitFor();
    const kept = thinker.getByRole('listitem').filter({ hasText: thing });
    await kept.getByText(/ · 20 Questions$/).waitFor();
    await kept.getByRole('heading', { name: /20 Questions/ }).waitFor();
    await expectAccessible(thinker, 'Memories with a round of 20 Questions');
    await shoot(thinker, 'six-memories-tq-phone');
  });
});
