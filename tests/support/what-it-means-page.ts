// What a person does on the "What intimacy means to me" screens, shared by its browser tests.
import type { Page } from 'playwright-core';
import type { Ratings } from '../../shared/activities/what-it-means/answers.js';
import { FOUNDATION_LABELS, FOUNDATIONS, KIND_LABELS, type IntimacyKind } from '../../shared/intimacy.js';

/** From the foundations on: three sentences written with these words, then "I'm done". */
export async function writeAndFinish(page: Page, words: string): Promise<void> {
  await page.getByRole('button', { name: 'Next: three sentences' }).click();
  await page.getByRole('heading', { name: 'Finish up to three sentences' }).waitFor();
  for (const [i, box] of (await page.getByRole('textbox').all()).entries()) await box.fill(`${words} ${i + 1}`);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: "I'm done" }).click();
}

/** On the ranking: taps the kinds in this order (nothing starts ranked), then goes on to the foundations. */
export async function rankAs(page: Page, order: readonly IntimacyKind[]): Promise<void> {
  await page.getByRole('heading', { name: 'What matters most to you now?' }).waitFor();
  for (const kind of order) await page.getByRole('list', { name: 'Still to place' }).getByRole('button', { name: new RegExp(`^${KIND_LABELS[kind].title}`) }).click();
  await page.getByRole('button', { name: 'Next: the foundations' }).click();
}

/** On the foundations: every rating as given; a row with neither is skipped ("Rather not say"). */
export async function rateAs(page: Page, ratings: Ratings): Promise<void> {
  await page.getByRole('heading', { name: 'The foundations' }).waitFor();
  for (const f of FOUNDATIONS) {
    const { title } = FOUNDATION_LABELS[f];
    const { today, want } = ratings[f];
    if (today === null && want === null) {
      await page.getByRole('button', { name: new RegExp(`^Rather not say\\W+${title}$`) }).click();
      continue;
    }
    for (const [which, n] of [['today', today], ['how much I want it', want]] as const) {
      if (n !== null) await page.getByRole('radiogroup', { name: `${title}: ${which}` }).getByRole('radio', { name: String(n), exact: true }).check();
    }
  }
}
