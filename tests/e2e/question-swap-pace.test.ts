// One pace for two in Question Swap, in Chromium: a pass after the other answered leaves the choice to
// them, the next card waits for both, End asks first and tells the other, an ended game is picked up
// where it was, the last card leads to a recap, and the words fit the way you play.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PHONE, TABLET } from '../support/browser.js';
import { acceptSuggestion, expectAccessible, seatedPair, sharedDevice, shoot, startActivity, useBrowserWorld } from '../support/people.js';
import { answer, answered, cardText, openOptions, openTo } from '../support/question-swap-page.js';

/** A screenshot at this page's size and at the other one (phone 390×844, tablet 1024×768). */
async function shootBoth(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  await shoot(page, `${name}-${size.width}`);
  const otherSize = size.width === PHONE.width ? TABLET : PHONE;
  await page.setViewportSize(otherSize);
  await shoot(page, `${name}-${otherSize.width}`);
  await page.setViewportSize(size);
}

/** Passes (before anyone answers) until the card on the table takes written words. */
async function untilWritten(page: Page): Promise<void> {
  for (let i = 0; i < 40 && !(await page.getByRole('textbox').count()); i++) {
    const before = await cardText(page);
    await page.getByRole('button', { name: 'Pass this card' }).click();
    await expect.poll(() => cardText(page)).not.toBe(before);
  }
}

/** The words on choice buttons that the page breaks across two lines ("Person" / "al"). */
const brokenWords = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.choice span')].flatMap((span) => {
      const text = span.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) return [];
      const broken: string[] = [];
      for (const match of (text.textContent ?? '').matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
      return broken;
    }),
  );

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const announced = (page: Page) => page.locator('[aria-live="polite"]').first().textContent();

/** Both answer the closeness question (unless already answered) and say what they are open to. */
async function consentBoth(pages: Page[], closeness = true): Promise<void> {
  for (const page of pages) {
    if (closeness) await page.getByRole('button', { name: '5 of 7' }).click();
    await openTo(page);
  }
  await pages[0]!.locator('#card-text').waitFor();
}

describe.runIf(inject('chromium'))('Question Swap at one pace for two', () => {
  const world = useBrowserWorld();

  /** Ada (phone) and Grace (tablet) in a written game, the first card on the table. */
  async function writtenGame() {
    const pair = await seatedPair(world, [PHONE, TABLET]);
    await startActivity('Question Swap', [pair.ada, pair.grace]);
    await consentBoth([pair.ada, pair.grace]);
    return pair;
  }

  it('on a phone, no choice breaks a word in two (the depth chosen before the first card, in bold)', async () => {
    const pair = await seatedPair(world, [PHONE, PHONE]);
    await startActivity('Question Swap', [pair.ada, pair.grace]);
    await pair.ada.getByRole('button', { name: 'Skip' }).click();
    await pair.ada.getByRole('heading', { name: 'What are you open to today?' }).waitFor();
    for (const depth of ['Light', 'Personal', 'Deep']) {
      await pair.ada.getByRole('radio', { name: depth }).check();
      expect(await brokenWords(pair.ada), depth).toEqual([]);
    }
    await shootBoth(pair.ada, 'pace-consent');
  });

  it('waiting for the other, a "would you rather" answer shows what was picked, not only the words beside it', async () => {
    const { ada } = await writtenGame();
    const pickOne = ada.getByRole('group', { name: 'Pick one' });
    for (let i = 0; i < 60 && !(await pickOne.count()); i++) {
      const before = await cardText(ada);
      await ada.getByRole('button', { name: 'Pass this card' }).click();
      await expect.poll(() => cardText(ada)).not.toBe(before);
    }
    const picked = (await pickOne.locator('.choice span').first().textContent())!.trim();
    await answer(ada, 'because it is cosy');
    await ada.getByText('Your answer is in', { exact: false }).waitFor();
    expect(await ada.locator('.mine .answer').textContent()).toBe(`${picked} — because it is cosy`);
    await shootBoth(ada, 'pace-picked-waiting');
  });

  it('two devices, written answers: both answer at once, so no "goes first" (only a task says who starts), nothing about reading aloud', async () => {
    const { ada, grace } = await writtenGame();
    await ada.locator('#card-text').waitFor();
    const firstLine = /^(Grace goes first|Ada goes first|You go first) on this one$/;
    for (const page of [ada, grace]) {
      const task = (await page.locator('#card-text-lead').textContent())!.startsWith('Your turn, with');
      expect(await page.getByText(firstLine).count()).toBe(task ? 1 : 0);
    }
    expect(await ada.getByText(/aloud/).count()).toBe(0);
    expect(await grace.getByText(/aloud/).count()).toBe(0);
  });

  it('a pass after the other answered keeps the answer: told gently, they share it anyway or let it go', async () => {
    const { ada, grace } = await writtenGame();
    await untilWritten(ada);
    const card = await cardText(ada);
    const words = `kept-${Date.now()}`;
    await answer(ada, words);
    await answered(ada);
    expect(await focusedId(ada)).toBe('answer-in');
    await grace.getByRole('button', { name: 'Pass this card' }).click();
    await ada.getByText('Grace passed on this one.').waitFor();
    await grace.getByText('You passed on this one.').waitFor();
    expect(await cardText(ada)).toBe(card);
    expect(await grace.textContent('body')).not.toContain(words);
    await expect.poll(() => announced(ada)).toBe('Grace passed on this card.');
    await expectAccessible(ada, 'passed, the one who answered');
    await expectAccessible(grace, 'passed, the one who passed');
    await shootBoth(ada, 'pace-passed-answerer');
    await shootBoth(grace, 'pace-passed-passer');
    await ada.getByRole('button', { name: 'Share my answer anyway' }).click();

    // The shared answer reaches Grace, who can react to it; Ada has nothing to react to.
    await grace.getByText(words).waitFor();
    await ada.getByText('You shared your answer.').waitFor();
    expect(await ada.getByRole('group', { name: /Your reaction/ }).count()).toBe(0);
    await grace.getByRole('button', { name: 'Thank you for sharing' }).click();
    await ada.getByText('Grace: Thank you for sharing').waitFor();
    expect(await focusedId(ada)).toBe('reveal-card');

    // On the next card Ada lets her answer go: a new card for both, nothing of it shown.
    for (const page of [ada, grace]) await page.getByRole('button', { name: 'Next card' }).click();
    await grace.getByText('Card 2 of 8').waitFor();
    await untilWritten(ada);
    const letGo = await cardText(ada);
    await answer(ada, 'not this time');
    await answered(ada);
    await grace.getByRole('button', { name: 'Pass this card' }).click();
    await ada.getByRole('button', { name: 'Let it go' }).click();
    for (const page of [ada, grace]) await expect.poll(() => cardText(page)).not.toBe(letGo);
    expect(await grace.textContent('body')).not.toContain('not this time');
  });

  it('Next waits for both: the one who taps waits, the other is told and moves on when ready', async () => {
    const { ada, grace } = await writtenGame();
    await untilWritten(ada);
    const words = `reading-${Date.now()}`;
    await answer(ada, words);
    await answered(ada);
    await answer(grace, 'mine');
    await ada.getByRole('button', { name: 'Next card' }).click();
    await ada.getByText('Waiting for Grace').waitFor();
    await grace.getByText('Ada is ready for the next card — whenever you are.').waitFor();
    expect(await grace.getByText(words).count()).toBe(1);
    await expect.poll(() => announced(grace)).toBe('Ada would like to move on.');
    await expectAccessible(ada, 'waiting for the next card');
    await expectAccessible(grace, 'the other is ready');
    await shootBoth(ada, 'pace-next-waiting');
    await shootBoth(grace, 'pace-next-partner-ready');
    await grace.getByRole('button', { name: 'Next card' }).click();
    for (const page of [ada, grace]) {
      await page.getByText('Card 2 of 8').waitFor();
      await expect.poll(() => focusedId(page)).toBe('card-text');
      await expect.poll(() => announced(page)).toMatch(/^New card, 2 of 8: /);
    }
  });

  it('End asks "End for both of you?", tells the other, and the game is picked up where it was', async () => {
    const { ada, grace } = await writtenGame();
    const first = await cardText(grace);
    await grace.getByRole('button', { name: 'End game' }).click();
    await grace.getByText('End for both of you?').waitFor();
    expect(await focusedId(grace)).toBe('end-question');
    await grace.getByText('Ada will see that you ended it').waitFor();
    await expectAccessible(grace, 'end for both?');
    await shootBoth(grace, 'pace-end-confirm');
    await grace.getByRole('button', { name: 'Keep playing' }).click();
    expect(await cardText(ada)).toBe(first);
    await grace.getByRole('button', { name: 'End game' }).click();
    await grace.getByRole('button', { name: 'End for both' }).click();
    await ada.getByText('Grace ended Question Swap. You can pick it up again below, where you left it.').waitFor();
    expect(await grace.getByText('Grace ended Question Swap').count()).toBe(0);
    await expectAccessible(ada, 'lobby, told who ended it');
    await shootBoth(ada, 'pace-ended-told');
    await ada.getByRole('button', { name: 'Pick up Question Swap where you left it (card 1 of 8)' }).click();
    await grace.getByText('picking Question Swap up again').waitFor();
    await ada.getByText('Waiting for Grace…').waitFor();
    await acceptSuggestion(grace, 'Question Swap');
    await ada.getByText('Card 1 of 8').waitFor();
    expect(await cardText(ada)).toBe(first);
  });

  it('the last card leads to a recap: cards, kinds, depths, stars, closeness after next to before, and a few more cards together', async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, TABLET]);
    await startActivity('Question Swap', [ada, grace]);
    for (const [page, value] of [[ada, '3 of 7'], [grace, '4 of 7']] as const) await page.getByRole('button', { name: value }).click();
    await consentBoth([ada, grace], false);

    for (let round = 1; round <= 8; round++) {
      await ada.getByText(`Card ${round} of 8`).waitFor();
      await answer(ada, `ada ${round}`);
      await answered(ada);
      await answer(grace, `grace ${round}`);
      for (const page of [ada, grace]) await page.getByRole('button', { name: 'Next card' }).waitFor();
      if (round === 2) await ada.getByRole('button', { name: '☆ Keep in Memories' }).click();
      if (round === 2) await ada.getByRole('button', { name: '★ Kept in Memories' }).waitFor();
      for (const page of [ada, grace]) await page.getByRole('button', { name: 'Next card' }).click();
    }

    // The closing note comes first (question-swap-structure.test.ts writes it); here both skip it.
    for (const page of [ada, grace]) await page.getByRole('button', { name: 'Skip the note' }).click();
    // The closeness question "after" comes with the recap, then both answers show beside "before".
    await ada.getByRole('heading', { name: 'What you shared today' }).waitFor();
    await expect.poll(() => focusedId(ada)).toBe('recap-title');
    await expect.poll(() => announced(ada)).toMatch(/^The last card is done/);
    for (const [page, value] of [[ada, '5 of 7'], [grace, '6 of 7']] as const) await page.getByRole('button', { name: value }).click();
    await ada.getByRole('heading', { name: 'What you shared today' }).waitFor();
    await ada.getByText('8 cards together').waitFor();
    // Both chose "Personal" at most, and reached it: deeper is offered, as each one's own choice.
    await ada.getByText('How deep you went: light, personal').waitFor();
    await ada.getByText(/Kinds of closeness: /).waitFor();
    expect(await ada.getByRole('region', { name: 'What you shared today' }).getByRole('listitem').filter({ hasText: '★' }).count()).toBe(1);
    const circles = ada.getByRole('table');
    await expect.poll(() => circles.getByRole('row', { name: /Grace/ }).textContent()).toMatch(/4 of 7.*6 of 7/);
    expect(await circles.getByRole('row', { name: /Ada/ }).textContent()).toMatch(/3 of 7.*5 of 7/);
    expect(await ada.getByText('That was the last card').count()).toBe(0);
    await ada.getByRole('button', { name: 'One level deeper' }).waitFor();
    await expectAccessible(ada, 'recap');
    await expectAccessible(grace, 'recap');
    await shootBoth(ada, 'pace-recap');

    // Back to the lobby asks first too: Ada stays.
    await ada.getByRole('button', { name: 'Back to the lobby' }).click();
    await ada.getByText('End for both of you?').waitFor();
    await expectAccessible(ada, 'recap, end for both?');
    await ada.getByRole('button', { name: 'Stay here' }).click();
    await grace.getByRole('heading', { name: 'What you shared today' }).waitFor();

    // A few more cards, agreed: Grace asks, Ada is told and agrees.
    await grace.getByRole('button', { name: 'A few more cards' }).click();
    await ada.getByText('Grace would like a few more cards.').waitFor();
    await grace.getByText('Waiting for Ada').waitFor();
    await shootBoth(grace, 'pace-recap-waiting');
    await ada.getByRole('button', { name: 'A few more cards' }).click();
    for (const page of [ada, grace]) await page.getByText('Card 9 of 11').waitFor();

    // Back in the lobby, the history keeps before and after apart, each on a labelled time axis.
    await ada.getByRole('button', { name: 'End game' }).click();
    await ada.getByRole('button', { name: 'End for both' }).click();
    await grace.getByRole('heading', { name: "How close you've felt" }).waitFor();
    await grace.getByRole('img', { name: /Before each activity/ }).waitFor();
    await grace.getByRole('img', { name: /After each activity/ }).waitFor();
    // Every answer was today: the axis tells them apart by the time, not by one date said three times.
    expect(await grace.locator('svg text.axis-title').allTextContents()).toEqual([expect.stringMatching(/^Time, /), expect.stringMatching(/^Time, /)]);
    // "Each answer" shows it opens (a disclosure triangle), and is a 44 px target.
    const summary = grace.locator('summary', { hasText: 'Each answer' });
    expect(await summary.evaluate((el) => getComputedStyle(el).display)).toBe('list-item');
    expect((await summary.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    // Where both gave the same answer, the point drawn last never hides the other: rings, then smaller dots.
    const points = await grace.locator('section[aria-labelledby="history-title"] svg circle').evaluateAll((cs) => cs.map((c) => ({ at: `${c.getAttribute('cx')},${c.getAttribute('cy')}`, r: Number(c.getAttribute('r')), ring: c.classList.contains('ring') })));
    const rings = points.filter((p) => p.ring);
    const dots = points.filter((p) => !p.ring);
    expect(rings.length).toBeGreaterThan(0);
    expect(Math.max(...dots.map((d) => d.r))).toBeLessThan(Math.min(...rings.map((r) => r.r)));
    await expectAccessible(grace, 'lobby with the closeness history');
    await shootBoth(grace, 'pace-history');
  });

  it('one shared device: one tap moves on for both, End asks once, and the words say read aloud', async () => {
    const tablet = await world.people.open(TABLET);
    await sharedDevice(tablet, world.server.url);
    await startActivity('Question Swap', [tablet, tablet], ['Ada is ready', 'Grace is ready']);
    for (const name of ['Ada', 'Grace']) {
      await tablet.getByRole('button', { name: `I'm ${name}` }).click();
      await tablet.getByRole('button', { name: 'Skip' }).click();
    }
    for (const name of ['Ada', 'Grace']) {
      await tablet.getByRole('button', { name: `I'm ${name}` }).click();
      await openTo(tablet);
    }
    for (let turn = 0; turn < 2; turn++) {
      const name = (await tablet.getByRole('heading', { name: /Pass the device to/ }).textContent())!.replace('Pass the device to ', '');
      await tablet.getByRole('button', { name: `I'm ${name}` }).click();
      await tablet.getByText(/reads? this one aloud/).waitFor();
      await answer(tablet, `${name} words`);
    }
    await tablet.getByRole('button', { name: 'Next card' }).click();
    await tablet.getByText('Card 2 of 8').waitFor();
    expect(await tablet.getByText(/Waiting for/).count()).toBe(0);
    await tablet.getByRole('button', { name: 'End game' }).click();
    await tablet.getByText("You'll both go back to the lobby.", { exact: false }).waitFor();
    await expectAccessible(tablet, 'end for both? on one device');
    await shootBoth(tablet, 'pace-end-confirm-shared');
    await tablet.getByRole('button', { name: 'End for both' }).click();
    await tablet.getByRole('button', { name: /Pick up Question Swap/ }).waitFor();
    expect(await tablet.getByText(/ended Question Swap/).count()).toBe(0);
  });

  it('one shared device: the recap after the last card, and one tap for a few more cards for both', async () => {
    const tablet = await world.people.open(PHONE);
    await sharedDevice(tablet, world.server.url);
    await startActivity('Question Swap', [tablet, tablet], ['Ada is ready', 'Grace is ready']);
    const handOff = async () => {
      const heading = tablet.getByRole('heading', { name: /Pass the device to/ });
      await heading.waitFor();
      const name = (await heading.textContent())!.replace('Pass the device to ', '');
      await tablet.getByRole('button', { name: `I'm ${name}` }).click();
      return name;
    };
    for (let i = 0; i < 2; i++) {
      await handOff();
      await tablet.getByRole('button', { name: 'Skip' }).click();
    }
    for (let i = 0; i < 2; i++) {
      await handOff();
      await openTo(tablet);
    }
    for (let round = 1; round <= 8; round++) {
      await tablet.getByText(`Card ${round} of 8`).waitFor();
      for (let turn = 0; turn < 2; turn++) {
        const name = await handOff();
        await answer(tablet, `${name} ${round}`);
      }
      await tablet.getByRole('button', { name: 'Next card' }).click();
    }
    for (let i = 0; i < 2; i++) {
      await handOff();
      await tablet.getByRole('button', { name: 'Skip', exact: true }).click();
    }
    // Then the closing note, each in turn behind the hand-off: both skip it here.
    for (let i = 0; i < 2; i++) {
      await handOff();
      await tablet.getByRole('button', { name: 'Skip the note' }).click();
    }
    await tablet.getByRole('heading', { name: 'What you shared today' }).waitFor();
    expect(await tablet.getByText(/Waiting for/).count()).toBe(0);
    // Both skipped the circles: no table of "skipped".
    expect(await tablet.getByRole('table').count()).toBe(0);
    await expectAccessible(tablet, 'recap on one device');
    await shootBoth(tablet, 'pace-recap-shared');
    await tablet.getByRole('button', { name: 'A few more cards' }).click();
    await tablet.getByText('Card 9 of 11').waitFor();
  });

  it('talking it through on two devices suggests a call', async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, TABLET]);
    await openOptions(ada);
    await ada.getByRole('radio', { name: /Talk it through/ }).check();
    await startActivity('Question Swap', [ada, grace]);
    await consentBoth([ada, grace]);
    for (let i = 0; i < 40 && !(await ada.getByRole('button', { name: 'Done' }).count()); i++) {
      const before = await cardText(ada);
      await ada.getByRole('button', { name: 'Pass this card' }).click();
      await expect.poll(() => cardText(ada)).not.toBe(before);
    }
    await ada.getByText("Talk it through together — on a call, if you're apart.").waitFor();
    await ada.getByText(/read this one aloud|reads this one aloud/).waitFor();
    await shootBoth(ada, 'pace-talk-apart');
  });
});
