// Question Swap in Chromium: two devices (two contexts) and one shared device (one context), with a
// Pass, a guess card, hidden answers checked on screen and on the wire, and a reload mid-round.
import { describe, expect, inject, it } from 'vitest';
import { PHONE, TABLET } from '../support/browser.js';
import { expectAccessible, seatedPair, sharedDevice, shoot, startActivity, useBrowserWorld } from '../support/people.js';
import { answer, answered, cardText, openTo } from '../support/question-swap-page.js';

describe.runIf(inject('chromium'))('Question Swap in Chromium', () => {
  const world = useBrowserWorld();

  it('two devices: consent, a pass, a guess card, hidden answers, a reload mid-round, a star to Memories', async () => {
    const { ada, grace, toGrace } = await seatedPair(world, [PHONE, TABLET]);
    await startActivity('Question Swap', [ada, grace]);
    await ada.getByRole('heading', { name: 'What are you open to today?' }).waitFor();
    // Nothing starts chosen, so an untouched Done cannot consent for Ada: it waits, and says why beside it.
    const done = ada.getByRole('button', { name: 'Done' });
    expect(await ada.locator('form input:checked').count()).toBe(0);
    expect(await done.isDisabled()).toBe(true);
    await ada.getByText('Choose at least one kind, and how deep you’d like to go.').waitFor();
    expect(await done.getAttribute('aria-describedby')).toBe(await ada.getByText('Choose at least one kind').getAttribute('id'));
    await expectAccessible(ada, 'consent');
    await shoot(ada, 'qs-consent-phone');
    await ada.getByRole('button', { name: 'All five kinds' }).click();
    expect(await ada.getByRole('checkbox', { checked: true }).count()).toBe(5);
    await ada.getByText('Choose how deep you’d like to go.').waitFor();
    expect(await done.isDisabled()).toBe(true);
    await ada.getByRole('checkbox', { name: /Spiritual/ }).uncheck();
    await ada.getByRole('radio', { name: 'Personal', exact: true }).check();
    await expect.poll(() => done.isDisabled()).toBe(false);
    await shoot(ada, 'qs-consent-chosen-phone');
    await done.click();
    await ada.getByText('Waiting for Grace to choose').waitFor();
    await openTo(grace);

    // A Pass puts a new card on the table for both.
    await ada.locator('#card-text').waitFor();
    const first = await cardText(ada);
    expect(first).not.toMatch(/spirit/i);
    await expectAccessible(ada, 'card');
    await shoot(ada, 'qs-card-phone');
    await shoot(grace, 'qs-card-tablet');
    await ada.getByRole('button', { name: 'Pass this card' }).click();
    await expect.poll(() => cardText(ada)).not.toBe(first);
    await expect.poll(() => cardText(grace)).toBe(await cardText(ada));

    // Pass on until a guess-my-answer card, then both answer it.
    for (let i = 0; i < 80 && !(await ada.getByText('Guess my answer').count()); i++) {
      const before = await cardText(ada);
      await ada.getByRole('button', { name: 'Pass this card' }).click();
      await expect.poll(() => cardText(ada)).not.toBe(before);
    }
    await ada.getByText('Guess my answer').waitFor({ timeout: 1_000 });
    await answer(ada, '');
    await answered(ada);
    await answer(grace, '');
    await answered(grace);
    await ada.getByText(/Guessed Grace would say “/).waitFor();
    await expectAccessible(ada, 'reveal');
    await shoot(ada, 'qs-reveal-phone');
    await shoot(grace, 'qs-reveal-tablet');
    const starredCard = (await ada.locator('#reveal-card').textContent())!;
    await ada.getByRole('button', { name: '☆ Keep in Memories' }).click();
    await ada.getByRole('button', { name: '★ Kept in Memories' }).waitFor();
    await grace.getByRole('button', { name: 'Thank you for sharing' }).click();
    await ada.getByText('Grace: Thank you for sharing').waitFor();
    await ada.getByRole('button', { name: 'Next card' }).click();
    await grace.getByRole('button', { name: 'Next card' }).click();

    // Ada answers first: Grace sees that she answered, never what — not on screen, not in any frame.
    await grace.getByText('Card 2 of 8').waitFor();
    // A card that takes words (a guess card has none to hide): pass until one is on the table.
    for (let i = 0; i < 40 && !(await ada.getByRole('textbox').count()); i++) {
      const before = await cardText(ada);
      await ada.getByRole('button', { name: 'Pass this card' }).click();
      await expect.poll(() => cardText(ada)).not.toBe(before);
    }
    const secret = `canary-${Date.now()}`;
    await answer(ada, secret);
    await answered(ada);
    await grace.reload();
    await grace.locator('#card-text').waitFor();
    expect(await grace.textContent('body')).not.toContain(secret);
    expect(toGrace.join('\n')).not.toContain(secret);
    await answer(grace, 'my own words');
    await answered(grace);
    await ada.getByText('my own words').waitFor();
    await grace.getByText(secret).waitFor();

    // Either can end; both return to the lobby, where the starred card waits in Memories.
    await grace.getByRole('button', { name: 'End game' }).click();
    await grace.getByRole('button', { name: 'End for both' }).click();
    for (const page of [ada, grace]) {
      await page.getByRole('heading', { name: 'Memories' }).waitFor();
      await page.getByText(starredCard).waitFor();
    }
    await expectAccessible(grace, 'lobby with memories');
    await shoot(grace, 'qs-lobby-memories-tablet');
  });

  it('one shared device: each person answers behind "I’m …", and nothing of one shows before both are in', async () => {
    const tablet = await world.people.open(TABLET);
    await sharedDevice(tablet, world.server.url);
    await startActivity('Question Swap', [tablet, tablet], ['Ada is ready', 'Grace is ready']);

    // The closeness question comes first, each in turn behind the same hand-off, with nothing of the
    // game (or of the other's question) under it, and each person's buttons drawn fresh.
    for (const name of ['Ada', 'Grace']) {
      await tablet.getByRole('heading', { name: `Pass the device to ${name}` }).waitFor();
      expect(await tablet.getByRole('heading', { name: /how close/i }).count()).toBe(0);
      expect(await tablet.getByRole('heading', { name: 'What are you open to today?' }).count()).toBe(0);
      await shoot(tablet, `qs-closeness-handoff-${name}-tablet`);
      await tablet.getByRole('button', { name: `I'm ${name}` }).click();
      await tablet.getByRole('heading', { name: `${name}, how close do you feel right now?` }).waitFor();
      await expectAccessible(tablet, `closeness for ${name}`);
      await shoot(tablet, `qs-closeness-${name}-tablet`);
      expect(await tablet.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).not.toMatch(/of 7/);
      await tablet.getByRole('button', { name: '5 of 7' }).click();
    }
    await tablet.getByRole('region', { name: 'How close you both feel' }).waitFor();

    for (const name of ['Ada', 'Grace']) {
      await tablet.getByRole('heading', { name: `Pass the device to ${name}` }).waitFor();
      await expectAccessible(tablet, 'handoff');
      await tablet.getByRole('button', { name: `I'm ${name}` }).click();
      await openTo(tablet);
    }
    await shoot(tablet, 'qs-handoff-tablet');

    const first = (await tablet.getByRole('heading', { name: /Pass the device to/ }).textContent())!;
    const reader = first.replace('Pass the device to ', '');
    const listener = reader === 'Ada' ? 'Grace' : 'Ada';
    await tablet.getByRole('button', { name: `I'm ${reader}` }).click();
    for (let i = 0; i < 40 && !(await tablet.getByRole('textbox').count()); i++) {
      const before = await cardText(tablet);
      await tablet.getByRole('button', { name: 'Pass this card' }).click();
      await expect.poll(() => cardText(tablet)).not.toBe(before);
    }
    const secret = `tablet-canary-${Date.now()}`;
    await answer(tablet, secret);
    await tablet.getByRole('heading', { name: `Pass the device to ${listener}` }).waitFor();
    expect(await tablet.textContent('body')).not.toContain(secret);
    await tablet.getByRole('button', { name: `I'm ${listener}` }).click();
    expect(await tablet.textContent('body')).not.toContain(secret);
    await answer(tablet, 'second words');
    await answered(tablet);
    await tablet.getByText(secret).waitFor();
    await tablet.getByRole('button', { name: 'Next card' }).waitFor();
    expect(await tablet.getByRole('group', { name: 'Your reaction' }).count()).toBe(0);
    await shoot(tablet, 'qs-reveal-shared-tablet');
    await tablet.reload();
    await tablet.getByRole('button', { name: 'Next card' }).waitFor();
  });
});
