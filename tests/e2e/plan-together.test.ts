// Plan something together in Chromium: two people bring ideas, agree on one, edit the plan at the
// same time, export it, reopen it from the lobby and finish it with a line of thanks each.
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { PHONE, TABLET } from '../support/browser.js';
import { acceptSuggestion, expectAccessible, seatedPair, shoot, startActivity, useBrowserWorld } from '../support/people.js';
import { addStep, openStep } from '../support/plan-together-page.js';

describe.runIf(inject('chromium'))('Plan something together in Chromium', () => {
  const world = useBrowserWorld();

  it('ideas, a vote, live editing by both, exports, reopen from the lobby, and thanks to Memories', async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, TABLET]);
    await startActivity('Plan something together', [ada, grace]);

    // Ideas: one from the list, one written; the same idea from both is highlighted after the reveal.
    await ada.getByRole('heading', { name: 'What could you do together?' }).waitFor();
    await expectAccessible(ada, 'plan ideas');
    await ada.getByText('Make something').click();
    await shoot(ada, 'plan-ideas-phone');
    await ada.getByPlaceholder('Your own idea').fill('Bake a layer cake for a birthday');
    await ada.getByRole('button', { name: 'Add', exact: true }).click();
    await ada.getByText('I\'m done (1 of 5)').click();
    await grace.getByPlaceholder('Your own idea').fill('Layer cake baking, for a birthday');
    await grace.getByRole('button', { name: 'Add', exact: true }).click();
    await grace.getByPlaceholder('Your own idea').fill('Repaint the garden bench');
    await grace.getByRole('button', { name: 'Add', exact: true }).click();
    await grace.getByText("I'm done (2 of 5)").click();

    await ada.getByRole('heading', { name: 'Choose one together' }).waitFor();
    expect(await ada.getByText('You both thought of this').count()).toBe(1);
    await expectAccessible(grace, 'plan choose');
    await shoot(grace, 'plan-choose-tablet');
    for (const page of [ada, grace]) {
      await page.getByRole('listitem').filter({ hasText: 'You both thought of this' }).getByRole('button', { name: 'Vote' }).click();
      await page.getByRole('button', { name: 'Done voting' }).click();
    }

    // The plan: both add steps at the same moment, and both see all of them.
    await ada.getByRole('heading', { name: 'Bake a layer cake for a birthday' }).waitFor();
    await grace.getByRole('heading', { name: 'Bake a layer cake for a birthday' }).waitFor();
    await Promise.all([addStep(ada, 'Buy flour and eggs'), addStep(grace, 'Pick a recipe')]);
    for (const page of [ada, grace]) {
      await page.getByText('Buy flour and eggs', { exact: true }).waitFor({ timeout: 1_000 });
      await page.getByText('Pick a recipe', { exact: true }).waitFor({ timeout: 1_000 });
    }
    await openStep(ada, 'Pick a recipe');
    await ada.getByLabel('Step', { exact: true }).fill('Pick a chocolate recipe');
    await ada.getByRole('button', { name: 'Save step' }).click();
    await grace.getByText('Pick a chocolate recipe', { exact: true }).waitFor();
    await grace.getByText('Ada edited a step').waitFor();
    await grace.getByRole('checkbox', { name: 'Done: Buy flour and eggs' }).check();
    await expect.poll(() => ada.getByRole('checkbox', { name: 'Done: Buy flour and eggs' }).isChecked()).toBe(true);
    await openStep(ada, 'Buy flour and eggs');
    await ada.locator('.details').getByLabel('Date').fill('2030-05-01');
    await ada.getByRole('button', { name: 'Save step' }).click();
    await grace.getByRole('button', { name: /^Buy flour and eggs.*2030/ }).waitFor();
    await ada.getByLabel('Target date').fill('2030-05-20');
    await grace.getByPlaceholder('Something you need').fill('Cake tin');
    await grace.getByRole('button', { name: 'Add', exact: true }).click();
    await ada.getByText('Cake tin', { exact: true }).waitFor();
    await expectAccessible(ada, 'plan board');
    await shoot(ada, 'plan-board-phone');
    await shoot(grace, 'plan-board-tablet');

    // Exports: a Markdown file with every step, and a calendar file with the dated ones.
    const [markdown] = await Promise.all([ada.waitForEvent('download'), ada.getByRole('button', { name: 'Download as text' }).click()]);
    const text = readFileSync((await markdown.path())!, 'utf8');
    for (const step of ['Buy flour and eggs', 'Pick a chocolate recipe', 'Cake tin']) expect(text).toContain(step);
    const [calendar] = await Promise.all([ada.waitForEvent('download'), ada.getByRole('button', { name: 'Add to calendar' }).click()]);
    const ics = readFileSync((await calendar.path())!, 'utf8');
    expect(ics).toContain('DTSTART;VALUE=DATE:20300501');
    expect(ics).toContain('DTSTART;VALUE=DATE:20300520');

    // Back to the lobby: the plan stays, and either can reopen it.
    await grace.getByRole('button', { name: 'Back to the lobby' }).click();
    await grace.getByText('You can pick it up again from there, where you left it.').waitFor();
    await grace.getByRole('button', { name: 'End for both' }).click();
    await ada.getByRole('button', { name: 'Open your plan: 1 of 2 steps done' }).click();
    await acceptSuggestion(grace, 'Plan something together');
    await grace.getByText('Pick a chocolate recipe', { exact: true }).waitFor();

    // Finished: a line of thanks each, revealed together and kept in Memories.
    await grace.getByRole('button', { name: 'We did it — mark it finished' }).click();
    await ada.getByText('Grace is ready to mark it finished — whenever you are.').waitFor();
    await ada.getByRole('button', { name: 'We did it — mark it finished' }).click();
    await ada.getByLabel("One line of thanks for Grace's part").fill('You found the best recipe');
    await ada.getByRole('button', { name: 'Send' }).click();
    await grace.getByLabel("One line of thanks for Ada's part").fill('You were so patient with the icing');
    await grace.getByRole('button', { name: 'Send' }).click();
    await ada.getByText('You were so patient with the icing').waitFor();
    await expectAccessible(ada, 'plan finished');
    await ada.getByRole('button', { name: 'Back to the lobby' }).click();
    await ada.getByRole('button', { name: 'End for both' }).click();
    await grace.getByRole('heading', { name: 'Memories' }).waitFor();
    await grace.getByText('You found the best recipe').waitFor();

    // The Memories screen reads it back whole: the activity's name and each line under who wrote it.
    await grace.getByRole('button', { name: /^Open Memories/ }).click();
    await grace.getByRole('heading', { name: 'Memories', level: 1 }).waitFor();
    const kept = grace.getByRole('listitem').filter({ hasText: 'You found the best recipe' });
    await kept.getByText(/ · Plan something together$/).waitFor();
    await kept.getByText('We finished our project').waitFor();
    for (const [who, words] of [['Ada', 'You found the best recipe'], ['Grace', 'You were so patient with the icing']]) {
      await kept.getByText(new RegExp(`${who}.*${words}`)).first().waitFor();
    }
    await expectAccessible(grace, 'Memories with a finished plan');
  });
});
