// "We live apart" in Chromium (issue 17): ticked on the start page, the lobby's switch is on for both and
// either may flip it; Question Swap then deals no card, and Plan together offers no idea, that needs the
// two in the same place.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { CARDS } from '../../shared/content/cards.js';
import { IDEAS } from '../../shared/content/ideas.js';
import { PHONE } from '../support/browser.js';
import { expectAccessible, framesTo, inviteLink, joinByLink, shoot, startActivity, useBrowserWorld, type BrowserWorld } from '../support/people.js';
import { cardText, openTo } from '../support/question-swap-page.js';

const samePlaceCards = new Set(CARDS.filter((c) => c.samePlace).map((c) => c.id));

/** Ada starts a room with "We live apart" ticked; Grace joins by its link. `toAda`: every frame Ada's page received. */
async function apartPair(world: BrowserWorld, look = false): Promise<{ ada: Page; grace: Page; toAda: string[] }> {
  const ada = await world.people.open(PHONE);
  const toAda = framesTo(ada);
  await ada.goto(world.server.url);
  await ada.getByLabel('Your first name').first().fill('Ada');
  if (look) {
    // The whole row is the target: a tap on its words ticks it, and it is as tall as the other choices.
    const row = ada.locator('label', { has: ada.getByRole('checkbox') });
    expect((await row.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await row.getByText('We live apart').click();
    expect(await ada.getByRole('checkbox', { name: "We live apart (we'll play over a call)" }).isChecked()).toBe(true);
  }
  await ada.getByRole('checkbox', { name: "We live apart (we'll play over a call)" }).check();
  if (look) {
    await expectAccessible(ada, 'home with we live apart');
    await shoot(ada, 'apart-home-phone');
  }
  await ada.getByRole('button', { name: 'Create a room' }).click();
  await ada.getByRole('heading', { name: 'Invite your partner' }).waitFor();
  const grace = await world.people.open(PHONE);
  await joinByLink(grace, await inviteLink(ada), 'Grace');
  await ada.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
  return { ada, grace, toAda };
}

const apartSwitch = (page: Page) => page.getByRole('switch', { name: 'We live apart' });

describe.runIf(inject('chromium'))('we live apart, in Chromium', () => {
  const world = useBrowserWorld();

  it('ticked at the start, the lobby switch is on for both, either flips it, and Question Swap deals no same-place card', async () => {
    const { ada, grace, toAda } = await apartPair(world, true);
    for (const page of [ada, grace]) await expect.poll(() => apartSwitch(page).getAttribute('aria-checked')).toBe('true');
    await ada.getByText('Hides cards and plan ideas that need you in the same place.').waitFor();
    await expectAccessible(ada, 'lobby with the apart switch');
    await shoot(ada, 'apart-lobby-phone');

    // Grace turns it off and on again; Ada's switch follows.
    await apartSwitch(grace).click();
    await expect.poll(() => apartSwitch(ada).getAttribute('aria-checked')).toBe('false');
    await apartSwitch(grace).click();
    await expect.poll(() => apartSwitch(ada).getAttribute('aria-checked')).toBe('true');

    await startActivity('Question Swap', [ada, grace]);
    for (const page of [ada, grace]) {
      await page.getByRole('heading', { name: 'What are you open to today?' }).waitFor();
      await openTo(page);
    }
    await ada.locator('#card-text').waitFor();
    for (let i = 0; i < 25; i++) {
      const before = await cardText(ada);
      await ada.getByRole('button', { name: 'Pass this card' }).click();
      await expect.poll(() => cardText(ada)).not.toBe(before);
    }
    // Every card the server put on Ada's table, read from the frames she received.
    const dealt = new Set(toAda.flatMap((frame) => [...frame.matchAll(/"card":\{"id":"([^"]+)"/g)].map((m) => m[1]!)));
    expect(dealt.size).toBeGreaterThan(10);
    expect([...dealt].filter((id) => samePlaceCards.has(id))).toEqual([]);
  });

  it('Plan together offers only ideas that work at a distance', async () => {
    const { ada, grace } = await apartPair(world);
    await startActivity('Plan something together', [ada, grace]);
    await ada.getByRole('heading', { name: 'What could you do together?' }).waitFor();
    await ada.getByText('You live apart, so these all work at a distance.').waitFor();
    const offered = await ada.locator('.builtin li span').allTextContents();
    expect(offered.length).toBeGreaterThan(5);
    expect(offered.filter((text) => IDEAS.some((idea) => idea.samePlace && idea.text === text))).toEqual([]);
    expect(offered.every((text) => IDEAS.some((idea) => !idea.samePlace && idea.text === text))).toBe(true);
    await expectAccessible(ada, 'plan ideas apart');
  });
});
