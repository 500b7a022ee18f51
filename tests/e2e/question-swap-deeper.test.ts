// "One level deeper" after the last card, in Chromium: offered while a deeper level is left, dealt only
// when both choose it (each says so for themselves: choosing it is consent), a few more at the same
// depth when one would rather not, and nobody is told who held back; once deep, it is no longer offered.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PHONE, TABLET } from '../support/browser.js';
import { expectAccessible, seatedPair, shootBoth, startActivity, useBrowserWorld } from '../support/people.js';
import { answer, answered, openTo } from '../support/question-swap-page.js';

const progress = (page: Page) => page.locator('.progress-line').textContent();
const recap = (page: Page) => page.getByRole('heading', { name: 'What you shared today' });
const deeper = (page: Page) => page.getByRole('button', { name: 'One level deeper' });

/** Both skip the closing note; the recap is shown; the closeness question "after" that may come with it is skipped. */
async function atRecap(pages: Page[]): Promise<void> {
  for (const page of pages) await page.getByRole('button', { name: 'Skip the note' }).click();
  for (const page of pages) {
    await recap(page).waitFor();
    const skip = page.getByRole('button', { name: 'Skip', exact: true });
    if (await skip.count()) await skip.click();
  }
}

/** Both answer and move on, card after card, from `from` to `to` (of `of`); each card's depth is returned. */
async function playCards(ada: Page, grace: Page, from: number, to: number, of: number): Promise<string[]> {
  const depths: string[] = [];
  for (let round = from; round <= to; round++) {
    await ada.getByText(new RegExp(`^Card ${round} of ${of} · `)).waitFor();
    depths.push((await progress(ada))!.split(' · ')[1]!);
    await answer(ada, `ada ${round}`);
    await answered(ada);
    await answer(grace, `grace ${round}`);
    for (const page of [ada, grace]) await page.getByRole('button', { name: 'Next card' }).click();
  }
  return depths;
}

describe.runIf(inject('chromium'))('Question Swap: one level deeper after the last card', () => {
  const world = useBrowserWorld();

  it('offered while a deeper level is left; dealt only when both choose it; never says who held back; gone once deep', { timeout: 180_000 }, async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, TABLET]);
    await startActivity('Question Swap', [ada, grace]);
    for (const page of [ada, grace]) await page.getByRole('button', { name: 'Skip' }).click();
    // Both choose Personal at most.
    for (const page of [ada, grace]) await openTo(page);
    expect(await playCards(ada, grace, 1, 8, 8)).not.toContain('Deep');

    // The recap offers one level deeper to both, as each one's own choice.
    await atRecap([ada, grace]);
    await ada.getByText('How deep you went: light, personal').waitFor();
    for (const page of [ada, grace]) await deeper(page).waitFor();
    await ada.getByText('Deeper cards come only if you both choose them.').waitFor();
    await expectAccessible(ada, 'recap offering one level deeper');
    await shootBoth(ada, 'deeper-offered');

    // Ada would go deeper; Grace is not told it is deeper Ada wants, and would rather not.
    await deeper(ada).click();
    await ada.getByText("You'd like one level deeper.").waitFor();
    await grace.getByText('Ada would like a few more cards.').waitFor();
    expect(await grace.textContent('body')).not.toMatch(/Ada would like one level deeper|Ada would like to go deeper/);
    await grace.getByRole('button', { name: 'A few more cards' }).click();
    // A few more at the same depth; nothing on either screen says who held back.
    const more = await playCards(ada, grace, 9, 11, 11);
    expect(more).not.toContain('Deep');
    await atRecap([ada, grace]);
    expect(await ada.textContent('body')).not.toMatch(/Grace (chose|wanted|would rather)|held back/);

    // Both choose it this time: the next cards are deep.
    await deeper(grace).click();
    await grace.getByText("You'd like one level deeper.").waitFor();
    await deeper(ada).click();
    for (const page of [ada, grace]) await page.getByText(/^Card 12 of 14 · Deep$/).waitFor();
    await shootBoth(grace, 'deeper-dealt');
    expect(await playCards(ada, grace, 12, 14, 14)).toEqual(['Deep', 'Deep', 'Deep']);

    // Deep reached: nothing deeper is offered.
    await atRecap([ada, grace]);
    await ada.getByText('How deep you went: light, personal, deep').waitFor();
    await ada.getByRole('button', { name: 'A few more cards' }).waitFor();
    expect(await deeper(ada).count()).toBe(0);
    expect(await deeper(grace).count()).toBe(0);
    await expectAccessible(grace, 'recap once deep');
    await shootBoth(grace, 'deeper-reached');
  });
});
