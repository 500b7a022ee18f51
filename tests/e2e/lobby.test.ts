// The lobby as a couple meets it (issue 15): every activity in the catalog as a card with its drawing,
// line, duration and whom it suits; suggesting is saying "I'm ready", so the suggester sees "Waiting for
// Grace…" (and can take it back) while Grace sees it at the top of her lobby and starts it with one tap,
// or asks for something else; on one shared device each says they are ready. axe-clean throughout, in
// the light and the dark theme; the screenshots of the final lobby are copied to docs/design/.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ACTIVITY_LIST } from '../../shared/activities/catalog.js';
import { PHONE, TABLET } from '../support/browser.js';
import { acceptSuggestion, expectAccessible, handTo, seatedPair, sharedDevice, shoot, SHOTS, startActivity, useBrowserWorld } from '../support/people.js';
import { openTo } from '../support/question-swap-page.js';

const THEMES = ['light', 'dark'] as const;

/**
 * Light and dark at the page's own size, axe-checked in each: the whole page, and with `view` also the
 * screen as held, scrolled to that part (the pictures in docs/design/ are copied from these).
 */
async function shootThemes(page: Page, name: string, view?: Locator): Promise<void> {
  await page.mouse.move(0, 0); // a hover is the mouse's, not the page's
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await expectAccessible(page, `${name} (${theme})`);
    await shoot(page, `${name}-${theme}`);
    if (view) {
      await view.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: `${SHOTS}/${name}-view-${theme}.png` });
      await page.evaluate(() => window.scrollTo(0, 0));
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const card = (page: Page, title: string) => page.locator('article.activity', { has: page.getByRole('heading', { name: title, exact: true }) });

describe.runIf(inject('chromium'))('The lobby in Chromium', () => {
  const world = useBrowserWorld();

  it('shows each activity as a card with its line, duration and whom it suits, and a Suggest button that says what it is for', async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, TABLET]);
    for (const page of [ada, grace]) {
      const region = page.getByRole('region', { name: 'Activities' });
      await region.getByText('Grace sees your suggestion and can start it with you.').or(region.getByText('Ada sees your suggestion and can start it with you.')).waitFor();
      for (const activity of ACTIVITY_LIST) {
        const article = card(page, activity.title);
        await article.getByText(activity.line).waitFor();
        await article.getByText(`${activity.minutes[0]}–${activity.minutes[1]} min`).waitFor();
        expect(await article.getByText(/^Good for /).textContent()).toMatch(/^Good for \S/);
        expect(await article.locator('.icon svg').count()).toBe(1);
        await article.getByRole('button', { name: `Suggest ${activity.title}`, exact: true }).waitFor();
      }
    }
    // Memories are one tap from the top, with how many there are.
    await ada.getByRole('button', { name: 'Memories none yet' }).waitFor();
    // A calm list on a phone: options are folded on their card (closed, the choice said in one line).
    const options = card(ada, 'Question Swap').locator('details.options');
    expect(await options.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    expect(await options.locator('summary').textContent()).toMatch(/^Options\s+8 cards · written$/);
    expect(await ada.getByRole('button', { name: 'One card more' }).isVisible()).toBe(false);
    await shootThemes(ada, 'lobby-phone');
    await shootThemes(grace, 'lobby-tablet');
    // Was 3,773 px with the options open; now seven short cards (line, facts and button side by side).
    expect(await ada.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(3_150);
  });

  it('on two devices: the suggester waits (and can take it back), the other sees it at the top, asks for something else, or starts it', async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, TABLET]);
    await card(ada, 'Appreciations').getByRole('button', { name: 'Suggest Appreciations' }).click();
    // Ada: the card itself says what happens next, and no "I'm ready" is asked of her.
    await card(ada, 'Appreciations').getByRole('status').getByText('Waiting for Grace…').waitFor();
    expect(await ada.getByRole('button', { name: "I'm ready" }).count()).toBe(0);
    // The tapped button is gone; the focus stays on the card (a keyboard or screen reader is not lost).
    await expect.poll(() => card(ada, 'Appreciations').evaluate((el) => el.contains(document.activeElement))).toBe(true);
    // Grace: the suggestion stands out at the top, above the list, with Start and Something else.
    const suggestion = grace.getByRole('region', { name: 'Ada suggested Appreciations' });
    await suggestion.waitFor();
    const [top, list] = await Promise.all([suggestion.boundingBox(), grace.getByRole('region', { name: 'Activities' }).boundingBox()]);
    expect(top!.y).toBeLessThan(list!.y);
    await suggestion.getByRole('button', { name: 'Something else' }).waitFor();
    await card(grace, 'Appreciations').getByText('Ada suggested this').waitFor();
    await shootThemes(ada, 'lobby-waiting-phone', card(ada, 'Appreciations'));
    await shootThemes(grace, 'lobby-suggested-tablet');
    await grace.setViewportSize(PHONE);
    await shootThemes(grace, 'lobby-suggested-phone', suggestion);

    // Ada takes it back: Grace's highlighted card goes, and Ada's card offers Suggest again.
    await card(ada, 'Appreciations').getByRole('button', { name: 'Take it back' }).click();
    await suggestion.waitFor({ state: 'detached' });
    await card(ada, 'Appreciations').getByRole('button', { name: 'Suggest Appreciations' }).waitFor();

    // Grace suggests; Ada asks for something else, and Grace is told so, kindly.
    await card(grace, 'Check-in').getByRole('button', { name: 'Suggest Check-in' }).click();
    await ada.getByRole('region', { name: 'Grace suggested Check-in' }).getByRole('button', { name: 'Something else' }).click();
    await grace.getByText('Ada would rather do something else for now.').waitFor();
    expect(await ada.getByText(/would rather do something else/).count()).toBe(0);

    // Ada suggests 20 Questions; Grace starts it with one tap, and both are in it.
    await card(ada, '20 Questions').getByRole('button', { name: 'Suggest 20 Questions' }).click();
    await ada.getByText('Waiting for Grace…').waitFor();
    await acceptSuggestion(grace, '20 Questions');
    for (const page of [ada, grace]) await page.getByRole('heading', { name: 'How close do you feel right now?' }).waitFor();
    await expectAccessible(grace, 'the activity started from the suggestion');
  });

  it('on one shared device: "Start" (both are there) asks each to say they are ready, and it starts when both have', async () => {
    const tablet = await world.people.open(TABLET);
    await sharedDevice(tablet, world.server.url);
    expect(await tablet.getByRole('region', { name: 'Activities' }).getByRole('button', { name: /^Suggest/ }).count()).toBe(0);
    await card(tablet, 'Question Swap').getByRole('button', { name: 'Start Question Swap' }).click();
    const swap = card(tablet, 'Question Swap');
    await swap.getByText('Each of you, tap when you are ready.').waitFor();
    // Nobody on the device is counted as ready until they say so, and no top card claims one suggested it.
    expect(await tablet.getByRole('region', { name: / suggested / }).count()).toBe(0);
    await swap.getByRole('button', { name: 'Ada is ready' }).click();
    await swap.getByText('Ada is ready', { exact: false }).first().waitFor();
    await swap.getByRole('button', { name: 'Grace is ready' }).waitFor();
    await shootThemes(tablet, 'lobby-shared-tablet', swap);
    await swap.getByRole('button', { name: 'Grace is ready' }).click();
    await handTo(tablet, 'Ada');
    await expectAccessible(tablet, 'the shared device after both were ready');
  });

  it('a game left mid-way waits under "Where you left off"; picking it up is suggested and started the same way', async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, TABLET]);
    await startActivity('Question Swap', [ada, grace]);
    for (const page of [ada, grace]) {
      await page.getByRole('button', { name: '5 of 7' }).click();
      await openTo(page);
    }
    await ada.locator('#card-text').waitFor();
    await grace.getByRole('button', { name: 'End game' }).click();
    await grace.getByRole('button', { name: 'End for both' }).click();
    for (const page of [ada, grace]) await page.getByRole('button', { name: 'Skip' }).click();
    const kept = ada.getByRole('list', { name: 'Where you left off' });
    await kept.getByRole('button', { name: 'Pick up Question Swap where you left it (card 1 of 8)' }).waitFor();
    await shootThemes(ada, 'lobby-kept-phone', kept);
    await kept.getByRole('button', { name: /^Pick up Question Swap/ }).click();
    await kept.getByText('Waiting for Grace…').waitFor();
    await grace.getByRole('region', { name: 'Ada suggested picking Question Swap up again' }).waitFor();
    await grace.getByRole('list', { name: 'Where you left off' }).getByText('Ada suggested picking this up').waitFor();
    await acceptSuggestion(grace, 'Question Swap');
    for (const page of [ada, grace]) await page.getByText('Card 1 of 8').waitFor();
  });

  it('the closeness question has its two ends named and nothing looks chosen before a tap', async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, TABLET]);
    await card(ada, 'Appreciations').getByRole('button', { name: 'Suggest Appreciations' }).click();
    await acceptSuggestion(grace, 'Appreciations');
    for (const page of [ada, grace]) {
      const question = page.getByRole('region', { name: 'How close do you feel right now?' });
      await question.getByText('Far apart').waitFor();
      await question.getByText('Very close').waitFor();
      // Every picture is drawn alike: the same border, the same background, none pressed or focused
      // (the mouse moved off them: a hover is a mouse's own, shown only where one is).
      await page.mouse.move(0, 0);
      const looks = await question.getByRole('button', { name: /of 7/ }).evaluateAll((buttons) =>
        buttons.map((b) => {
          const style = getComputedStyle(b);
          return `${style.borderColor} ${style.backgroundColor} ${b.getAttribute('aria-pressed')} ${document.activeElement === b}`;
        }),
      );
      expect(looks).toHaveLength(7);
      expect(new Set(looks).size).toBe(1);
    }
    await shootThemes(ada, 'lobby-closeness-phone');
    await shootThemes(grace, 'lobby-closeness-tablet');
  });
});

