// 20 Questions in Chromium, the endings a round can have besides a right guess, from both sides on two
// devices: the hint after question 10, the guesses running out at ten (the guess field goes, questions go
// on), asking to be told (each sees it from their side), and "End" in the middle of the next round,
// agreed with one confirm and told to the other in the lobby.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { MAX_GUESSES } from '../../shared/activities/twenty-questions/model.js';
import { PHONE, TABLET } from '../support/browser.js';
import { createRoom, expectAccessible, joinByLink, shootBoth, skipCloseness, startActivity, useBrowserWorld } from '../support/people.js';
import { rolesOf } from '../support/twenty-questions-page.js';

async function choose(thinker: Page, thing: string): Promise<void> {
  await thinker.getByLabel('What are you thinking of?').fill(thing);
  await thinker.getByRole('button', { name: "That's my thing" }).click();
}

describe.runIf(inject('chromium'))('20 Questions endings in Chromium', () => {
  const world = useBrowserWorld();

  it('two devices: a hint after question 10, ten wrong guesses and no more, "tell me", then End mid-round for both', { timeout: 180_000 }, async () => {
    const ada = await world.people.open(PHONE);
    const link = await createRoom(ada, world.server.url, 'Ada');
    const grace = await world.people.open(TABLET);
    await joinByLink(grace, link, 'Grace');
    await ada.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
    await startActivity('20 Questions', [ada, grace]);
    for (const page of [ada, grace]) await skipCloseness(page);
    const { thinker, asker, askerName, thinkerName } = await rolesOf([ada, grace]);
    const thing = `Kite${Date.now().toString(36)}`;
    await choose(thinker, thing);

    // No hint on offer before question 10; ten questions asked aloud, each answered.
    await asker.getByText('A hint is on offer after question 10.').waitFor();
    expect(await asker.getByRole('button', { name: 'Ask for a hint' }).count()).toBe(0);
    for (let n = 1; n <= 10; n++) {
      await asker.getByRole('heading', { name: `${21 - n} questions left of 20` }).waitFor();
      await asker.getByRole('button', { name: 'I asked it aloud' }).click();
      await thinker.getByRole('heading', { name: `Question ${n}` }).waitFor();
      await thinker.getByRole('button', { name: 'No', exact: true }).click();
    }
    await asker.getByRole('heading', { name: '10 questions left of 20' }).waitFor();

    // The hint: asked for, written by the thinker, read by the asker.
    await asker.getByRole('button', { name: 'Ask for a hint' }).click();
    await asker.getByText('Waiting for the hint…').waitFor();
    await thinker.getByLabel(`${askerName} asked for a hint`).fill('it flies on a string');
    await thinker.getByRole('button', { name: 'Give the hint' }).click();
    await asker.getByText('it flies on a string').first().waitFor();
    await thinker.getByText('it flies on a string').first().waitFor();

    // Ten wrong guesses, each judged: then the guess field goes, and questions can still be asked.
    for (let g = 1; g <= MAX_GUESSES; g++) {
      await asker.getByLabel('Your guess').fill(`guess number ${g}`);
      await asker.getByRole('button', { name: 'Guess', exact: true }).click();
      await thinker.getByText(`guess number ${g}`).first().waitFor();
      await thinker.getByRole('button', { name: 'Not quite' }).click();
      await asker.getByText('Waiting to hear whether the guess is right.').waitFor({ state: 'detached' });
    }
    await asker.getByText(`That was the last of your ${MAX_GUESSES} guesses: keep asking, or ask to be told.`).waitFor();
    expect(await asker.getByLabel('Your guess').count()).toBe(0);
    expect(await asker.getByRole('button', { name: 'I asked it aloud' }).count()).toBe(1);
    expect(await asker.textContent('body')).not.toContain(thing);
    await expectAccessible(asker, 'out of guesses');
    await shootBoth(asker, 'tq-out-of-guesses');

    // Asking to be told: a confirm first (which can be taken back), then the reveal on both sides.
    await asker.getByRole('button', { name: 'Tell me what it is' }).click();
    await asker.getByRole('button', { name: 'Keep guessing' }).click();
    expect(await asker.getByRole('button', { name: 'Yes, tell me' }).count()).toBe(0);
    await asker.getByRole('button', { name: 'Tell me what it is' }).click();
    await asker.getByRole('button', { name: 'Yes, tell me' }).click();
    await asker.getByRole('heading', { name: 'Here it is' }).waitFor();
    await thinker.getByRole('heading', { name: `${askerName} asked to be told` }).waitFor();
    await asker.getByText(thing).first().waitFor();
    await asker.getByText(`10 questions and ${MAX_GUESSES} guesses.`).waitFor();
    await expectAccessible(asker, 'told');
    await shootBoth(asker, 'tq-told');

    // Roles swap; in the middle of the next round one ends it, with a confirm, and the other is told.
    for (const page of [asker, thinker]) await page.getByRole('button', { name: 'Swap roles' }).click();
    await asker.getByRole('heading', { name: `Think of something for ${thinkerName} to guess` }).waitFor();
    await choose(asker, 'a red umbrella');
    await thinker.getByRole('heading', { name: '20 questions left of 20' }).waitFor();
    await thinker.getByRole('button', { name: 'I asked it aloud' }).click();
    await asker.getByRole('button', { name: 'Yes', exact: true }).click();
    await thinker.getByRole('heading', { name: '19 questions left of 20' }).waitFor();

    await thinker.getByRole('button', { name: 'End', exact: true }).click();
    await thinker.getByText('End for both of you?').waitFor();
    await thinker.getByText(`${askerName} will see that you ended it`, { exact: false }).waitFor();
    await thinker.getByRole('button', { name: 'Keep playing' }).click();
    await thinker.getByRole('heading', { name: '19 questions left of 20' }).waitFor();
    await thinker.getByRole('button', { name: 'End', exact: true }).click();
    await thinker.getByRole('button', { name: 'End for both' }).click();
    for (const page of [ada, grace]) await page.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
    await asker.getByText(`${thinkerName} ended 20 Questions.`, { exact: false }).waitFor();
    expect(await thinker.getByText(/ended 20 Questions/).count()).toBe(0);
    await shootBoth(asker, 'tq-ended-by-partner');
  });
});
