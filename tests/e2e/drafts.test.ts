// Nothing written is lost: a half-typed answer, idea or sentence survives a reload (per seat; on a shared
// device per person), drafts go at the reveal and on erase, an answer sent while the connection is gone
// goes by itself once it is back (with its first id), and one refused on its way keeps its words.
// Maya's browser reaches the server through a TCP proxy that can stall, as a silent network drop does.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { INTIMACY_KINDS } from '../../shared/intimacy.js';
import { PHONE, TABLET } from '../support/browser.js';
import { acceptSuggestion, createRoom, expectAccessible, joinByLink, sharedDevice, shootBoth, startActivity, useBrowserWorld } from '../support/people.js';
import { answered, cardText, openTo, toWrittenCard } from '../support/question-swap-page.js';
import { rankAs } from '../support/what-it-means-page.js';
import { startStallProxy, type StallProxy } from '../support/stall-proxy.js';

const stored = (page: Page) => page.evaluate(() => `${localStorage.getItem('closer.drafts')}|${localStorage.getItem('closer.outbox')}`);

/** Longer than the 20 s after which a send used to give up and ask to be sent again by hand. */
const OFFLINE_MS = 21_000;

describe.runIf(inject('chromium'))('drafts and the outbox in Chromium', () => {
  const world = useBrowserWorld();
  let proxy: StallProxy;
  beforeAll(async () => {
    proxy = await startStallProxy(world.server.url);
  });
  afterAll(() => proxy?.close());

  /** Maya (through the proxy) and Lea, on the first card of Question Swap. */
  async function questionSwap(): Promise<{ maya: Page; lea: Page }> {
    const maya = await world.people.open(PHONE);
    const link = await createRoom(maya, proxy.url, 'Maya');
    const lea = await world.people.open(TABLET);
    await joinByLink(lea, link.replace(proxy.url, world.server.url), 'Lea');
    await maya.getByRole('heading', { name: 'Maya & Lea' }).waitFor();
    await startActivity('Question Swap', [maya, lea]);
    for (const page of [maya, lea]) await openTo(page);
    await maya.locator('#card-text').waitFor();
    await toWrittenCard(maya);
    await toWrittenCard(lea);
    return { maya, lea };
  }

  it('a half-typed answer survives a reload, goes at the reveal; one sent while offline goes by itself once back', { timeout: 120_000 }, async () => {
    const { maya, lea } = await questionSwap();
    await maya.getByRole('textbox').fill('half of what I meant');
    await maya.reload();
    await expect.poll(() => maya.getByRole('textbox').inputValue()).toBe('half of what I meant');
    // Never shown to the other.
    expect(await lea.getByRole('textbox').inputValue()).toBe('');

    // The network goes silent; Maya finishes and sends anyway.
    proxy.stall();
    await maya.getByRole('textbox').fill('half of what I meant, and the rest');
    await maya.getByRole('button', { name: 'Send answer' }).click();
    await maya.getByText('Reconnecting… what you sent is kept and goes as soon as you are back.').waitFor({ timeout: 15_000 });
    await shootBoth(maya, 'drafts-offline-kept');
    await new Promise((resolve) => setTimeout(resolve, OFFLINE_MS));
    proxy.resume();
    await answered(maya);
    await lea.getByRole('textbox').fill('mine');
    await lea.getByRole('button', { name: 'Send answer' }).click();
    await lea.getByText('half of what I meant, and the rest').waitFor();
    await maya.getByText('mine', { exact: true }).waitFor();
    // Revealed: nothing of it is left in the drafts or the outbox.
    expect(await stored(maya)).not.toContain('half of what I meant');

    // A draft waits through an ended game (it can be picked up again), and goes with the erased room.
    await toWrittenCardAfterNext(maya, lea);
    await maya.getByRole('textbox').fill('a draft that goes with the room');
    await expect.poll(() => stored(maya)).toContain('a draft that goes with the room');
    await maya.getByRole('button', { name: 'End game' }).click();
    await maya.getByRole('button', { name: 'End for both' }).click();
    await maya.getByRole('button', { name: 'Leave and erase room' }).click();
    expect(await stored(maya)).toContain('a draft that goes with the room');
    await maya.getByRole('button', { name: 'Yes, erase it' }).click();
    await maya.getByRole('heading', { name: 'Room erased' }).waitFor();
    expect(await stored(maya)).not.toContain('a draft that goes with the room');
  });

  it('a "would you rather" pick survives a reload with its why, and only the pick was needed to send', { timeout: 90_000 }, async () => {
    const { maya, lea } = await questionSwap();
    const pickOne = maya.getByRole('group', { name: 'Pick one' });
    for (let i = 0; i < 60 && !(await pickOne.count()); i++) {
      const before = await cardText(maya);
      await maya.getByRole('button', { name: 'Pass this card' }).click();
      await expect.poll(() => cardText(maya)).not.toBe(before);
    }
    const second = pickOne.getByRole('radio').nth(1);
    await second.check();
    await maya.getByRole('textbox').fill('it sounds calmer');
    await maya.reload();
    await pickOne.waitFor();
    await expect.poll(() => pickOne.getByRole('radio').nth(1).isChecked()).toBe(true);
    expect(await pickOne.getByRole('radio').first().isChecked()).toBe(false);
    expect(await maya.getByRole('textbox').inputValue()).toBe('it sounds calmer');
    // Never shown to the other, on screen or in what their device keeps.
    expect(await lea.getByRole('radio', { checked: true }).count()).toBe(0);
    await maya.getByRole('button', { name: 'Send answer' }).click();
    await answered(maya);
    expect(await maya.getByText('Pick one of the two.').count()).toBe(0);
  });

  it('after "End for both", another activity, and "Pick up", the same card holds the words not yet sent', { timeout: 90_000 }, async () => {
    const { maya, lea } = await questionSwap();
    await toWrittenCard(lea);
    await lea.getByRole('textbox').fill('sent before the end');
    await lea.getByRole('button', { name: 'Send answer' }).click();
    await answered(lea);
    const card = await cardText(maya);
    await maya.getByRole('textbox').fill('unsent words across an end');
    await maya.getByRole('button', { name: 'End game' }).click();
    await maya.getByRole('button', { name: 'End for both' }).click();
    await maya.getByRole('heading', { name: 'Maya & Lea' }).waitFor();
    // Something else in between: its own drafts never push out the kept game's.
    await startActivity('Plan something together', [maya, lea]);
    await maya.getByPlaceholder('Your own idea').fill('a walk at dusk');
    await maya.getByRole('button', { name: 'End', exact: true }).click();
    await maya.getByRole('button', { name: 'End for both' }).click();
    await maya.getByRole('heading', { name: 'Maya & Lea' }).waitFor();
    await maya.getByRole('button', { name: /^Pick up Question Swap/ }).click();
    await acceptSuggestion(lea, 'Question Swap');
    await maya.locator('#card-text').waitFor();
    expect(await cardText(maya)).toBe(card);
    await expect.poll(() => maya.getByRole('textbox').inputValue()).toBe('unsent words across an end');
    await shootBoth(maya, 'drafts-picked-up');
  });

  it('an answer refused on its way back (the card moved on meanwhile) says so and keeps the words', { timeout: 90_000 }, async () => {
    const { maya, lea } = await questionSwap();
    proxy.stall();
    await maya.getByRole('textbox').fill('words written on a train');
    await maya.getByRole('button', { name: 'Send answer' }).click();
    await maya.getByText(/Reconnecting…/).waitFor({ timeout: 15_000 });
    // Meanwhile Lea passes: the card Maya answered is gone.
    const before = await cardText(lea);
    await lea.getByRole('button', { name: 'Pass this card' }).click();
    await expect.poll(() => cardText(lea)).not.toBe(before);
    proxy.resume();
    const notice = maya.getByRole('alert', { name: 'Not sent' });
    await notice.waitFor({ timeout: 20_000 });
    await notice.getByText('words written on a train').waitFor();
    await expectAccessible(maya, 'refused resend');
    await shootBoth(maya, 'drafts-refused-kept');
    // Still there after a reload, until dismissed.
    await maya.reload();
    await notice.getByText('words written on a train').waitFor();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notice.count()).toBe(0);
  });

  it('one shared device: each person finds their own draft after a reload, and never the other’s', async () => {
    const tablet = await world.people.open(TABLET);
    await sharedDevice(tablet, world.server.url);
    await startActivity('Question Swap', [tablet, tablet], ['Ada is ready', 'Grace is ready']);
    for (const name of ['Ada', 'Grace']) {
      await tablet.getByRole('button', { name: `I'm ${name}` }).click();
      await tablet.getByRole('button', { name: '5 of 7' }).click();
    }
    for (const name of ['Ada', 'Grace']) {
      await tablet.getByRole('button', { name: `I'm ${name}` }).click();
      await openTo(tablet);
    }
    const first = (await tablet.getByRole('heading', { name: /Pass the device to/ }).textContent())!.replace('Pass the device to ', '');
    const second = first === 'Ada' ? 'Grace' : 'Ada';
    await tablet.getByRole('button', { name: `I'm ${first}` }).click();
    await toWrittenCard(tablet);
    await tablet.getByRole('textbox').fill(`${first}'s own half`);
    await tablet.reload();
    await tablet.getByRole('button', { name: `I'm ${first}` }).click();
    await expect.poll(() => tablet.getByRole('textbox').inputValue()).toBe(`${first}'s own half`);
    await tablet.getByRole('button', { name: 'Send answer' }).click();
    await tablet.getByRole('button', { name: `I'm ${second}` }).click();
    expect(await tablet.getByRole('textbox').inputValue()).toBe('');
    expect(await tablet.textContent('body')).not.toContain(`${first}'s own half`);
  });

  it('Plan ideas and What-it-means sentences survive a reload', async () => {
    const ada = await world.people.open(PHONE);
    const link = await createRoom(ada, world.server.url, 'Ada');
    const grace = await world.people.open(PHONE);
    await joinByLink(grace, link, 'Grace');
    await ada.getByRole('heading', { name: 'Ada & Grace' }).waitFor();

    await startActivity('Plan something together', [ada, grace]);
    await ada.getByPlaceholder('Your own idea').fill('A picnic by the lake');
    await ada.reload();
    await expect.poll(() => ada.getByPlaceholder('Your own idea').inputValue()).toBe('A picnic by the lake');
    await ada.getByRole('button', { name: 'End', exact: true }).click();
    await ada.getByRole('button', { name: 'End for both' }).click();
    await ada.getByRole('heading', { name: 'Ada & Grace' }).waitFor();

    await startActivity('What intimacy means to me', [ada, grace]);
    await rankAs(ada, INTIMACY_KINDS);
    await ada.getByRole('button', { name: 'Next: three sentences' }).click();
    await ada.getByRole('heading', { name: 'Finish up to three sentences' }).waitFor();
    await ada.getByRole('textbox').first().fill('close when we cook together');
    // The ranking and ratings were saved as they were left: the reload opens the sentences again.
    await ada.reload();
    await ada.getByRole('heading', { name: 'Finish up to three sentences' }).waitFor();
    await expect.poll(() => ada.getByRole('textbox').first().inputValue()).toBe('close when we cook together');
    await shootBoth(ada, 'drafts-sentences-restored');
  });
});

/** After a reveal: both tap Next card, then pass to a card that takes words. */
async function toWrittenCardAfterNext(maya: Page, lea: Page): Promise<void> {
  for (const page of [maya, lea]) await page.getByRole('button', { name: 'Next card' }).click();
  await maya.getByText('Card 2 of').waitFor();
  await toWrittenCard(maya);
}
