// The small things that make Closer feel finished, in Chromium: a card as a card face in its kind's
// colour; a reveal that turns both answers over together, and not at all under reduced motion; sentence
// starters as a short list with "More ideas" that never loses what was typed; every star with a visible
// label; Memories that say whose words each line is (a prompt is Closer's, not a person's), in the file
// too; and the invite's copy fallback where there is no share sheet, or the clipboard is refused.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PHONE, TABLET } from '../support/browser.js';
import { sidewaysAtDoubleText, smallTargets } from '../support/look.js';
import { createRoom, expectAccessible, seatedPair, shootBoth, startActivity, useBrowserWorld } from '../support/people.js';
import { answer, answered, openTo } from '../support/question-swap-page.js';
import { ratingsOf } from '../support/what-it-means-answers.js';
import { rankAs, rateAs, writeAndFinish } from '../support/what-it-means-page.js';

async function skipCloseness(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'How close do you feel right now?' }).waitFor();
  await page.getByRole('button', { name: 'Skip' }).click();
}

/** Every visible button whose visible words (not counting text only a screen reader gets) hold no letter: a bare ☆. */
const bareIconButtons = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('button')]
      .filter((b) => b.offsetParent !== null)
      .map((b) => {
        const copy = b.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
        return copy.textContent!.trim();
      })
      .filter((text) => !/\p{L}/u.test(text)),
  );

/** On a 390 px phone: at 200 % text nothing scrolls sideways, and every tap target is at least 44 px. */
async function expectHolds(page: Page, screen: string): Promise<void> {
  const own = page.viewportSize()!;
  await page.setViewportSize(PHONE);
  expect(await sidewaysAtDoubleText(page), `${screen} scrolls sideways at 200 %`).toEqual([]);
  expect(await smallTargets(page), `${screen}: tap targets under 44 px`).toEqual([]);
  await page.setViewportSize(own);
}

/** Each Question Swap answer's running animations and its computed animation name. */
const answerMotion = (page: Page) =>
  page.evaluate(() => ({
    running: document.getAnimations().length,
    names: [...document.querySelectorAll('.answer')].map((a) => getComputedStyle(a).animationName),
  }));

describe.runIf(inject('chromium'))('Polish, in Chromium', () => {
  const world = useBrowserWorld();

  it('a card is a card face in its kind’s colour; the reveal turns both answers over together, and not at all under reduced motion', async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, TABLET]);
    await ada.emulateMedia({ reducedMotion: 'reduce' });
    await startActivity('Question Swap', [ada, grace]);
    for (const page of [ada, grace]) {
      await page.getByRole('button', { name: 'Skip' }).click();
      await openTo(page);
    }
    await ada.locator('#card-text').waitFor();
    const face = await ada.evaluate(() => {
      const el = document.querySelector('.face')!;
      const kind = [...el.classList].find((c) => c.startsWith('kind-'))!;
      const probe = document.createElement('div');
      probe.style.backgroundColor = `var(--${kind}-soft)`;
      document.body.append(probe);
      const token = getComputedStyle(probe).backgroundColor;
      probe.remove();
      const lead = document.getElementById('card-text-lead')!;
      const words = document.getElementById('card-text')!;
      return {
        kind,
        painted: getComputedStyle(el).backgroundColor,
        token,
        centred: getComputedStyle(words).textAlign,
        leadFirst: !!(lead.compareDocumentPosition(words) & Node.DOCUMENT_POSITION_FOLLOWING),
        lead: lead.textContent,
      };
    });
    expect(face.kind).toMatch(/^kind-(emotional|intellectual|physical|experiential|spiritual)$/);
    expect(face.painted).toBe(face.token);
    expect(face.centred).toBe('center');
    expect(face.leadFirst).toBe(true);
    expect(face.lead).toMatch(/\S/);
    await expectAccessible(ada, 'card face');
    await expectHolds(ada, 'card face');
    await shootBoth(ada, 'polish-card');
    await ada.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await expectAccessible(ada, 'card face, dark');
    await shootBoth(ada, 'polish-card-dark');
    await ada.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });

    await answer(ada, 'the sea at night');
    await answered(ada);
    await answer(grace, 'a long walk');
    for (const page of [ada, grace]) await page.getByRole('button', { name: 'Next card' }).waitFor();
    // Grace's two answers turn over together; Ada asked for less motion, and nothing moves on her screen.
    const turning = await answerMotion(grace);
    expect(turning.names.length).toBeGreaterThan(0);
    expect(new Set(turning.names).size, 'both answers turn with the same animation').toBe(1);
    expect(turning.names[0]).toMatch(/turn-over/);
    expect(await answerMotion(ada)).toEqual({ running: 0, names: turning.names.map(() => 'none') });
    await expectAccessible(ada, 'reveal');
    await expectHolds(ada, 'reveal');
    await ada.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await expectAccessible(ada, 'reveal, dark');
    await shootBoth(ada, 'polish-reveal-dark');
    await ada.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await shootBoth(ada, 'polish-reveal');
  });

  it('sentence starters are a short list with more ideas; a tap changes the beginning and keeps what was typed; stars say what they do; Memories say whose words each line is', { timeout: 90_000 }, async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, TABLET]);
    await startActivity('What intimacy means to me', [ada, grace]);
    for (const page of [ada, grace]) await skipCloseness(page);
    await rankAs(ada, ['spiritual', 'physical', 'emotional', 'experiential', 'intellectual']);
    await rateAs(ada, ratingsOf(1, 5));
    await ada.getByRole('button', { name: 'Next: three sentences' }).click();
    await ada.getByRole('heading', { name: 'Finish up to three sentences' }).waitFor();
    expect(await ada.getByRole('combobox').count(), 'no long dropdown of starters').toBe(0);

    const first = ada.getByRole('textbox').first();
    await first.fill('the quiet mornings');
    const chips = ada.getByRole('list', { name: 'Other ways to begin sentence 1' }).getByRole('button');
    expect(await chips.count()).toBe(4);
    const firstIdeas = await chips.allTextContents();
    await ada.getByRole('button', { name: 'More ideas' }).click();
    await expect.poll(() => chips.allTextContents()).not.toEqual(firstIdeas);
    expect(await chips.count()).toBe(4);
    const chosen = (await chips.nth(1).textContent())!;
    await chips.nth(1).click();
    // The sentence now begins with the chip; what was typed is still there, and typing carries on after it.
    expect(await ada.getByLabel(chosen, { exact: true }).inputValue()).toBe('the quiet mornings');
    await ada.keyboard.type(' together');
    expect(await first.inputValue()).toBe('the quiet mornings together');
    expect(await chips.allTextContents()).not.toContain(chosen);
    await expectAccessible(ada, 'sentences with starter chips');
    await expectHolds(ada, 'sentences');
    await shootBoth(ada, 'polish-starters');
    const boxes = await ada.getByRole('textbox').all();
    for (const [i, box] of boxes.slice(1).entries()) await box.fill(`ada words ${i + 2}`);
    await ada.getByRole('button', { name: 'Next', exact: true }).click();
    await ada.getByRole('button', { name: "I'm done" }).click();

    await rankAs(grace, ['intellectual', 'experiential', 'emotional', 'physical', 'spiritual']);
    await rateAs(grace, ratingsOf(5, 1));
    await writeAndFinish(grace, 'grace words');

    // Every star says "Keep in Memories" in words, not a bare ☆.
    await ada.getByRole('heading', { name: 'Worth talking about' }).waitFor();
    expect(await bareIconButtons(ada)).toEqual([]);
    const stars = ada.getByRole('button', { name: /^☆ Keep in Memories: / });
    expect(await stars.count()).toBeGreaterThanOrEqual(6);
    const gap = ada.locator('.gaps li').first();
    const prompt = (await gap.locator('p').textContent())!;
    await gap.getByRole('button', { name: 'Keep in Memories: this question' }).click();
    await ada.getByRole('button', { name: 'Keep in Memories: sentence 1' }).click();
    await ada.getByRole('button', { name: '★ Kept in Memories: sentence 1', pressed: true }).waitFor();
    await gap.getByRole('button', { name: '★ Kept in Memories: this question', pressed: true }).waitFor();
    await shootBoth(ada, 'polish-means-stars');
    await expectHolds(ada, 'the reveal with its stars');

    for (const page of [ada, grace]) await page.getByRole('button', { name: "We're done — back to the lobby" }).click();
    for (const page of [ada, grace]) {
      await page.getByRole('heading', { name: 'How close do you feel after that?' }).waitFor();
      await page.getByRole('button', { name: 'Skip' }).click();
    }
    // The lobby's newest Memories say it the same way.
    const lobby = ada.locator('#memories-title').locator('..');
    await lobby.locator('.prompt .from').waitFor();
    expect(await lobby.locator('.said .who').allTextContents()).toEqual(['Ada', 'Grace']);
    await shootBoth(ada, 'polish-lobby-memories');
    await grace.getByRole('button', { name: 'Open Memories (2)' }).click();
    await grace.getByRole('heading', { name: 'Memories', level: 1 }).waitFor();
    const question = grace.getByRole('listitem').filter({ hasText: 'A question to talk about' });
    await question.waitFor();
    expect(await question.locator('.prompt .from').textContent()).toBe('Closer asked');
    expect(await question.locator('.prompt .words').textContent()).toBe(prompt);
    expect(await question.locator('.who').count(), 'the prompt is nobody’s words').toBe(0);
    const sentences = grace.getByRole('listitem').filter({ hasText: 'Sentences we finished' });
    expect(await sentences.locator('.who').allTextContents()).toEqual(['Ada', 'Grace']);
    expect(await sentences.locator('.said').first().textContent()).toContain(`${chosen.replace(/…$/, '')}`);
    expect(await sentences.locator('.said').first().textContent()).toContain('the quiet mornings together');
    expect(await sentences.locator('.said').last().textContent()).toContain('grace words 1');
    await expectAccessible(grace, 'memories with names and a prompt');
    await expectHolds(grace, 'memories');
    await shootBoth(grace, 'polish-memories');

    const [file] = await Promise.all([grace.waitForEvent('download'), grace.getByRole('button', { name: 'Download as text' }).click()]);
    const markdown = readFileSync((await file.path())!, 'utf8');
    expect(markdown).toContain(`- _Closer asked:_ ${prompt}`);
    expect(markdown).toMatch(/- \*\*Ada:\*\* .*the quiet mornings together/);
    expect(markdown).toMatch(/- \*\*Grace:\*\* .*grace words 1/);

    // With both removed, the screen says kindly what it is for.
    for (const title of ['A question to talk about', 'Sentences we finished']) await grace.getByRole('button', { name: `Remove “${title}” from Memories` }).click();
    await grace.getByText('Nothing kept yet.').waitFor();
    await expectAccessible(grace, 'memories, empty');
    await shootBoth(grace, 'polish-memories-empty');
  });

  it('appreciation starters: four at a time with more ideas, and a tap adds to what was typed', async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, PHONE]);
    await startActivity('Appreciations', [ada, grace]);
    for (const page of [ada, grace]) await skipCloseness(page);
    await ada.getByRole('heading', { name: 'What do you appreciate about Grace?' }).waitFor();
    const field = ada.getByLabel('Appreciation 1');
    await field.fill('You cooked for me');
    const chips = ada.getByRole('list', { name: 'Starters: Thanks' }).getByRole('button');
    expect(await chips.count()).toBe(4);
    const before = await chips.allTextContents();
    await ada.getByRole('button', { name: 'More ideas' }).click();
    await expect.poll(() => chips.allTextContents()).not.toEqual(before);
    const chip = (await chips.first().textContent())!;
    await chips.first().click();
    expect(await field.inputValue()).toBe(`You cooked for me ${chip.replace(/…$/, '')} `);
    await expectAccessible(ada, 'appreciation starters');
    await expectHolds(ada, 'appreciation starters');
  });

  it('the invite copies the link where there is no share sheet, selects it when copying is refused, and shares it where there is one', async () => {
    const ada = await world.people.open(PHONE);
    await ada.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.server.url });
    const link = await createRoom(ada, world.server.url, 'Ada');
    expect(await ada.evaluate(() => typeof navigator.share)).toBe('undefined');
    expect(await ada.getByRole('button', { name: /^Share/ }).count()).toBe(0);
    await ada.getByRole('button', { name: 'Copy link' }).click();
    await ada.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    expect(await ada.evaluate(() => navigator.clipboard.readText())).toBe(link);

    await ada.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Refused', 'NotAllowedError'));
    });
    await ada.getByRole('button', { name: 'Copy link' }).click();
    const box = ada.getByRole('textbox', { name: 'The link, to copy' });
    await box.waitFor();
    await ada.getByRole('status').filter({ hasText: 'Copying is blocked here' }).waitFor();
    expect(await box.inputValue()).toBe(link);
    const selection = await ada.evaluate(() => {
      const el = document.activeElement as HTMLInputElement;
      return { id: el.id, from: el.selectionStart, to: el.selectionEnd };
    });
    expect(selection).toEqual({ id: 'copy-Link', from: 0, to: link.length });
    await expectAccessible(ada, 'invite, copying refused');
    await expectHolds(ada, 'invite');
    await shootBoth(ada, 'polish-invite-copy-refused');

    const sam = await world.people.open(PHONE);
    await sam.context().addInitScript(() => {
      Object.defineProperty(navigator, 'share', {
        value: (data: ShareData) => {
          (window as unknown as { shared: ShareData }).shared = data;
          return Promise.resolve();
        },
      });
    });
    const samLink = await createRoom(sam, world.server.url, 'Sam');
    await sam.getByRole('button', { name: 'Share the link…' }).click();
    expect(await sam.evaluate(() => (window as unknown as { shared: ShareData }).shared.url)).toBe(samLink);
    await shootBoth(sam, 'polish-invite-share');
  });
});
