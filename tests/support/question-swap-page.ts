// Playing Question Swap in a page, as a person would: shared by the browser suites.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const cardText = (page: Page) => page.locator('#card-text').textContent();

/** Answers whatever card is on the table, as a person would. */
export async function answer(page: Page, words: string): Promise<void> {
  const mine = page.getByRole('group', { name: 'Your answer' });
  const guess = page.getByRole('group', { name: /Your guess for/ });
  const pickOne = page.getByRole('group', { name: 'Pick one' });
  if (await guess.count()) {
    await mine.getByRole('radio').first().check();
    await guess.getByRole('radio').first().check();
  } else if (await pickOne.count()) {
    await pickOne.getByRole('radio').first().check();
  }
  const text = page.getByRole('textbox');
  if (await text.count()) await text.fill(words);
  await page.getByRole('button', { name: 'Send answer' }).click();
}

/** On two devices: the first to answer waits, the second sees the reveal at once. */
export async function answered(page: Page): Promise<void> {
  await page.getByText('Your answer is in').or(page.getByRole('button', { name: 'Next card' })).waitFor();
}

/**
 * Passes until a card that takes words alone is on the table: guess cards have no text box, and a
 * "would you rather" card has one (an optional why) but cannot be sent without picking an option.
 */
export async function toWrittenCard(page: Page, pass = page): Promise<void> {
  const wordsAlone = async () => (await page.getByRole('textbox').count()) > 0 && (await page.getByRole('radio').count()) === 0;
  for (let i = 0; i < 40 && !(await wordsAlone()); i++) {
    const before = await cardText(page);
    await pass.getByRole('button', { name: 'Pass this card' }).click();
    await expect.poll(() => cardText(page)).not.toBe(before);
  }
}

/** Opens Question Swap's "Options" on its lobby card (closed by default), if it is not open already. */
export async function openOptions(page: Page): Promise<void> {
  const options = page.getByRole('article', { name: 'Question Swap' }).locator('details.options');
  if (!(await options.evaluate((el) => (el as HTMLDetailsElement).open))) await options.locator('summary').click();
}

/** Taps the deck-length stepper (while suggesting Question Swap) until it shows `cards`. */
export async function chooseCards(page: Page, cards: number): Promise<void> {
  await openOptions(page);
  const shown = async () => Number((await page.locator('.deck-length output strong').textContent()) ?? 0);
  for (let i = 0; i < 20 && (await shown()) !== cards; i++) {
    await page.getByRole('button', { name: (await shown()) > cards ? 'One card fewer' : 'One card more' }).click();
  }
  expect(await shown()).toBe(cards);
}

/**
 * Says on "What are you open to today?" what this person is open to, as a person must: nothing starts
 * chosen, so the kinds (all five unless told) and the depth are tapped, then Done.
 */
export async function openTo(page: Page, depth: 'Light' | 'Personal' | 'Deep' = 'Personal', kinds: readonly string[] | 'all' = 'all'): Promise<void> {
  await page.getByRole('heading', { name: 'What are you open to today?' }).waitFor();
  if (kinds === 'all') await page.getByRole('button', { name: 'All five kinds' }).click();
  else for (const kind of kinds) await page.getByRole('checkbox', { name: new RegExp(kind) }).check();
  await page.getByRole('radio', { name: depth, exact: true }).check();
  await page.getByRole('button', { name: 'Done' }).click();
}
