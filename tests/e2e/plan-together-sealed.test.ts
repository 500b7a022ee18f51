// "Plan something together" sealed, in Chromium: both type canaries into every field (ideas, steps and
// their dates, why it matters, the target date, things needed, the thanks); each reads the other's, a
// step both save at once still offers the choice with both sealed versions, the Markdown export built in
// the browser holds the canaries, and no canary leaves either page in the clear (every frame they sent is
// recorded). And a partner whose device sends values that do not open: those read "Couldn't read this.",
// the rest of the plan works.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { IDEAS } from '../../shared/content/ideas.js';
import { PHONE, TABLET } from '../support/browser.js';
import { createRoom, expectAccessible, framesFrom, joinByLink, shootBoth, skipCloseness, startActivity, useBrowserWorld } from '../support/people.js';
import { planBrowser } from '../support/plan-sealed.js';
import { addStep, openStep } from '../support/plan-together-page.js';
import { brokenPartner } from '../support/broken-partner.js';
import { fakeSealed } from '../support/sealed.js';
import { eventually } from '../support/server.js';
import * as make from '../../shared/activities/plan-together/sealed-moves.js';
import { CLOSENESS_ACTIVITY, closenessSlot } from '../../shared/closeness.js';
import { sealFor } from '../support/what-it-means-answers.js';




async function addIdea(page: Page, text: string): Promise<void> {
  await page.getByPlaceholder('Your own idea').fill(text);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.locator('.mine').getByText(text, { exact: true }).waitFor();
}

async function saveWords(page: Page, words: string): Promise<void> {
  await page.locator('.details').getByLabel('Step', { exact: true }).fill(words);
  await page.getByRole('button', { name: 'Save step' }).click();
}

describe.runIf(inject('chromium'))('Plan something together, sealed, in Chromium', () => {
  const world = useBrowserWorld();

  it('canaries in every field: each reads the other’s, the conflict choice shows both sealed versions, the export holds them, and no page sends them in the clear', async () => {
    const tag = Date.now().toString(36);
    const c = (what: string, who: string) => `Canary${what}${who}${tag}`;
    const ada = await world.people.open(PHONE);
    const fromAda = framesFrom(ada);
    const link = await createRoom(ada, world.server.url, 'Ada');
    const grace = await world.people.open(TABLET);
    const fromGrace = framesFrom(grace);
    await joinByLink(grace, link, 'Grace');
    await ada.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
    await startActivity('Plan something together', [ada, grace]);
    for (const page of [ada, grace]) await skipCloseness(page);

    // Ideas: each writes a canary; Ada also picks one from the deck (which one is her choice, sealed too).
    const deck = IDEAS.find((i) => i.group === 'make')!;
    await addIdea(ada, `Picnic ${c('Idea', 'Ada')}`);
    await ada.getByText('Make something').click();
    await ada.getByRole('button', { name: `Add ${deck.text}` }).click();
    await ada.getByRole('button', { name: `Add ${deck.text}` }).getByText('Added').waitFor();
    await ada.getByText("I'm done (2 of 5)").click();
    await addIdea(grace, `Kites ${c('Idea', 'Grace')}`);
    await grace.getByText("I'm done (1 of 5)").click();

    // The reveal: both see every idea.
    for (const page of [ada, grace]) {
      await page.getByRole('heading', { name: 'Choose one together' }).waitFor();
      for (const text of [`Picnic ${c('Idea', 'Ada')}`, `Kites ${c('Idea', 'Grace')}`, deck.text]) await page.getByText(text, { exact: true }).waitFor();
      expect(await page.getByText("Couldn't read this.").count()).toBe(0);
    }
    await expectAccessible(grace, 'sealed ideas revealed');
    await shootBoth(grace, 'plan-sealed-choose');
    for (const page of [ada, grace]) {
      await page.getByRole('listitem').filter({ hasText: c('Idea', 'Ada') }).getByRole('button', { name: 'Vote' }).click();
      await page.getByRole('button', { name: 'Done voting' }).click();
    }
    const title = `Picnic ${c('Idea', 'Ada')}`;
    for (const page of [ada, grace]) await page.getByRole('heading', { name: title }).waitFor();

    // The plan: steps with dates, why it matters, a target date and things needed, from both.
    await addStep(ada, c('Step', 'Ada'));
    await addStep(grace, c('Step', 'Grace'));
    await ada.getByRole('button', { name: new RegExp(`^${c('Step', 'Grace')}`) }).waitFor();
    await openStep(ada, c('Step', 'Ada'));
    await ada.locator('.details').getByLabel('Date').fill('2031-04-11');
    await ada.getByRole('button', { name: 'Save step' }).click();
    await grace.getByRole('button', { name: new RegExp(`^${c('Step', 'Ada')}.*2031`) }).waitFor();
    await openStep(grace, c('Step', 'Grace'));
    await grace.locator('.details').getByLabel('Date').fill('2031-05-12');
    await grace.getByRole('button', { name: 'Save step' }).click();
    await ada.getByRole('button', { name: new RegExp(`^${c('Step', 'Grace')}.*2031`) }).waitFor();
    for (const [page, who] of [[ada, 'Ada'], [grace, 'Grace']] as const) {
      await page.getByLabel('Why it matters to you').fill(c('Why', who));
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByPlaceholder('Something you need').fill(c('Need', who));
      await page.getByRole('button', { name: 'Add', exact: true }).click();
    }
    await ada.getByLabel('Target date').fill('2031-06-13');
    for (const [page, other] of [[ada, 'Grace'], [grace, 'Ada']] as const) {
      await page.getByText(c('Why', other)).waitFor();
      await page.getByText(c('Need', other), { exact: true }).waitFor();
    }
    await expect.poll(() => grace.getByLabel('Target date').inputValue()).toBe('2031-06-13');

    // Both save the same step at once: the later one is told, sees both sealed versions, and keeps hers.
    await openStep(ada, c('Step', 'Grace'));
    await openStep(grace, c('Step', 'Grace'));
    await saveWords(ada, c('Edit', 'Ada'));
    await grace.getByRole('button', { name: new RegExp(`^${c('Edit', 'Ada')}`) }).waitFor();
    await saveWords(grace, c('Edit', 'Grace'));
    await grace.locator('.conflict').getByText('Ada changed this step while you were editing.').waitFor();
    const versions = grace.locator('.versions');
    await versions.getByText(c('Edit', 'Ada'), { exact: true }).waitFor();
    await versions.getByText(c('Edit', 'Grace'), { exact: true }).waitFor();
    await grace.getByRole('button', { name: 'Keep mine' }).click();
    await ada.getByRole('button', { name: new RegExp(`^${c('Edit', 'Grace')}.*2031`) }).waitFor();
    await expectAccessible(ada, 'sealed plan board');
    await shootBoth(ada, 'plan-sealed-board');

    // The Markdown file is built in Ada's browser from the opened plan: it holds everyone's words.
    const [markdown] = await Promise.all([ada.waitForEvent('download'), ada.getByRole('button', { name: 'Download as text' }).click()]);
    const text = readFileSync((await markdown.path())!, 'utf8');
    for (const words of [title, c('Step', 'Ada'), c('Edit', 'Grace'), c('Why', 'Ada'), c('Why', 'Grace'), c('Need', 'Ada'), c('Need', 'Grace'), '2031-04-11', '2031-05-12', '2031-06-13']) {
      expect(text).toContain(words);
    }

    // Finished: a line of thanks each, revealed together.
    await grace.getByRole('button', { name: 'We did it — mark it finished' }).click();
    await ada.getByRole('button', { name: 'We did it — mark it finished' }).click();
    await ada.getByLabel("One line of thanks for Grace's part").fill(c('Thanks', 'Ada'));
    await ada.getByRole('button', { name: 'Send' }).click();
    await grace.getByLabel("One line of thanks for Ada's part").fill(c('Thanks', 'Grace'));
    await grace.getByRole('button', { name: 'Send' }).click();
    for (const page of [ada, grace]) {
      await page.getByText(c('Thanks', 'Ada')).waitFor();
      await page.getByText(c('Thanks', 'Grace')).waitFor();
    }
    await expectAccessible(grace, 'sealed thanks revealed');
    await shootBoth(grace, 'plan-sealed-thanks');

    const sent = [...fromAda, ...fromGrace].join('\n');
    expect(sent).toContain('"type":"appreciate"');
    const clear = [tag, deck.text, deck.id, '2031-04-11', '2031-05-12', '2031-06-13', '"owner":"both"', '"owner":"me"', '"owner":"you"'];
    for (const words of clear) expect(sent, `a page sent ${words}`).not.toContain(words);
  });

  it('a partner whose device sends values that do not open: those read "Couldn\'t read this.", the rest of the plan works', async () => {
    const { ada, key, broken, send } = await brokenPartner(world);
    const move = async (m: Record<string, unknown>) => {
      const answer = await send({ type: 'move', move: m });
      expect(answer.ok, JSON.stringify(answer)).toBe(true);
    };

    await ada.getByRole('button', { name: 'Suggest Plan something together' }).click();
    await eventually(() => expect(broken.snapshots.at(-1)?.view.proposal).toBeTruthy());
    expect((await send({ type: 'ready' })).ok).toBe(true);
    await skipCloseness(ada);
    // The closeness question is skipped as a browser skips it (0, sealed for its round); then an idea of garbage.
    const question = await eventually(() => broken.snapshots.at(-1)!.view.closeness.open!.id);
    const sealId = broken.snapshots.at(-1)!.view.seal!.id;
    const skipped = await sealFor(key, sealId, 1, closenessSlot(question), '0', CLOSENESS_ACTIVITY);
    expect((await send({ type: 'closeness', id: question, value: skipped })).ok).toBe(true);
    const partner = await planBrowser(sealId, key);
    await move({ type: 'add-idea', ideaId: 'garbage-idea', idea: fakeSealed('garbage idea') });
    await move({ type: 'ideas-done' });
    await addIdea(ada, 'Grow tomatoes on the balcony');
    await ada.getByText("I'm done (1 of 5)").click();
    await ada.getByRole('heading', { name: 'Choose one together' }).waitFor();
    await ada.getByText("Couldn't read this.").waitFor();
    await ada.getByRole('listitem').filter({ hasText: 'Grow tomatoes' }).getByRole('button', { name: 'Vote' }).click();
    await ada.getByRole('button', { name: 'Done voting' }).click();
    const tomatoes = await eventually(() => {
      const view = broken.snapshots.at(-1)!.view.activity!.view as { pool: { id: string; by: number }[] };
      return view.pool.find((p) => p.by === 0)!.id;
    });
    await move({ type: 'vote', ideaId: tomatoes, on: true });
    await move({ type: 'votes-done' });
    await ada.getByRole('heading', { name: 'Grow tomatoes on the balcony' }).waitFor();

    // One step of garbage, one thing needed sealed as the wrong seat, one good step from the partner.
    await move({ type: 'add-step', stepId: 'garbage-step', text: fakeSealed('x'), owner: fakeSealed('y'), date: fakeSealed('z') });
    await move({ type: 'add-need', needId: 'moved-need', text: await partner.sealAs(0)('need:moved-need', 'Pots') });
    await move(await partner.make(1, make.addStep({ text: 'Buy seeds', owner: 'me', date: '2031-03-01' }, 1)));
    await ada.getByRole('button', { name: /^Buy seeds/ }).waitFor();
    await expect.poll(() => ada.getByText("Couldn't read this.").count()).toBeGreaterThanOrEqual(3);
    await expectAccessible(ada, 'plan with an unreadable partner');
    await shootBoth(ada, 'plan-sealed-unreadable');

    // The rest works: Ada adds, edits and ticks off steps, and the export says what could not be read.
    await addStep(ada, 'Water every morning');
    await ada.getByRole('checkbox', { name: 'Done: Buy seeds' }).check();
    await eventually(() => {
      const view = broken.snapshots.at(-1)!.view.activity!.view as { plan: { steps: { done: boolean }[] } };
      expect(view.plan.steps.map((s) => s.done)).toEqual([false, true, false]);
    });
    const [markdown] = await Promise.all([ada.waitForEvent('download'), ada.getByRole('button', { name: 'Download as text' }).click()]);
    const text = readFileSync((await markdown.path())!, 'utf8');
    expect(text).toContain('Water every morning');
    expect(text).toContain("Couldn't read this.");
    broken.close();
  });
});
