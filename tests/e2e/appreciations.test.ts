// Appreciations in Chromium, both ways of playing. On two devices: Ada writes one with a starter chip and
// reloads mid-way (the draft survives), Grace writes three; nothing of Ada's reaches Grace's page before
// both are done (not even sealed); then they take turns reading, one asks for a reading aloud, Grace's
// page closes mid-reading and she comes back to the same place, a star lands in Memories, and both go back
// together. On one shared device: the writing is handed over, the reading is done together on one screen.
// Nothing anyone wrote or answered leaves a page in the clear; axe finds nothing; screenshots at both sizes.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PHONE, TABLET } from '../support/browser.js';
import { expectAccessible, framesFrom, handTo, seatedPair, sharedDevice, shoot, shootBoth, skipCloseness, skipClosenessInTurn, startActivity, useBrowserWorld } from '../support/people.js';

const TITLE = 'Appreciations';
const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

/** Taps a starter chip (after choosing its kind) and carries on typing after it. */
async function startWith(page: Page, kind: string, starter: string, words: string): Promise<void> {
  await page.getByRole('radio', { name: kind }).check();
  await page.getByRole('button', { name: starter, exact: true }).click();
  await page.keyboard.type(words);
}

async function writeMore(page: Page, index: number, words: string): Promise<void> {
  await page.getByRole('button', { name: 'Add another' }).click();
  await page.getByLabel(`Appreciation ${index}`).fill(words);
}

describe.runIf(inject('chromium'))('Appreciations, in Chromium', () => {
  const world = useBrowserWorld();

  it('two devices: private writing with a draft that survives a reload, turns to read, a reading aloud, a drop-off, a star, back together', { timeout: 90_000 }, async () => {
    const canary = `Canary${Date.now().toString(36)}`;
    const { ada, grace: firstGrace, toGrace } = await seatedPair(world, [PHONE, TABLET]);
    let grace = firstGrace;
    const fromAda = framesFrom(ada);
    const fromGrace = framesFrom(grace);
    await startActivity(TITLE, [ada, grace]);
    for (const page of [ada, grace]) await skipCloseness(page);

    // Ada starts from a chip, types, and reloads: what she wrote is still there.
    await ada.getByRole('heading', { name: 'What do you appreciate about Grace?' }).waitFor();
    await expectAccessible(ada, 'writing');
    await startWith(ada, 'Thanks', 'Thank you for…', `${canary}-ada the soup on Sunday`);
    const adaWords = `Thank you for ${canary}-ada the soup on Sunday`;
    expect(await ada.getByLabel('Appreciation 1').inputValue()).toBe(adaWords);
    await ada.reload();
    await ada.getByRole('heading', { name: 'What do you appreciate about Grace?' }).waitFor();
    expect(await ada.getByLabel('Appreciation 1').inputValue()).toBe(adaWords);
    await shoot(ada, 'appreciations-writing-phone');
    await ada.getByRole('button', { name: "Share when we're both done" }).click();
    await ada.getByText('Waiting for Grace to finish writing.').waitFor();
    await ada.getByText(adaWords).waitFor();

    // Grace writes three, told that Ada is done; nothing of Ada's is on her page or in her frames.
    await grace.getByText('Ada has written theirs. Take your time.').waitFor();
    await startWith(grace, 'About you', 'I admire how you…', `${canary}-grace0 keep going`);
    await shootBoth(grace, 'appreciations-writing-chips');
    await writeMore(grace, 2, `${canary}-grace1 you listen`);
    await writeMore(grace, 3, `${canary}-grace2 your laugh`);
    await expectAccessible(grace, 'writing three');
    const adaShare = fromAda.join('\n').match(/"type":"share","items":\["([A-Za-z0-9_-]+)"\]/);
    expect(adaShare, 'Ada sent her appreciation sealed').not.toBeNull();
    expect(toGrace.join('\n')).not.toContain(adaShare![1]);
    expect(await grace.textContent('body')).not.toContain(canary);
    await grace.getByRole('button', { name: "Share when we're both done" }).click();

    // The reading: four in all, taking turns; Ada has one, so after the first two all are Grace's.
    for (const page of [ada, grace]) await page.getByText('1 of 4').waitFor();
    const adaFirst = (await grace.getByRole('heading', { name: 'From Ada' }).count()) === 1;
    const pages = { Ada: ada, Grace: grace } as Record<'Ada' | 'Grace', Page>;
    const firstTwo: ['Ada' | 'Grace', 'Ada' | 'Grace'][] = adaFirst ? [['Ada', 'Grace'], ['Grace', 'Ada']] : [['Grace', 'Ada'], ['Ada', 'Grace']];

    // Card 1: the one it was for reads it, stars it, and answers.
    {
      const [from, to] = firstTwo[0]!;
      const reader = pages[to];
      await reader.getByText(`${from} wrote you something.`).waitFor();
      await pages[from].getByRole('heading', { name: `Yours, for ${to}` }).waitFor();
      await pages[from].getByText(`${to} is reading what you wrote.`).waitFor();
      await expectAccessible(reader, 'a card arrives');
      await shoot(reader, `appreciations-arrives-${to === 'Ada' ? 'phone' : 'tablet'}`);
      await reader.getByRole('button', { name: 'Read it', exact: true }).click();
      await reader.getByRole('button', { name: 'Keep in Memories: this appreciation' }).click();
      await expect.poll(() => ada.getByRole('button', { name: 'Kept in Memories: this appreciation', pressed: true }).count()).toBe(1);
      await reader.getByRole('button', { name: 'Felt that' }).click();
      // The next card takes the answerer's focus; the writer hears how theirs landed.
      await expect.poll(() => focused(reader)).toBe(`Yours, for ${from}`);
      await expect.poll(async () => (await pages[from].locator('[role="status"]').allTextContents()).join(' ')).toContain(`${to}: Felt that. From ${to}`);
    }
    // Card 2: read aloud. The writer's screen shows the words large; the other's says who is reading.
    {
      const [from, to] = firstTwo[1]!;
      const reader = pages[to];
      await reader.getByText('2 of 4').waitFor();
      await reader.getByRole('button', { name: `Ask ${from} to read it to me` }).click();
      await pages[from].getByText(`${to} asked you to read this one aloud.`).waitFor();
      await reader.getByText(`${from} is reading it to you.`).waitFor();
      expect(await reader.locator('blockquote').count()).toBe(0);
      await expectAccessible(pages[from], 'reading aloud, the writer');
      await expectAccessible(reader, 'reading aloud, the listener');
      await shootBoth(pages[from], 'appreciations-aloud-writer');
      await shootBoth(reader, 'appreciations-aloud-listener');
      await reader.getByRole('button', { name: 'Tell me more' }).click();
    }

    // Card 3 is Grace's to Ada: Ada asks her to read it, and Grace's page closes mid-reading. Ada is
    // told, the words are there for her to read, and she answers.
    await ada.getByText('3 of 4').waitFor();
    await ada.getByRole('button', { name: 'Ask Grace to read it to me' }).click();
    await grace.getByText('Ada asked you to read this one aloud.').waitFor();
    const graceAt = grace.url();
    const graceContext = grace.context();
    await grace.close();
    await ada.getByRole('status').getByText(/Grace's connection dropped|Grace is away for now/).waitFor({ timeout: 15_000 });
    await ada.getByText("Grace isn't here just now. You can read it yourself.").waitFor();
    await ada.locator('blockquote').getByText(`${canary}-grace`, { exact: false }).waitFor();
    await expectAccessible(ada, 'reading aloud, the writer gone');
    await shoot(ada, 'appreciations-aloud-writer-gone-phone');
    await ada.getByText('“Keeping this” also keeps it in Memories.').waitFor();
    await ada.getByRole('button', { name: 'Keeping this' }).click();
    await ada.getByText('4 of 4').waitFor();
    // "Keeping this" keeps it, as it says: its star is filled for both.
    await ada.getByRole('button', { name: 'Kept in Memories: the appreciation from Grace, number 3', pressed: true }).waitFor();
    // Grace comes back on a new page: the same place, her card being read, everything read so far there.
    grace = await graceContext.newPage();
    await grace.goto(graceAt);
    await grace.getByRole('heading', { name: 'Yours, for Ada' }).waitFor();
    await grace.getByRole('heading', { name: 'Read so far' }).waitFor();
    expect(await grace.locator('.answered li').count()).toBe(3);
    // How each landed reads as the reader's reaction, not as words of theirs.
    expect(await grace.locator('.answered li').first().textContent()).toMatch(/(Ada|Grace) reacted: (Felt that|Tell me more|Keeping this)/);
    await ada.getByRole('status').getByText('Grace is here').waitFor();
    await ada.getByRole('button', { name: 'Read it', exact: true }).click();
    await ada.getByRole('button', { name: 'Felt that' }).click();

    // The ending: every appreciation with its answer, a word for the "tell me more", back together.
    for (const page of [ada, grace]) {
      await page.getByRole('heading', { name: "You've read them all" }).waitFor();
      await page.getByText(adaWords).waitFor();
      for (const i of [0, 1, 2]) await page.getByText(`${canary}-grace${i}`, { exact: false }).waitFor();
    }
    const [, listener] = firstTwo[1]!;
    await ada.getByText(`${listener} would like to hear more about one from ${firstTwo[1]![0]}.`, { exact: false }).waitFor();
    expect(await ada.locator('.answered li').count()).toBe(4);
    await expectAccessible(ada, 'ending');
    await shootBoth(ada, 'appreciations-ending');
    await ada.getByRole('button', { name: "We're done — back to the lobby" }).click();
    await grace.getByText('Ada is ready to go back to the lobby — whenever you are.').waitFor();
    await grace.getByRole('button', { name: "We're done — back to the lobby" }).click();
    for (const page of [ada, grace]) {
      await page.getByRole('heading', { name: 'How close do you feel after that?' }).waitFor();
      await page.getByRole('button', { name: 'Skip' }).click();
    }
    await ada.getByRole('button', { name: 'Open Memories (2)' }).click();
    const kept = ada.getByRole('listitem').filter({ hasText: 'An appreciation' });
    // Starred before it was answered: the writer's words, under their name.
    await kept.getByText(adaFirst ? adaWords : `${canary}-grace0`, { exact: false }).waitFor();
    expect(await kept.locator('.said', { hasText: adaFirst ? adaWords : `${canary}-grace0` }).locator('.who').textContent()).toBe(adaFirst ? 'Ada' : 'Grace');
    // Kept by "Keeping this": Grace's words under her name, and Ada's answer as a reaction, not as words she wrote.
    const byKeeping = kept.filter({ hasText: 'Keeping this' });
    await byKeeping.getByText('Ada reacted:').waitFor();
    expect(await byKeeping.locator('.said', { hasText: `${canary}-grace` }).locator('.who').textContent()).toBe('Grace');
    expect(await byKeeping.locator('.who', { hasText: 'Ada' }).count()).toBe(0);
    await expectAccessible(ada, 'memories with a reaction');
    await shoot(ada, 'appreciations-memories-reaction-phone');
    const [file] = await Promise.all([ada.waitForEvent('download'), ada.getByRole('button', { name: 'Download as text' }).click()]);
    const markdown = readFileSync((await file.path())!, 'utf8');
    expect(markdown).toContain('- _Ada reacted:_ Keeping this');
    expect(markdown).not.toContain('**Ada:** Keeping this');

    // Nothing written, no starter and no answer left either page in the clear.
    const sent = [...fromAda, ...fromGrace].join('\n');
    expect(sent).toContain('"type":"answer"');
    for (const text of [canary, 'Thank you for', 'I admire how you', '"felt"', '"more"', '"keep"', 'Felt that', 'Tell me more']) {
      expect(sent, `a page sent ${text}`).not.toContain(text);
    }
  });

  it('one shared device: each writes behind the hand-off, then both read together on one screen', { timeout: 60_000 }, async () => {
    const tablet = await world.people.open(TABLET);
    await sharedDevice(tablet, world.server.url);
    await startActivity(TITLE, [tablet, tablet], ['Ada is ready', 'Grace is ready']);
    await skipClosenessInTurn(tablet);

    await handTo(tablet, 'Ada');
    await tablet.getByRole('heading', { name: 'What do you appreciate about Grace?' }).waitFor();
    await startWith(tablet, 'A moment', 'I noticed…', 'ada-private you fixed the bike');
    await writeMore(tablet, 2, 'ada-private second');
    await shoot(tablet, 'appreciations-shared-writing-tablet');
    await tablet.getByRole('button', { name: "Share when we're both done" }).click();

    // The device goes to Grace, and nothing of Ada's is on the screen.
    await tablet.getByRole('heading', { name: 'Pass the device to Grace' }).waitFor();
    expect(await tablet.textContent('body')).not.toContain('ada-private');
    await shootBoth(tablet, 'appreciations-shared-handoff');
    await handTo(tablet, 'Grace');
    await tablet.getByRole('heading', { name: 'What do you appreciate about Ada?' }).waitFor();
    expect(await tablet.textContent('body')).not.toContain('ada-private');
    await tablet.getByLabel('Appreciation 1').fill('grace-private the way you plan');
    await tablet.getByRole('button', { name: "Share when we're both done" }).click();

    // Together: no hand-off while reading. The first is read aloud by its writer, the rest shown.
    await tablet.getByText('1 of 3').waitFor();
    const first = await tablet.getByRole('heading', { name: /^For (Ada|Grace), from (Ada|Grace)$/ }).textContent();
    const [, to, from] = first!.match(/^For (\w+), from (\w+)$/)!;
    await tablet.getByText(`${from} wrote ${to} something.`).waitFor();
    await expectAccessible(tablet, 'shared, a card arrives');
    await tablet.getByRole('button', { name: `${from} reads it aloud` }).click();
    await tablet.getByText(`${from}, read this one to ${to}.`).waitFor();
    await tablet.locator('blockquote.large').waitFor();
    await expectAccessible(tablet, 'shared, read aloud');
    await shootBoth(tablet, 'appreciations-shared-aloud');
    await tablet.getByRole('group', { name: `${to}, how did that land?` }).getByRole('button', { name: 'Felt that' }).click();
    for (const n of [2, 3]) {
      await tablet.getByText(`${n} of 3`).waitFor();
      await tablet.getByRole('button', { name: 'Show it' }).click();
      await tablet.getByRole('button', { name: 'Keeping this' }).click();
    }
    await tablet.getByRole('heading', { name: "You've read them all" }).waitFor();
    await shoot(tablet, 'appreciations-shared-ending-tablet');
    // One tap is for both on a shared device.
    await tablet.getByRole('button', { name: "We're done — back to the lobby" }).click();
    await tablet.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
  });
});
