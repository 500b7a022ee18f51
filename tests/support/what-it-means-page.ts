// What a person does on the "What intimacy means to me" screens, shared by its browser tests.
import type { Page } from 'playwright-core';

/** From the foundations on: three sentences written with these words, then "I'm done". */
export async function writeAndFinish(page: Page, words: string): Promise<void> {
  await page.getByRole('button', { name: 'Next: three sentences' }).click();
  await page.getByRole('heading', { name: 'Finish three sentences' }).waitFor();
  for (const [i, box] of (await page.getByRole('textbox').all()).entries()) await box.fill(`${words} ${i + 1}`);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: "I'm done" }).click();
}
