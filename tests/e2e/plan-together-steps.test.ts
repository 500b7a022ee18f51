// Plan something together in Chromium, issue 12: editing the same step at once. The one whose save
// came second is told, sees both versions and chooses; a step removed mid-edit offers its words back.
// A step row is light (one tap opens its details) and every target in it is at least 44 px. Step details
// being written are a draft on the device: a reload opens them again, and the other never sees them.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PHONE, TABLET } from '../support/browser.js';
import { expectAccessible, seatedPair, shoot, shootBoth, startActivity, useBrowserWorld } from '../support/people.js';
import { addStep, openStep, reachPlan } from '../support/plan-together-page.js';

const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
const said = (page: Page) => page.locator('[role="status"]').allTextContents();
const drafts = (page: Page) => page.evaluate(() => localStorage.getItem('closer.drafts') ?? '');
const details = (page: Page) => page.locator('.details');
const stepTexts = (page: Page) => page.locator('.steps .open .text').allTextContents();

/** The smallest width or height of anything to tap in the steps list. */
const smallestTarget = (page: Page) =>
  page.locator('.steps').evaluate((list) => {
    const targets = [...list.querySelectorAll('button, select, input[type="date"], input[type="text"], label.check')];
    return Math.min(...targets.map((t) => Math.min(t.getBoundingClientRect().width, t.getBoundingClientRect().height)));
  });

async function saveWords(page: Page, words: string): Promise<void> {
  await page.locator('.details').getByLabel('Step', { exact: true }).fill(words);
  await page.getByRole('button', { name: 'Save step' }).click();
}

describe.runIf(inject('chromium'))('Plan something together: editing the same step at once', () => {
  const world = useBrowserWorld();

  it('the later save is told and chooses; nothing is overwritten unseen; removed words are offered back', async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, TABLET]);
    await startActivity('Plan something together', [ada, grace]);
    await reachPlan([ada, grace], 'Bake a layer cake');

    // A new step takes focus and is said; its row is light, and opens with one tap.
    await addStep(ada, 'Pick a recipe');
    await expect.poll(() => focused(ada)).toMatch(/^Pick a recipe/);
    await expect.poll(() => said(ada)).toContain('Step added: Pick a recipe');
    await addStep(grace, 'Buy eggs');
    await ada.getByRole('button', { name: /^Buy eggs/ }).waitFor();
    expect(await ada.locator('.steps select, .steps input[type="date"]').count()).toBe(0);
    await openStep(ada, 'Pick a recipe');
    for (const name of ['Save step', '↑ Move up', '↓ Move down', 'Remove']) await ada.getByRole('button', { name, exact: true }).waitFor();
    await ada.locator('.details').getByLabel('Who').waitFor();
    expect(await smallestTarget(ada)).toBeGreaterThanOrEqual(44);
    await expectAccessible(ada, 'step details');
    await shoot(ada, 'plan-step-details-phone');

    // Both have it open; Grace saves first. Ada's save is refused, and she sees both versions.
    await openStep(grace, 'Pick a recipe');
    await saveWords(grace, 'Pick a lemon recipe');
    await ada.getByRole('button', { name: /^Pick a lemon recipe/ }).waitFor();
    await saveWords(ada, 'Pick a chocolate recipe');
    await ada.locator('.conflict').getByText('Grace changed this step while you were editing.').waitFor();
    await expect.poll(() => said(ada)).toContain('Grace changed this step while you were editing.');
    const versions = ada.locator('.versions');
    await versions.getByText('Pick a lemon recipe', { exact: true }).waitFor();
    await versions.getByText('Pick a chocolate recipe', { exact: true }).waitFor();
    expect(await stepTexts(grace)).toEqual(['Pick a lemon recipe', 'Buy eggs']);
    await expectAccessible(ada, 'edit conflict');
    await shoot(ada, 'plan-step-conflict-phone');
    await ada.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => stepTexts(grace)).toEqual(['Pick a chocolate recipe', 'Buy eggs']);
    await expect.poll(() => focused(ada)).toMatch(/^Pick a chocolate recipe/);

    // The other way round: Grace's save comes second, and she keeps Ada's.
    await openStep(grace, 'Pick a chocolate recipe');
    await openStep(ada, 'Pick a chocolate recipe');
    await saveWords(ada, 'Pick a chocolate recipe with cherries');
    await saveWords(grace, 'Pick any recipe at all');
    await grace.locator('.conflict').getByText('Ada changed this step while you were editing.').waitFor();
    await expectAccessible(grace, 'edit conflict on a tablet');
    await shoot(grace, 'plan-step-conflict-tablet');
    await grace.getByRole('button', { name: "Keep Ada's" }).click();
    expect(await stepTexts(grace)).toEqual(['Pick a chocolate recipe with cherries', 'Buy eggs']);
    expect(await stepTexts(ada)).toEqual(['Pick a chocolate recipe with cherries', 'Buy eggs']);

    // Removed while Ada is writing: her words are offered back, and come back as a new step.
    await openStep(ada, 'Buy eggs');
    await ada.locator('.details').getByLabel('Step', { exact: true }).fill('Buy free-range eggs, a dozen');
    await openStep(grace, 'Buy eggs');
    await grace.getByRole('button', { name: 'Remove', exact: true }).click();
    await ada.getByText('This step was removed while you were editing it.').waitFor();
    await ada.getByText('Buy free-range eggs, a dozen', { exact: true }).waitFor();
    await expectAccessible(ada, 'step removed while editing');
    await shoot(ada, 'plan-step-removed-phone');
    await ada.getByRole('button', { name: 'Add it back as a new step' }).click();
    await expect.poll(() => stepTexts(grace)).toEqual(['Pick a chocolate recipe with cherries', 'Buy free-range eggs, a dozen']);
    await expect.poll(() => focused(ada)).toMatch(/^Buy free-range eggs, a dozen/);
    await shoot(grace, 'plan-steps-tablet');

    // Opening another step keeps the words half-written in the first.
    await openStep(ada, 'Pick a chocolate recipe with cherries');
    await ada.locator('.details').getByLabel('Step', { exact: true }).fill('Pick a recipe, half written');
    await ada.getByRole('button', { name: /^Buy free-range eggs, a dozen/, expanded: false }).click();
    expect(await ada.locator('.details').count()).toBe(2);
    expect(await ada.locator('.details').first().getByLabel('Step', { exact: true }).inputValue()).toBe('Pick a recipe, half written');
  });

  it('step details half-written survive a reload, never reach the other, and go once saved or let go', async () => {
    const { ada, grace, toGrace } = await seatedPair(world, [PHONE, TABLET]);
    await startActivity('Plan something together', [ada, grace]);
    await reachPlan([ada, grace], 'A dinner out');
    await addStep(ada, 'Book a table');
    await addStep(grace, 'Buy flowers');
    await ada.getByRole('button', { name: /^Buy flowers/ }).waitFor();

    // Ada changes a step's words and date, and her phone reloads before she saves.
    await openStep(ada, 'Book a table');
    await details(ada).getByLabel('Step', { exact: true }).fill('Book a table by the window');
    await details(ada).getByLabel('Date').fill('2027-03-14');
    await ada.reload();
    await details(ada).getByLabel('Step', { exact: true }).waitFor();
    expect(await details(ada).getByLabel('Step', { exact: true }).inputValue()).toBe('Book a table by the window');
    expect(await details(ada).getByLabel('Date').inputValue()).toBe('2027-03-14');
    await ada.getByRole('button', { name: /^Book a table/, expanded: true }).waitFor();
    await expectAccessible(ada, 'step details after a reload');
    await shootBoth(ada, 'plan-step-draft-restored');

    // Nothing of it reached Grace: not her screen, not her storage, not a frame she received.
    expect(await stepTexts(grace)).toEqual(['Book a table', 'Buy flowers']);
    expect(await grace.textContent('body')).not.toContain('by the window');
    expect(await drafts(grace)).not.toContain('by the window');
    expect(toGrace.join('\n')).not.toContain('by the window');

    // Saved: Grace sees it, and the draft is gone from Ada's phone.
    await ada.getByRole('button', { name: 'Save step' }).click();
    await expect.poll(() => stepTexts(grace)).toEqual(['Book a table by the window', 'Buy flowers']);
    await expect.poll(() => drafts(ada)).not.toContain('by the window');
    expect(await details(ada).count()).toBe(0);

    // Removed while Ada writes, and her phone reloads: her words are still offered back; let go, they go.
    await openStep(ada, 'Buy flowers');
    await details(ada).getByLabel('Step', { exact: true }).fill('Buy tulips, yellow ones');
    await openStep(grace, 'Buy flowers');
    await grace.getByRole('button', { name: 'Remove', exact: true }).click();
    await ada.getByText('This step was removed while you were editing it.').waitFor();
    await ada.reload();
    await ada.getByText('This step was removed while you were editing it.').waitFor();
    await ada.getByText('Buy tulips, yellow ones', { exact: true }).waitFor();
    await ada.getByRole('button', { name: 'Let it go' }).click();
    await expect.poll(() => drafts(ada)).not.toContain('tulips');
    await ada.reload();
    await ada.getByRole('button', { name: /^Book a table by the window/ }).waitFor();
    expect(await ada.getByText('This step was removed while you were editing it.').count()).toBe(0);
    expect(toGrace.join('\n')).not.toContain('tulips');

    // A closed one goes too; and a draft left open goes with the erased room.
    await openStep(ada, 'Book a table by the window');
    await details(ada).getByLabel('Step', { exact: true }).fill('Book a table, closed unsaved');
    await details(ada).getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => drafts(ada)).not.toContain('closed unsaved');
    await openStep(ada, 'Book a table by the window');
    await details(ada).getByLabel('Step', { exact: true }).fill('Book a table, left with the room');
    await expect.poll(() => drafts(ada)).toContain('left with the room');
    await ada.getByRole('button', { name: 'Back to the lobby' }).click();
    await ada.getByRole('button', { name: 'End for both' }).click();
    await ada.getByRole('button', { name: 'Leave and erase room' }).click();
    await ada.getByRole('button', { name: 'Yes, erase it' }).click();
    await ada.getByRole('heading', { name: 'Room erased' }).waitFor();
    expect(await drafts(ada)).not.toContain('left with the room');
  });
});
