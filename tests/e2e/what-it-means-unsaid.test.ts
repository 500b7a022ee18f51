// "What intimacy means to me" in Chromium, issue 12: no default speaks for you. Every rating starts
// empty and can be skipped; the reveal draws, tabulates and asks about only what was given. Also:
// the one still answering hears that the other is ready, each new stage takes focus and is said, and
// leaving the reveal is agreed by both.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { FOUNDATION_WANT } from '../../shared/content/gap-prompts.js';
import { INTIMACY_KINDS } from '../../shared/intimacy.js';
import { PHONE, TABLET } from '../support/browser.js';
import { expectAccessible, handTo, seatedPair, sharedDevice, shoot, shootBoth, skipClosenessInTurn, startActivity, useBrowserWorld } from '../support/people.js';
import { rankAs, writeAndFinish } from '../support/what-it-means-page.js';

const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
const said = (page: Page) => page.locator('[role="status"]').allTextContents();

async function rate(page: Page, foundation: string, which: 'today' | 'how much I want it', score: string): Promise<void> {
  await page.getByRole('radiogroup', { name: `${foundation}: ${which}` }).getByRole('radio', { name: score, exact: true }).check();
}

describe.runIf(inject('chromium'))('What intimacy means to me: nothing is said for you', () => {
  const world = useBrowserWorld();

  it('ratings start empty, a row can be skipped, and the reveal uses only what each gave', async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, TABLET]);
    await startActivity('What intimacy means to me', [ada, grace]);
    for (const page of [ada, grace]) {
      await page.getByRole('heading', { name: 'How close do you feel right now?' }).waitFor();
      await page.getByRole('button', { name: 'Skip' }).click();
    }

    // Ada moves on from the ranking: the foundations take focus and are said; nothing is chosen for her.
    await rankAs(ada, INTIMACY_KINDS);
    await ada.getByRole('heading', { name: 'The foundations' }).waitFor();
    await expect.poll(() => focused(ada)).toBe('The foundations');
    await expect.poll(() => said(ada)).toContain('The foundations');
    expect(await ada.locator('input[type="radio"]:checked').count()).toBe(0);
    await ada.getByText('Being taken as you are, without having to change first.').waitFor();
    await rate(ada, 'Trust', 'today', '5');
    await ada.getByRole('button', { name: /^Rather not say\W+Honesty$/ }).click();
    await ada.getByText("You'd rather not say. That's fine.").waitFor();
    await expectAccessible(ada, 'rate, one row skipped');
    await shoot(ada, 'means-unsaid-rate-phone');
    await writeAndFinish(ada, 'ada');
    await ada.getByText('Waiting for Grace to finish').waitFor();
    await expect.poll(() => focused(ada)).toBe('Thank you');

    // Grace, still answering, is told Ada is ready, and takes her time.
    await grace.getByText('Ada is ready to see both side by side. Take your time.').waitFor();
    await rankAs(grace, INTIMACY_KINDS);
    await rate(grace, 'Trust', 'today', '5');
    await rate(grace, 'Trust', 'how much I want it', '5');
    await rate(grace, 'Honesty', 'today', '2');
    await rate(grace, 'Honesty', 'how much I want it', '4');
    await expectAccessible(grace, 'rate');
    await shoot(grace, 'means-unsaid-rate-tablet');
    // Each sentence is optional: Next waits, and says why, only until one is finished.
    await grace.getByRole('button', { name: 'Next: three sentences' }).click();
    await grace.getByRole('heading', { name: 'Finish up to three sentences' }).waitFor();
    const next = grace.getByRole('button', { name: 'Next', exact: true });
    expect(await next.isDisabled()).toBe(true);
    await grace.getByText('Finish at least one sentence to go on.').waitFor();
    await expectAccessible(grace, 'sentences, none finished');
    await shootBoth(grace, 'means-no-sentence');
    await grace.getByRole('textbox').nth(1).fill('only the second, grace');
    await expect.poll(() => next.isDisabled()).toBe(false);
    expect(await grace.getByText('Finish at least one sentence to go on.').count()).toBe(0);
    await shoot(grace, 'means-one-sentence-tablet');
    await next.click();
    await grace.getByRole('button', { name: "I'm done" }).click();

    // The reveal: Ada's unsaid wish for trust is not drawn, not a number, and not a conflict.
    for (const page of [ada, grace]) await page.getByRole('heading', { name: 'Worth talking about' }).waitFor();
    await expect.poll(() => focused(ada)).toBe('What matters most');
    await expect.poll(() => said(ada)).toContain('Both answers are here, side by side.');
    expect(await ada.locator('svg[role="img"] circle').count()).toBe(5);
    expect(await ada.locator('.gaps li p').allTextContents()).toEqual([FOUNDATION_WANT.honesty]);
    // Grace's one sentence sits beside Ada's first; the rows only Ada wrote show Ada's alone.
    const own = ada.getByRole('region', { name: 'In your own words' });
    await own.getByText('only the second, grace').waitFor();
    expect(await own.locator('p strong', { hasText: 'Grace:' }).count()).toBe(1);
    expect(await own.locator('p strong', { hasText: 'Ada:' }).count()).toBe(3);
    for (const page of [ada, grace]) {
      await page.getByText('The numbers as a table').click();
      const row = (name: string) => page.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell');
      expect(await row('Trust').allTextContents()).toEqual(['5 → not said', '5 → 5']);
      expect(await row('Honesty').allTextContents()).toEqual(['not said', '2 → 4']);
      expect(await row('Safety').allTextContents()).toEqual(['not said', 'not said']);
    }
    await expectAccessible(ada, 'reveal with unsaid ratings');
    await shoot(ada, 'means-unsaid-reveal-phone');
    await shoot(grace, 'means-unsaid-reveal-tablet');

    // Leaving the reveal is agreed: Ada waits for Grace, who is still reading, and is told.
    await ada.getByRole('button', { name: "We're done — back to the lobby" }).click();
    await ada.getByText("You're ready to go back to the lobby. Waiting for Grace…").waitFor();
    await expect.poll(() => focused(ada)).toBe("You're ready to go back to the lobby. Waiting for Grace…");
    await expect.poll(() => said(ada)).toContain('Waiting for Grace.');
    await grace.getByText('Ada is ready to go back to the lobby — whenever you are.').waitFor();
    await grace.getByRole('heading', { name: 'Worth talking about' }).waitFor();
    await expectAccessible(grace, 'the other is ready to leave');
    await shoot(ada, 'means-leave-waiting-phone');
    await shoot(grace, 'means-leave-asked-tablet');
    await grace.getByRole('button', { name: "We're done — back to the lobby" }).click();
    for (const page of [ada, grace]) await page.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
  });

  it('one shared device: each answers in turn, and one tap leaves the reveal for both', async () => {
    const tablet = await world.people.open(TABLET);
    await sharedDevice(tablet, world.server.url);
    await startActivity('What intimacy means to me', [tablet, tablet], ['Ada is ready', 'Grace is ready']);
    await skipClosenessInTurn(tablet);
    for (const name of ['Ada', 'Grace']) {
      await handTo(tablet, name);
      await rankAs(tablet, INTIMACY_KINDS);
      expect(await tablet.locator('input[type="radio"]:checked').count()).toBe(0);
      await rate(tablet, 'Safety', 'today', name === 'Ada' ? '2' : '4');
      await writeAndFinish(tablet, name);
    }
    await tablet.getByRole('heading', { name: 'Worth talking about' }).waitFor();
    expect(await tablet.getByText(/is ready to go back to the lobby/).count()).toBe(0);
    await shoot(tablet, 'means-shared-reveal-tablet');
    await tablet.getByRole('button', { name: "We're done — back to the lobby" }).click();
    await tablet.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
  });
});
