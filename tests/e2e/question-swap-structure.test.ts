// Question Swap's structure in Chromium, on two devices and on one shared device: how many cards (and
// later the closing note, wildcards, favourites, custom cards and Fast friends).
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PHONE, TABLET } from '../support/browser.js';
import { answer, answered, chooseCards, openTo } from '../support/question-swap-page.js';
import { expectAccessible, handTo, seatedPair, sharedDevice, shoot, shootBoth, skipClosenessInTurn, startActivity, useBrowserWorld } from '../support/people.js';

const progress = (page: Page) => page.locator('.progress-line').textContent();

/** Both answer and move on, card after card, on two devices. */
async function playCards(ada: Page, grace: Page, cards: number): Promise<void> {
  for (let n = 1; n <= cards; n++) {
    await ada.getByText(new RegExp(`^Card ${n} of ${cards} · `)).waitFor();
    await answer(ada, `ada ${n}`);
    await answered(ada);
    await answer(grace, `grace ${n}`);
    for (const page of [ada, grace]) await page.getByRole('button', { name: 'Next card' }).click();
  }
}

/** The closeness question "after" that comes with the end is skipped, where it shows. */
async function skipAfter(page: Page): Promise<void> {
  const skip = page.getByRole('button', { name: 'Skip', exact: true });
  if (await skip.count()) await skip.click();
}

describe.runIf(inject('chromium'))('Question Swap structure in Chromium', () => {
  const world = useBrowserWorld();

  it('two devices: the one suggesting chooses how many cards, and both play that many', async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, TABLET]);
    await chooseCards(ada, 3);
    await expect.poll(() => ada.getByRole('button', { name: 'One card fewer' }).isDisabled()).toBe(true);
    await expectAccessible(ada, 'lobby with deck length');
    await ada.locator('.deck-length').scrollIntoViewIfNeeded();
    await shootBoth(ada, 'qs-deck-length');
    // Folded again, the options still apply, and their line says the choice.
    const summary = ada.locator('details.options summary');
    await summary.click();
    expect(await summary.textContent()).toContain('3 cards');
    await startActivity('Question Swap', [ada, grace]);
    for (const page of [ada, grace]) await page.getByRole('button', { name: 'Skip' }).click();
    for (const page of [ada, grace]) await openTo(page);
    for (const page of [ada, grace]) await expect.poll(() => progress(page)).toMatch(/^Card 1 of 3 · /);
  });

  it('one shared device: fifteen cards chosen on the tablet', async () => {
    const tablet = await world.people.open(TABLET);
    await sharedDevice(tablet, world.server.url);
    await chooseCards(tablet, 15);
    await expect.poll(() => tablet.getByRole('button', { name: 'One card more' }).isDisabled()).toBe(true);
    await startActivity('Question Swap', [tablet, tablet], ['Ada is ready', 'Grace is ready']);
    await skipClosenessInTurn(tablet);
    for (const name of ['Ada', 'Grace']) {
      await handTo(tablet, name);
      await openTo(tablet);
    }
    await expect.poll(() => progress(tablet)).toMatch(/^Card 1 of 15 · /);
  });

  it('two devices: the closing note reaches the other only once both wrote, and waits in Memories', { timeout: 120_000 }, async () => {
    const { ada, grace, toGrace } = await seatedPair(world, [PHONE, TABLET]);
    await chooseCards(ada, 3);
    await startActivity('Question Swap', [ada, grace]);
    for (const page of [ada, grace]) await page.getByRole('button', { name: 'Skip' }).click();
    for (const page of [ada, grace]) await openTo(page);
    await playCards(ada, grace, 3);
    for (const page of [ada, grace]) await page.getByRole('heading', { name: /^Write .* a short note/ }).waitFor();
    for (const page of [ada, grace]) await skipAfter(page);
    await expectAccessible(ada, 'closing note');
    await shootBoth(ada, 'qs-note');
    const secret = `note-canary-${Date.now()}`;
    await ada.getByLabel('Your note to Grace').fill(secret);
    await ada.getByRole('button', { name: 'Send note' }).click();
    await ada.getByText("Waiting for Grace's note…").waitFor();
    expect(await grace.textContent('body')).not.toContain(secret);
    expect(toGrace.join('\n')).not.toContain(secret);
    // An empty note says what to do; then Grace writes hers.
    await grace.getByRole('button', { name: 'Send note' }).click();
    await grace.getByRole('alert').getByText('Write a few words, or skip the note.').waitFor();
    await grace.getByLabel('Your note to Ada').fill('thank you, Ada');
    await grace.getByRole('button', { name: 'Send note' }).click();
    await grace.getByText(secret).waitFor();
    await grace.getByText('Ada to you').waitFor();
    await ada.getByText('thank you, Ada').waitFor();
    await expectAccessible(grace, 'recap with notes');
    await shootBoth(grace, 'qs-notes-recap');
    await ada.getByRole('button', { name: 'Back to the lobby' }).click();
    await ada.getByRole('button', { name: 'End for both' }).click();
    for (const page of [ada, grace]) {
      await page.getByRole('heading', { name: 'Memories' }).waitFor();
      await page.getByText(secret).waitFor();
    }
  });

  it('one shared device: each writes the note in turn behind the hand-off, then both read them', { timeout: 120_000 }, async () => {
    const tablet = await world.people.open(TABLET);
    await sharedDevice(tablet, world.server.url);
    await chooseCards(tablet, 3);
    await startActivity('Question Swap', [tablet, tablet], ['Ada is ready', 'Grace is ready']);
    await skipClosenessInTurn(tablet);
    for (const name of ['Ada', 'Grace']) {
      await handTo(tablet, name);
      await openTo(tablet);
    }
    for (let n = 1; n <= 3; n++) {
      for (let i = 0; i < 2; i++) {
        const who = (await tablet.getByRole('heading', { name: /Pass the device to/ }).textContent())!.replace('Pass the device to ', '');
        await handTo(tablet, who);
        await answer(tablet, `words ${n}`);
      }
      await tablet.getByRole('button', { name: 'Next card' }).click();
    }
    await skipClosenessInTurn(tablet);
    const notes: Record<string, string> = { Ada: `ada-note-${Date.now()}`, Grace: `grace-note-${Date.now()}` };
    for (const name of ['Ada', 'Grace'] as const) {
      await handTo(tablet, name);
      expect(await tablet.textContent('body')).not.toContain(notes.Ada);
      await tablet.getByRole('textbox').fill(notes[name]!);
      if (name === 'Ada') await shoot(tablet, 'qs-note-shared-tablet');
      await tablet.getByRole('button', { name: 'Send note' }).click();
    }
    await tablet.getByText('Ada to Grace').waitFor();
    await tablet.getByText(notes.Grace!).waitFor();
    await tablet.getByText(notes.Ada!).waitFor();
    await expectAccessible(tablet, 'shared recap with notes');
  });
});
