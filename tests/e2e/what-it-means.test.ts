// "What intimacy means to me" in Chromium: nothing starts ranked; one person ranks by keyboard only, the other by dragging;
// nothing is shown before both finish; then rankings, chart, gaps and sentences side by side.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PHONE, TABLET } from '../support/browser.js';
import { expectAccessible, seatedPair, shoot, startActivity, useBrowserWorld } from '../support/people.js';
import { writeAndFinish } from '../support/what-it-means-page.js';

const ranking = (page: Page) => page.locator('.ranking .handle strong').allTextContents();

async function rateAndWrite(page: Page, words: string, today: string): Promise<void> {
  await page.getByRole('heading', { name: 'The foundations' }).waitFor();
  await page.getByRole('radiogroup', { name: 'Trust: today' }).getByRole('radio', { name: today, exact: true }).check();
  await page.getByRole('radiogroup', { name: 'Affection: how much I want it' }).getByRole('radio', { name: '5', exact: true }).check();
  await writeAndFinish(page, words);
}

describe.runIf(inject('chromium'))('What intimacy means to me, in Chromium', () => {
  const world = useBrowserWorld();

  it('closeness before, keyboard-only and drag ranking, hidden until both finish, side by side with gaps, closeness after', async () => {
    const { ada, grace, toGrace } = await seatedPair(world, [PHONE, TABLET]);
    await startActivity('What intimacy means to me', [ada, grace]);

    // Closeness circles before starting: private until both answer, then side by side.
    await ada.getByRole('heading', { name: 'How close do you feel right now?' }).waitFor();
    await expectAccessible(ada, 'closeness question');
    await shoot(ada, 'closeness-before-phone');
    await ada.getByRole('button', { name: '3 of 7' }).click();
    await ada.getByText('your answer is in').waitFor();
    expect(await grace.getByText('3 of 7', { exact: true }).count()).toBe(0);
    await grace.getByRole('button', { name: '5 of 7' }).click();
    for (const page of [ada, grace]) await page.getByRole('region', { name: 'How close you both feel' }).getByText('5 of 7').waitFor();

    // Nothing starts ranked: Next waits, and says why, until Ada has placed all five herself.
    await ada.getByRole('heading', { name: 'What matters most to you now?' }).waitFor();
    const next = ada.getByRole('button', { name: 'Next: the foundations' });
    expect(await ranking(ada)).toEqual([]);
    expect(await next.isDisabled()).toBe(true);
    await ada.getByText('Tap all five in your order to go on.').waitFor();
    await expectAccessible(ada, 'rank, nothing placed');
    await shoot(ada, 'means-rank-empty-phone');

    // Ada, keyboard only: Enter places the focused kind, and focus goes on to the next still to place.
    await ada.getByRole('list', { name: 'Still to place' }).getByRole('button').first().focus();
    for (let i = 0; i < 4; i++) await ada.keyboard.press('Enter');
    await ada.getByText('Tap the last one to go on.').waitFor();
    expect(await next.isDisabled()).toBe(true);
    await ada.keyboard.press('Enter');
    expect(await ranking(ada)).toEqual(['Emotional', 'Intellectual', 'Physical', 'Experiential', 'Spiritual']);
    await expectAccessible(ada, 'rank');
    await shoot(ada, 'means-rank-phone');
    // Then Tab to "Spiritual" and move it with the arrow keys.
    const spiritual = ada.locator('.handle', { hasText: 'Spiritual' });
    await spiritual.focus();
    for (let i = 0; i < 4; i++) await ada.keyboard.press('ArrowUp');
    expect((await ranking(ada))[0]).toBe('Spiritual');
    await ada.keyboard.press('ArrowDown');
    expect((await ranking(ada)).slice(0, 2)).toEqual(['Emotional', 'Spiritual']);
    await expect.poll(() => ada.getByRole('status').filter({ hasText: 'Spiritual, now number 2 of 5' }).count()).toBe(1);
    await next.focus();
    await ada.keyboard.press('Enter');
    await expectAccessible(ada, 'rate');
    await rateAndWrite(ada, 'ada-canary', '1');
    await ada.getByText('Waiting for Grace to finish').waitFor();

    // Grace taps Intellectual first, starts again, taps all five, and drags "Physical" to the top.
    const toPlace = (kind: string) => grace.getByRole('list', { name: 'Still to place' }).getByRole('button', { name: new RegExp(`^${kind}`) });
    await toPlace('Intellectual').click();
    expect(await ranking(grace)).toEqual(['Intellectual']);
    await grace.getByRole('button', { name: 'Start again' }).click();
    expect(await ranking(grace)).toEqual([]);
    for (const kind of ['Emotional', 'Intellectual', 'Physical', 'Experiential', 'Spiritual']) await toPlace(kind).click();
    await grace.locator('.handle', { hasText: 'Physical' }).dragTo(grace.locator('.handle', { hasText: 'Emotional' }));
    expect((await ranking(grace))[0]).toBe('Physical');
    await grace.getByRole('button', { name: 'Next: the foundations' }).click();
    expect(toGrace.join('\n')).not.toContain('ada-canary');
    expect(await grace.textContent('body')).not.toContain('ada-canary');
    await rateAndWrite(grace, 'grace-words', '5');

    // Both see everything side by side, and the gaps as questions.
    for (const page of [ada, grace]) {
      await page.getByRole('heading', { name: 'Worth talking about' }).waitFor();
      await page.getByText('ada-canary 1').waitFor();
      await page.getByText('grace-words 1').waitFor();
    }
    expect(await ada.locator('.gaps li').count()).toBe(3);
    expect(await ada.locator('svg[role="img"] circle').count()).toBe(4);
    await ada.getByText('The numbers as a table').click();
    expect(await ada.getByRole('table').getByRole('row').count()).toBe(8);
    await expectAccessible(ada, 'reveal');
    await shoot(ada, 'means-reveal-phone');
    await shoot(grace, 'means-reveal-tablet');
    await grace.getByRole('button', { name: 'Keep in Memories: sentence 1' }).click();
    await grace.getByRole('button', { name: 'Back to the lobby', exact: true }).click();
    await grace.getByRole('button', { name: 'End for both' }).click();
    await ada.getByRole('heading', { name: 'Memories' }).waitFor();
    await ada.getByText(/ada-canary 1/).first().waitFor();

    // And after: the lobby asks again, and the history chart shows both answers over time.
    await ada.getByRole('heading', { name: 'How close do you feel after that?' }).waitFor();
    await ada.getByRole('button', { name: '6 of 7' }).click();
    await grace.getByRole('button', { name: 'Skip' }).click();
    await ada.getByRole('heading', { name: "How close you've felt" }).waitFor();
    await ada.getByText('Each answer').click();
    await ada.getByText('after: Ada 6, Grace skipped').waitFor();
    await expectAccessible(ada, 'lobby with closeness history');
    await shoot(ada, 'closeness-history-phone');
    await shoot(grace, 'closeness-history-tablet');

    // The Memories screen: newest first, both names, a date; save as text, print cleanly, remove.
    await grace.getByRole('button', { name: 'Open Memories (1)' }).click();
    await grace.getByRole('heading', { name: 'Memories', level: 1 }).waitFor();
    await grace.locator('.said .who', { hasText: 'Grace' }).first().waitFor();
    await expectAccessible(grace, 'memories');
    await shoot(grace, 'memories-tablet');
    const [file] = await Promise.all([grace.waitForEvent('download'), grace.getByRole('button', { name: 'Download as text' }).click()]);
    const markdown = readFileSync((await file.path())!, 'utf8');
    expect(markdown).toContain('**Ada:** The moments');
    expect(markdown).toContain('grace-words 1');
    await grace.emulateMedia({ media: 'print' });
    expect(await grace.getByRole('button', { name: 'Download as text' }).isVisible()).toBe(false);
    await shoot(grace, 'memories-print-tablet');
    await grace.emulateMedia({ media: 'screen' });
    await grace.getByRole('button', { name: /Remove “Sentences we finished”/ }).click();
    await grace.getByText('Nothing kept yet').waitFor();
    await grace.getByRole('button', { name: 'Back to the lobby' }).click();
    await expect.poll(() => ada.getByRole('heading', { name: 'Memories' }).count()).toBe(0);
  });

  it('the ranking’s ↑ ↓ buttons are 44 px targets on a phone and a tablet', async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, TABLET]);
    await startActivity('What intimacy means to me', [ada, grace]);
    for (const page of [ada, grace]) {
      await page.getByRole('button', { name: 'Skip' }).click();
      await page.getByRole('heading', { name: 'What matters most to you now?' }).waitFor();
      for (let i = 0; i < 5; i++) await page.getByRole('list', { name: 'Still to place' }).getByRole('button').first().click();
      const sizes = await page.locator('.ranking .buttons button').evaluateAll((bs) => bs.map((b) => Math.min(b.getBoundingClientRect().width, b.getBoundingClientRect().height)));
      expect(sizes).toHaveLength(10);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(44);
    }
    await shoot(ada, 'means-rank-targets-phone');
    await shoot(grace, 'means-rank-targets-tablet');
  });
});
