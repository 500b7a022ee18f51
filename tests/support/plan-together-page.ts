// What a person does on the "Plan something together" screens, shared by its browser tests.
import type { Page } from 'playwright-core';
import { handTo, skipClosenessInTurn } from './people.js';

export async function addStep(page: Page, text: string): Promise<void> {
  await page.getByLabel('New step').fill(text);
  await page.getByRole('button', { name: 'Add step' }).click();
}

/** One tap on a step opens its details (its words, who, date, move, remove). */
export async function openStep(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${text}`), expanded: false }).click();
  await page.locator('.details').getByLabel('Step', { exact: true }).waitFor();
}

/** Both skip the closeness question, each brings one idea, and both vote for the first: the plan opens. */
export async function reachPlan(pages: Page[], idea: string): Promise<void> {
  for (const page of pages) {
    await page.getByRole('heading', { name: 'How close do you feel right now?' }).waitFor();
    await page.getByRole('button', { name: 'Skip' }).click();
  }
  for (const [i, page] of pages.entries()) {
    await page.getByPlaceholder('Your own idea').fill(i === 0 ? idea : 'Something else entirely');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText("I'm done (1 of 5)").click();
  }
  for (const page of pages) {
    await page.getByRole('listitem').filter({ hasText: idea }).getByRole('button', { name: 'Vote' }).click();
    await page.getByRole('button', { name: 'Done voting' }).click();
  }
  for (const page of pages) await page.getByRole('heading', { name: idea }).waitFor();
}

/** On one shared device: each in turn skips the closeness question, brings the same idea and votes for it. */
export async function reachPlanOnOneDevice(tablet: Page, idea: string): Promise<void> {
  await skipClosenessInTurn(tablet);
  for (const name of ['Ada', 'Grace']) {
    await handTo(tablet, name);
    await tablet.getByPlaceholder('Your own idea').fill(idea);
    await tablet.getByRole('button', { name: 'Add', exact: true }).click();
    await tablet.getByText("I'm done (1 of 5)").click();
  }
  for (const name of ['Ada', 'Grace']) {
    await handTo(tablet, name);
    await tablet.getByRole('listitem').filter({ hasText: idea }).getByRole('button', { name: 'Vote' }).click();
    await tablet.getByRole('button', { name: 'Done voting' }).click();
  }
  await tablet.getByRole('heading', { name: idea }).waitFor();
}
