// Fast friends in Chromium, both ways of playing. On two devices: closeness circles before; the intro
// begun together; the one answering first alternates; the first types a few words and reloads mid-way
// (the draft survives), and nothing of them reaches the other's page — on screen, or in Grace's frames
// when she is second — until both are done; the second passes; a star; one tap never moves the other;
// a set that has had its 15 minutes says so gently (Ada's clock moved on); the sets moved through early;
// the guided closing minute (its circle still under reduced motion), its lines running to the minute's
// end and Finish on one page, skipped on the other, each waiting for the other; closeness after, shown
// before and after on the ending; back to the lobby together; the star in Memories. On one shared
// device: each turn behind the hand-off, nothing of the first's words on screen for the second, one tap
// moving on for both, closeness before and after taken in turns and shown side by side at the end.
// Nothing typed leaves a page in the clear; axe finds nothing; screenshots at both sizes.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { CLOSING_LINES } from '../../shared/content/fast-friends-screens.js';
import { PHONE, TABLET } from '../support/browser.js';
import {
  expectAccessible,
  framesFrom,
  handTo,
  seatedPair,
  sharedDevice,
  shoot,
  shootBoth,
  startActivity,
  useBrowserWorld,
} from '../support/people.js';

const TITLE = 'Fast friends';

async function closeness(page: Page, moment: 'right now' | 'after that', value: number | null): Promise<void> {
  await page.getByRole('heading', { name: `How close do you feel ${moment}?` }).waitFor();
  if (value === null) await page.getByRole('button', { name: 'Skip' }).click();
  else await page.getByRole('button', { name: new RegExp(`^${value} of 7`) }).click();
}

/** Which of the two pages answers first on the question on the table. */
async function firstOf(ada: Page, grace: Page): Promise<[Page, Page]> {
  const lead = ada.getByText('You answer first:', { exact: true });
  await expect.poll(async () => (await lead.count()) + (await grace.getByText('You answer first:', { exact: true }).count())).toBe(1);
  return (await lead.count()) === 1 ? [ada, grace] : [grace, ada];
}

describe.runIf(inject('chromium'))('Fast friends, in Chromium', () => {
  const world = useBrowserWorld();

  it('two devices: turns that alternate, words hidden until both are done, a pass, a star, the sets, the closing minute, before → after', { timeout: 120_000 }, async () => {
    const canary = `Canary${Date.now().toString(36)}`;
    const { ada, grace, toGrace } = await seatedPair(world, [PHONE, TABLET]);
    const fromAda = framesFrom(ada);
    const fromGrace = framesFrom(grace);
    await startActivity(TITLE, [ada, grace]);
    await closeness(ada, 'right now', 3);
    await closeness(grace, 'right now', 4);

    // The intro: begun together, one tap never moves the other.
    for (const page of [ada, grace]) await page.getByRole('heading', { name: 'Three sets, a little closer each time' }).waitFor();
    await expectAccessible(ada, 'intro');
    await shootBoth(grace, 'fast-friends-intro');
    await ada.getByRole('button', { name: "We're ready — begin" }).click();
    await ada.getByText('Waiting for Grace…', { exact: false }).waitFor();
    await grace.getByText('Ada is ready to begin — whenever you are.').waitFor();
    await grace.getByRole('button', { name: "We're ready — begin" }).click();

    // Question 1: the first types a few words, reloads, and is done; the other sees none of it yet.
    for (const page of [ada, grace]) await page.getByText('Question 1 of 11').waitFor();
    let [first, second] = await firstOf(ada, grace);
    const firstName = first === ada ? 'Ada' : 'Grace';
    const secondName = first === ada ? 'Grace' : 'Ada';
    await second.getByText(`${firstName} answers first:`, { exact: true }).waitFor();
    await second.getByText('Listen — your turn comes next.').waitFor();
    expect(await second.getByRole('textbox').count()).toBe(0);
    const words = `${canary} the kitchen radio`;
    await first.getByLabel('A few words, if you like').fill(words);
    await expectAccessible(first, 'answering first');
    await shootBoth(first, 'fast-friends-answering');
    await shootBoth(second, 'fast-friends-listening');
    await first.reload();
    await first.getByText('You answer first:', { exact: true }).waitFor();
    expect(await first.getByLabel('A few words, if you like').inputValue()).toBe(words);
    await first.getByRole('button', { name: 'Done', exact: true }).click();
    await first.getByText('Your turn is done.').waitFor();
    await second.getByText('You answer now:', { exact: true }).waitFor();
    expect(await second.textContent('body')).not.toContain(canary);
    const firstSent = (first === ada ? fromAda : fromGrace).join('\n').match(/"type":"answer","at":0,"words":"([A-Za-z0-9_-]+)"/);
    expect(firstSent, 'the first sent their words sealed').not.toBeNull();
    // Grace's page is watched from before it connected: when she answers second, not even the sealed words reached it.
    if (second === grace) expect(toGrace.join('\n')).not.toContain(firstSent![1]);
    await expectAccessible(second, 'answering second');
    await second.getByRole('button', { name: 'Pass', exact: true }).click();

    // Both done: the words and the pass, side by side; a star from the one who passed.
    for (const page of [ada, grace]) {
      await page.getByText("You've both answered", { exact: true }).waitFor();
      await page.getByText(words).waitFor();
      await page.getByText('Passed this one.').waitFor();
    }
    await second.getByRole('button', { name: '☆ Keep in Memories' }).click();
    await first.getByRole('button', { name: '★ Kept in Memories', pressed: true }).waitFor();
    await expectAccessible(first, 'both answered');
    await shootBoth(first, 'fast-friends-both-answered');

    // Next question: agreed, and the other one answers first now.
    await first.getByRole('button', { name: 'Next question' }).click();
    await second.getByText(`${firstName} is ready to go to the next question — whenever you are.`).waitFor();
    expect(await second.getByText('Question 1 of 11').count()).toBe(1);
    await second.getByRole('button', { name: 'Next question' }).click();
    for (const page of [ada, grace]) await page.getByText('Question 2 of 11').waitFor();
    [first, second] = await firstOf(ada, grace);
    expect(first === ada ? 'Ada' : 'Grace').toBe(secondName);
    // A sense of time, never a stop: on Ada's page the set has run 16 minutes, and she is told gently.
    // (Her clock's jump makes her connection start again, as after a sleeping phone: nothing is lost.)
    await ada.clock.setFixedTime(Date.now() + 16 * 60_000);
    await first.getByRole('button', { name: 'Done', exact: true }).click();
    await second.getByRole('button', { name: 'Done', exact: true }).click();
    for (const page of [ada, grace]) await expect.poll(() => page.getByText('Answered aloud.').count(), { timeout: 10_000 }).toBe(2);
    await ada.getByText("That's about 15 minutes on this set. Stay with it, or:").waitFor();
    await ada.getByText('About 15 minutes a set, 16 minutes in so far.', { exact: false }).waitFor();
    await grace.getByText('Or, whenever you like:').waitFor();
    await expectAccessible(ada, 'a set that has had its time');
    await shoot(ada, 'fast-friends-time-up-phone');

    // On to the next set early, through all three, to the closing minute.
    for (const set of [2, 3]) {
      for (const page of [ada, grace]) await page.getByRole('button', { name: `On to set ${set}` }).click();
      for (const page of [ada, grace]) await page.getByText(`Set ${set} of 3 ·`).first().waitFor();
      [first, second] = await firstOf(ada, grace);
      await first.getByRole('button', { name: 'Done', exact: true }).click();
      await second.getByRole('button', { name: 'Pass', exact: true }).click();
    }
    await grace.emulateMedia({ reducedMotion: 'reduce' });
    for (const page of [ada, grace]) await page.getByRole('button', { name: 'On to the closing minute' }).click();

    // The closing minute: the circle breathes, except where motion is reduced; one skip waits for the other.
    for (const page of [ada, grace]) await page.getByRole('heading', { name: 'A quiet minute together' }).waitFor();
    const animation = (page: Page) => page.locator('.breath span').evaluate((el) => getComputedStyle(el).animationName);
    expect(await animation(ada)).toMatch(/breathe$/);
    expect(await animation(grace)).toBe('none');
    await expectAccessible(ada, 'closing minute');
    await shootBoth(ada, 'fast-friends-closing-minute');
    // The guidance moves on line by line; at the minute's end, Finish. (Ada's clock jumps a minute on.)
    await ada.getByText(CLOSING_LINES[0]!).waitFor();
    await ada.clock.setFixedTime(Date.now() + 16 * 60_000 + 61_000);
    await ada.getByText(CLOSING_LINES.at(-1)!).waitFor();
    await ada.getByText('The minute is up.').waitFor();
    await ada.getByRole('button', { name: 'Finish', exact: true }).click();
    await grace.getByText('Ada is ready to finish — whenever you are.').waitFor();
    await grace.getByRole('heading', { name: 'A quiet minute together' }).waitFor();
    await grace.getByRole('button', { name: 'Skip the minute' }).click();

    // Closeness after, then both pairs side by side on the ending; back to the lobby together.
    await closeness(ada, 'after that', 5);
    await closeness(grace, 'after that', 6);
    for (const page of [ada, grace]) {
      await page.getByRole('heading', { name: 'Thank you, both' }).waitFor();
      const table = page.getByRole('table');
      await table.getByRole('row', { name: /Ada/ }).getByText('3 of 7').waitFor();
      await table.getByRole('row', { name: /Ada/ }).getByText('5 of 7').waitFor();
      await table.getByRole('row', { name: /Grace/ }).getByText('4 of 7').waitFor();
      await table.getByRole('row', { name: /Grace/ }).getByText('6 of 7').waitFor();
      await page.getByRole('heading', { name: 'Kept in Memories' }).waitFor();
    }
    await expectAccessible(grace, 'ending');
    await shootBoth(grace, 'fast-friends-ending');
    await ada.getByRole('button', { name: "We're done — back to the lobby" }).click();
    await grace.getByRole('button', { name: "We're done — back to the lobby" }).click();
    await grace.getByRole('button', { name: 'Open Memories (1)' }).click();
    const kept = grace.getByRole('listitem').filter({ hasText: words });
    await kept.waitFor();
    await kept.getByText(/ · Fast friends$/).waitFor();

    // Nothing typed left either page in the clear.
    const sent = [...fromAda, ...fromGrace].join('\n');
    expect(sent).toContain('"type":"answer"');
    expect(sent, 'a page sent the words in the clear').not.toContain(canary);
  });

  it('one shared device: each turn behind the hand-off, the first one’s words kept off the screen until both are done, on to the end', { timeout: 60_000 }, async () => {
    const tablet = await world.people.open(TABLET);
    await sharedDevice(tablet, world.server.url);
    await startActivity(TITLE, [tablet, tablet], ['Ada is ready', 'Grace is ready']);
    for (const [name, value] of [['Ada', 2], ['Grace', 5]] as const) {
      await handTo(tablet, name);
      await closeness(tablet, 'right now', value);
    }
    // The intro is for both: one tap begins it.
    await tablet.getByRole('heading', { name: 'Three sets, a little closer each time' }).waitFor();
    await tablet.getByRole('button', { name: "We're ready — begin" }).click();

    const handoff = tablet.getByRole('heading', { name: /^Pass the device to / });
    await handoff.waitFor();
    const firstName = (await handoff.textContent())!.includes('Ada') ? 'Ada' : 'Grace';
    const secondName = firstName === 'Ada' ? 'Grace' : 'Ada';
    await shoot(tablet, 'fast-friends-shared-handoff-tablet');
    await handTo(tablet, firstName);
    await tablet.getByText(`${firstName}, you answer first:`, { exact: true }).waitFor();
    await tablet.getByLabel('A few words, if you like').fill('private-first the lake in winter');
    await tablet.getByRole('button', { name: 'Done', exact: true }).click();

    await handTo(tablet, secondName);
    await tablet.getByText(`${secondName}, you answer now:`, { exact: true }).waitFor();
    expect(await tablet.textContent('body')).not.toContain('private-first');
    await expectAccessible(tablet, 'shared device, second turn');
    await shootBoth(tablet, 'fast-friends-shared-second');
    await tablet.getByRole('button', { name: 'Done', exact: true }).click();

    // Both done: one screen for both, and one tap moves on for both; the next turn is the other's, handed over.
    await tablet.getByText('private-first the lake in winter').waitFor();
    await tablet.getByRole('button', { name: 'Next question' }).click();
    await handTo(tablet, secondName);
    await tablet.getByText(`${secondName}, you answer first:`, { exact: true }).waitFor();
    await tablet.getByText('Question 2 of 11').waitFor();

    // Through the sets early (one tap for both), each turn handed over, to the closing minute and the end.
    const turnBoth = async (firstName: string) => {
      for (const name of [firstName, firstName === 'Ada' ? 'Grace' : 'Ada']) {
        if (name !== firstName) await handTo(tablet, name);
        await tablet.getByRole('button', { name: 'Pass', exact: true }).click();
      }
    };
    await turnBoth(secondName);
    for (const [set, starts] of [[2, firstName], [3, secondName]] as const) {
      await tablet.getByRole('button', { name: `On to set ${set}` }).click();
      await handTo(tablet, starts);
      await tablet.getByText(`Set ${set} of 3 ·`).first().waitFor();
      await turnBoth(starts);
    }
    await tablet.getByRole('button', { name: 'On to the closing minute' }).click();
    await tablet.getByRole('heading', { name: 'A quiet minute together' }).waitFor();
    await tablet.getByRole('button', { name: 'Skip the minute' }).click();
    for (const [name, value] of [['Ada', 4], ['Grace', 6]] as const) {
      await handTo(tablet, name);
      await closeness(tablet, 'after that', value);
    }
    await tablet.getByRole('heading', { name: 'Thank you, both' }).waitFor();
    await expect.poll(() => tablet.getByRole('table').getByRole('row', { name: /Ada/ }).textContent()).toMatch(/2 of 7.*4 of 7/);
    await expect.poll(() => tablet.getByRole('table').getByRole('row', { name: /Grace/ }).textContent()).toMatch(/5 of 7.*6 of 7/);
    await expectAccessible(tablet, 'shared device, ending');
    await shoot(tablet, 'fast-friends-shared-ending-tablet');
    await tablet.getByRole('button', { name: "We're done — back to the lobby" }).click();
    await tablet.getByRole('button', { name: `Start ${TITLE}` }).waitFor();
  });
});
