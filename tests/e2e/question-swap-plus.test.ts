// Question Swap's wildcards, favourites and written cards in Chromium, on two devices and on one shared
// device: what each person sees and taps, axe on each new screen, and screenshots to look at.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PHONE, TABLET } from '../support/browser.js';
import { expectAccessible, handTo, seatedPair, sharedDevice, shoot, shootBoth, skipClosenessInTurn, startActivity, useBrowserWorld } from '../support/people.js';
import { answer, answered, cardText, chooseCards, openOptions, openTo } from '../support/question-swap-page.js';

const wildcardHeading = (page: Page) => page.getByRole('heading', { name: /wildcard$/ });

/** Both skip the closeness question and say they are open to every kind, personal at most. */
async function begin(ada: Page, grace: Page): Promise<void> {
  for (const page of [ada, grace]) await page.getByRole('button', { name: 'Skip' }).click();
  for (const page of [ada, grace]) await openTo(page);
}

/** On two devices, both answer card `n` and wait at the reveal. */
async function revealOn(ada: Page, grace: Page, n: number, of: number): Promise<void> {
  await ada.getByText(new RegExp(`^Card ${n} of ${of} · `)).waitFor();
  await answer(ada, `ada ${n}`);
  await answered(ada);
  await answer(grace, `grace ${n}`);
  for (const page of [ada, grace]) await page.getByRole('button', { name: 'Next card' }).waitFor();
}

/** On one shared device, from the lobby: a game of `cards`, both skip the closeness question and agree; the first person's card shows. */
async function startSharedGame(tablet: Page, cards: number): Promise<void> {
  await chooseCards(tablet, cards);
  await startActivity('Question Swap', [tablet, tablet], ['Ada is ready', 'Grace is ready']);
  await skipClosenessInTurn(tablet);
  for (const name of ['Ada', 'Grace']) {
    await handTo(tablet, name);
    await openTo(tablet);
  }
  const who = (await tablet.getByRole('heading', { name: /Pass the device to/ }).textContent())!.replace('Pass the device to ', '');
  await handTo(tablet, who);
}

describe.runIf(inject('chromium'))('Question Swap’s wildcards, favourites and written cards in Chromium', () => {
  const world = useBrowserWorld();

  it('two devices: the wildcard is one person’s to play; the other sees it is theirs, then what it chose', { timeout: 120_000 }, async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, TABLET]);
    await chooseCards(ada, 5);
    await startActivity('Question Swap', [ada, grace]);
    await begin(ada, grace);
    for (let n = 1; n <= 5; n++) {
      await revealOn(ada, grace, n, 5);
      if ((await wildcardHeading(ada).count()) === 0) {
        for (const page of [ada, grace]) await page.getByRole('button', { name: 'Next card' }).click();
        continue;
      }
      const adaHas = (await wildcardHeading(ada).textContent())!.includes('Your wildcard');
      const [chooser, watcher, chooserName] = adaHas ? [ada, grace, 'Ada'] : [grace, ada, 'Grace'];
      expect(await wildcardHeading(watcher).textContent()).toContain(`${chooserName}'s wildcard`);
      await watcher.getByText(`${chooserName} can choose what the next card will be.`).waitFor();
      expect(await watcher.getByRole('button', { name: 'Pick the next kind' }).count()).toBe(0);
      await expectAccessible(chooser, 'wildcard on offer');
      await expectAccessible(watcher, 'wildcard, the other’s');
      await chooser.getByRole('heading', { name: 'Your wildcard' }).scrollIntoViewIfNeeded();
      await shootBoth(chooser, 'qs-wildcard');
      await shoot(watcher, 'qs-wildcard-other-tablet');
      await chooser.getByRole('button', { name: 'Pick the next kind' }).click();
      // The focus follows each step: to the first kind, then to what was chosen.
      await expect.poll(() => chooser.evaluate(() => document.activeElement?.textContent)).toBe('Emotional');
      await chooser.getByRole('button', { name: 'Spiritual' }).click();
      for (const page of [chooser, watcher]) await page.getByText(`${chooserName} chose: a spiritual card next.`).waitFor();
      await expect.poll(() => chooser.evaluate(() => document.activeElement?.textContent)).toBe(`${chooserName} chose: a spiritual card next.`);
      for (const page of [ada, grace]) await page.getByRole('button', { name: 'Next card' }).click();
      for (const page of [ada, grace]) {
        await page.getByText(`${chooserName}'s wildcard: a spiritual card.`).waitFor();
        await page.locator('.marks .kind').getByText('Spiritual').waitFor();
      }
      await expectAccessible(watcher, 'card a wildcard chose');
      await shootBoth(watcher, 'qs-wildcard-chosen');
      return;
    }
    throw new Error('no wildcard in a deck of five');
  });

  it('one shared device: the wildcard names whose it is; swapping who goes first shows on the next card', { timeout: 150_000 }, async () => {
    const tablet = await world.people.open(TABLET);
    await sharedDevice(tablet, world.server.url);
    await chooseCards(tablet, 5);
    await startActivity('Question Swap', [tablet, tablet], ['Ada is ready', 'Grace is ready']);
    await skipClosenessInTurn(tablet);
    for (const name of ['Ada', 'Grace']) {
      await handTo(tablet, name);
      await openTo(tablet);
    }
    for (let n = 1; n <= 5; n++) {
      await tablet.getByText(new RegExp(`^Card ${n} of 5 · `)).waitFor();
      for (let i = 0; i < 2; i++) {
        const who = (await tablet.getByRole('heading', { name: /Pass the device to/ }).textContent())!.replace('Pass the device to ', '');
        await handTo(tablet, who);
        await answer(tablet, `words ${n}`);
      }
      await tablet.getByRole('button', { name: 'Next card' }).waitFor();
      if ((await wildcardHeading(tablet).count()) === 0) {
        await tablet.getByRole('button', { name: 'Next card' }).click();
        continue;
      }
      const name = /(Ada|Grace)'s wildcard/.exec((await wildcardHeading(tablet).textContent())!)?.[1];
      if (!name) throw new Error('the wildcard names nobody');
      await tablet.getByText(`${name}, choose what the next card will be`).waitFor();
      await expectAccessible(tablet, 'shared wildcard');
      await wildcardHeading(tablet).scrollIntoViewIfNeeded();
      await shootBoth(tablet, 'qs-wildcard-shared');
      await tablet.getByRole('button', { name: 'Swap who goes first' }).click();
      await tablet.getByText(`${name} chose: swap who goes first. From the next card, the other goes first.`).waitFor();
      await tablet.getByRole('button', { name: 'Next card' }).click();
      await tablet.getByText(new RegExp(`^Card ${n + 1} of 5 · `)).waitFor();
      // Answering is private: the next card starts behind the hand-off, then names the wildcard.
      const who = (await tablet.getByRole('heading', { name: /Pass the device to/ }).textContent())!.replace('Pass the device to ', '');
      await handTo(tablet, who);
      await tablet.getByText(`${name}'s wildcard: swap who goes first.`).waitFor();
      await expectAccessible(tablet, 'shared card after a swap');
      return;
    }
    throw new Error('no wildcard in a deck of five');
  });

  it('two devices: "Come back to this" marks the card for both, and "Our favourites" deals it first next time', { timeout: 120_000 }, async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, TABLET]);
    await chooseCards(ada, 3);
    // Nothing is kept yet, so there are no favourites to choose.
    expect(await ada.getByRole('radio', { name: 'Our favourites first' }).count()).toBe(0);
    await startActivity('Question Swap', [ada, grace]);
    await begin(ada, grace);
    const kept = await cardText(ada);
    const come = (page: Page) => page.getByRole('button', { name: 'Come back to this' });
    await come(ada).click();
    for (const page of [ada, grace]) {
      await expect.poll(() => come(page).getAttribute('aria-pressed')).toBe('true');
      await page.getByText('Kept for “Our favourites” in a later game.').waitFor();
    }
    expect((await come(grace).boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await expectAccessible(grace, 'card kept to come back to');
    await shootBoth(grace, 'qs-favourite');
    await grace.getByRole('button', { name: 'End game' }).click();
    await grace.getByRole('button', { name: 'End for both' }).click();
    await openOptions(ada);
    await ada.getByRole('radio', { name: 'Our favourites first' }).check();
    await chooseCards(ada, 3);
    await expectAccessible(ada, 'lobby with our favourites');
    await ada.getByRole('radio', { name: 'Our favourites first' }).scrollIntoViewIfNeeded();
    await shootBoth(ada, 'qs-favourites-option');
    await startActivity('Question Swap', [ada, grace]);
    await begin(ada, grace);
    for (const page of [ada, grace]) {
      await expect.poll(() => cardText(page)).toBe(kept);
      await expect.poll(() => come(page).getAttribute('aria-pressed')).toBe('true');
    }
  });

  it('one shared device: either marks a card, and "Our favourites" on the tablet deals it first', { timeout: 120_000 }, async () => {
    const tablet = await world.people.open(TABLET);
    await sharedDevice(tablet, world.server.url);
    await startSharedGame(tablet, 3);
    const kept = await cardText(tablet);
    await tablet.getByRole('button', { name: 'Come back to this' }).click();
    await expect.poll(() => tablet.getByRole('button', { name: 'Come back to this' }).getAttribute('aria-pressed')).toBe('true');
    await tablet.getByRole('button', { name: 'End game' }).click();
    await tablet.getByRole('button', { name: 'End for both' }).click();
    await skipClosenessInTurn(tablet);
    await openOptions(tablet);
    await tablet.getByRole('radio', { name: 'Our favourites first' }).check();
    await startSharedGame(tablet, 3);
    await expect.poll(() => cardText(tablet)).toBe(kept);
    await expectAccessible(tablet, 'shared favourite dealt again');
  });

  it('two devices: a card Ada writes is sealed, joins the deck, and Grace reads "Ada wrote this card" and may pass it', { timeout: 150_000 }, async () => {
    const { ada, grace, toGrace } = await seatedPair(world, [PHONE, TABLET]);
    await chooseCards(ada, 3);
    await startActivity('Question Swap', [ada, grace]);
    await begin(ada, grace);
    for (let n = 1; n <= 3; n++) {
      await revealOn(ada, grace, n, 3);
      for (const page of [ada, grace]) await page.getByRole('button', { name: 'Next card' }).click();
    }
    for (const page of [ada, grace]) await page.getByRole('button', { name: 'Skip the note' }).click();
    for (const page of [ada, grace]) {
      await page.getByRole('heading', { name: 'What you shared today' }).waitFor();
      const skip = page.getByRole('button', { name: 'Skip', exact: true });
      if (await skip.count()) await skip.click();
    }
    const secret = `OwnCard${Date.now()}`;
    await ada.getByText('Write a card of your own').click();
    await ada.getByRole('button', { name: 'Add to our deck' }).click();
    await ada.getByRole('alert').getByText('Write the card first.').waitFor();
    await ada.getByLabel('The card').fill(`${secret}: what do you hope we never stop doing?`);
    await expectAccessible(ada, 'writing a card');
    await ada.getByRole('group', { name: 'What kind of card?' }).scrollIntoViewIfNeeded();
    await shootBoth(ada, 'qs-write-card');
    await ada.getByRole('button', { name: 'Add to our deck' }).click();
    await ada.getByText('Added to your deck. It comes in a later round.').waitFor();
    await ada.getByText('Your cards in the deck').waitFor();
    await ada.getByRole('button', { name: 'Take it back' }).waitFor();
    expect(await grace.textContent('body')).not.toContain(secret);
    expect(toGrace.join('\n')).not.toContain(secret);
    for (const page of [ada, grace]) await page.getByRole('button', { name: 'A few more cards' }).click();
    await grace.getByText('Ada wrote this card').waitFor();
    await ada.getByText('You wrote this card').waitFor();
    for (const page of [ada, grace]) await expect.poll(() => cardText(page)).toBe(`${secret}: what do you hope we never stop doing?`);
    await expectAccessible(grace, 'a card Ada wrote');
    await shootBoth(grace, 'qs-own-card');
    await grace.getByRole('button', { name: 'Pass this card' }).click();
    for (const page of [ada, grace]) await expect.poll(() => cardText(page)).not.toContain(secret);
  });

  it('one shared device: whoever writes says who they are, and the card comes with their name', { timeout: 150_000 }, async () => {
    const tablet = await world.people.open(PHONE);
    await sharedDevice(tablet, world.server.url);
    await startSharedGame(tablet, 3);
    for (let n = 1; n <= 3; n++) {
      for (let i = 0; i < 2; i++) {
        if (i === 1 || n > 1) {
          const who = (await tablet.getByRole('heading', { name: /Pass the device to/ }).textContent())!.replace('Pass the device to ', '');
          await handTo(tablet, who);
        }
        await answer(tablet, `words ${n}`);
      }
      await tablet.getByRole('button', { name: 'Next card' }).click();
    }
    await skipClosenessInTurn(tablet);
    for (const name of ['Ada', 'Grace']) {
      await handTo(tablet, name);
      await tablet.getByRole('button', { name: 'Skip the note' }).click();
    }
    await tablet.getByRole('heading', { name: 'What you shared today' }).waitFor();
    await tablet.getByText('Write a card of your own').click();
    await tablet.getByRole('group', { name: 'Who is writing?' }).getByRole('radio', { name: 'Grace' }).check();
    await tablet.getByRole('group', { name: 'What kind of card?' }).getByRole('radio', { name: 'Would you rather' }).check();
    await tablet.getByLabel('The card').fill('Tonight, would you rather');
    await tablet.getByLabel('Option 1').fill('cook together');
    await tablet.getByRole('button', { name: 'Add to our deck' }).click();
    await tablet.getByRole('alert').getByText('Write both options.').waitFor();
    expect(await tablet.getByLabel('The card').inputValue()).toBe('Tonight, would you rather');
    await tablet.getByLabel('Option 2').fill('order in');
    await tablet.getByRole('button', { name: 'Add to our deck' }).click();
    await tablet.getByText("Grace's cards in the deck").waitFor();
    await expectAccessible(tablet, 'shared, writing a card');
    await shoot(tablet, 'qs-write-card-shared-phone');
    await tablet.getByRole('button', { name: 'A few more cards' }).click();
    const who = (await tablet.getByRole('heading', { name: /Pass the device to/ }).textContent())!.replace('Pass the device to ', '');
    await handTo(tablet, who);
    await tablet.getByText('Grace wrote this card').waitFor();
    await expect.poll(() => cardText(tablet)).toBe('Tonight, would you rather');
    await tablet.getByRole('radio', { name: 'order in' }).waitFor();
    await expectAccessible(tablet, 'shared, a card Grace wrote');
    await shootBoth(tablet, 'qs-own-card-shared');
    const before = await cardText(tablet);
    await tablet.getByRole('button', { name: 'Pass this card' }).click();
    await expect.poll(() => cardText(tablet)).not.toBe(before);
  });
});
