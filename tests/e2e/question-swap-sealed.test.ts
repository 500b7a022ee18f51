// Question Swap sealed in Chromium: Ada and Grace type canary words into every field of every card type
// (written answers, the why of "would you rather", picks and guesses), react and star a card; each sees the
// other's words after the reveal and the starred memory in Memories, while no canary — nor a pick, a guess
// or a reaction in the clear — is in any frame either page sent, or in what the server stored.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { CardType } from '../../shared/content/card.js';
import { CARDS } from '../../shared/content/cards.js';
import { PHONE, TABLET } from '../support/browser.js';
import { acceptSuggestion, createRoom, expectAccessible, framesFrom, joinByLink, shootBoth, startActivity, useBrowserWorld } from '../support/people.js';
import { answer, answered, cardText, openTo } from '../support/question-swap-page.js';
import { gameView, send } from '../support/question-swap.js';
import { fakeSealed } from '../support/sealed.js';
import { cid, client, connected, eventually } from '../support/server.js';

const TYPES: CardType[] = ['question', 'task', 'finish', 'would-you-rather', 'guess'];



const typeOf = async (page: Page) => {
  const text = await cardText(page);
  return CARDS.find((c) => c.text === text)!.type;
};

/** Answers the card on the table in every field it has: the words, a pick (the nth option), a guess. */
async function answerAll(page: Page, words: string, pick: number, guess: number): Promise<void> {
  for (const [group, n] of [['Your answer', pick], [/Your guess for/, guess], ['Pick one', pick]] as const) {
    const radios = page.getByRole('group', { name: group }).getByRole('radio');
    if (await radios.count()) await radios.nth(n).check();
  }
  if (await page.getByRole('textbox').count()) await page.getByRole('textbox').fill(words);
  await page.getByRole('button', { name: 'Send answer' }).click();
}

describe.runIf(inject('chromium'))('Question Swap, sealed, in Chromium', () => {
  const world = useBrowserWorld();

  it('canaries in every field of every card type, a reaction and a star: each reads the other’s, and no frame carries them', { timeout: 240_000 }, async () => {
    const ada = await world.people.open(PHONE);
    const fromAda = framesFrom(ada);
    const link = await createRoom(ada, world.server.url, 'Ada');
    const grace = await world.people.open(TABLET);
    const fromGrace = framesFrom(grace);
    await joinByLink(grace, link, 'Grace');
    await ada.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
    await startActivity('Question Swap', [ada, grace]);
    for (const page of [ada, grace]) {
      await page.getByRole('button', { name: '5 of 7' }).click();
      await openTo(page);
    }

    const canaries: string[] = [];
    let starredCard = '';
    for (const [i, type] of TYPES.entries()) {
      await ada.getByText(`Card ${i + 1} of 8`).waitFor();
      await ada.locator('#card-text').waitFor();
      for (let n = 0; n < 120 && (await typeOf(ada)) !== type; n++) {
        const before = await cardText(ada);
        await ada.getByRole('button', { name: 'Pass this card' }).click();
        await expect.poll(() => cardText(ada)).not.toBe(before);
      }
      expect(await typeOf(ada)).toBe(type);
      const text = await cardText(ada);
      const card = CARDS.find((c) => c.text === text)!;
      await expect.poll(() => cardText(grace)).toBe(text);
      const words = [`CanaryAda${i}x${Date.now()}`, `CanaryGrace${i}x${Date.now()}`];
      if (type !== 'guess') canaries.push(...words);
      // Ada picks the second option and guesses Grace's first; Grace picks the first and guesses the first.
      await answerAll(ada, words[0]!, 1, 0);
      await answered(ada);
      expect(await grace.textContent('body')).not.toContain(words[0]);
      await answerAll(grace, words[1]!, 0, 0);
      await answered(grace);

      for (const page of [ada, grace]) await page.getByRole('button', { name: 'Next card' }).waitFor();
      if (type === 'guess') {
        // Ada guessed Grace's first pick: right; Grace guessed Ada's first, but Ada picked the second.
        await ada.getByText(/Guessed Grace would say “.*” — right!/).waitFor();
        await grace.getByText(/Guessed Ada would say “.*” — not this time/).waitFor();
      } else {
        for (const page of [ada, grace]) for (const w of words) await page.getByText(w, { exact: false }).first().waitFor();
      }
      if (type === 'would-you-rather') {
        for (const page of [ada, grace]) {
          await page.getByText(`${card.options![1]} — ${words[0]}`).waitFor();
          await page.getByText(`${card.options![0]} — ${words[1]}`).waitFor();
        }
      }
      if (type === 'question') {
        await grace.getByRole('button', { name: 'Tell me more' }).click();
        await ada.getByText('Grace: Tell me more').waitFor();
        await grace.getByRole('button', { name: 'Tell me more', pressed: true }).waitFor();
        starredCard = (await ada.locator('#reveal-card').textContent())!;
        await ada.getByRole('button', { name: '☆ Keep in Memories' }).click();
        await ada.getByRole('button', { name: '★ Kept in Memories' }).waitFor();
        await expectAccessible(ada, 'sealed reveal');
        await shootBoth(ada, 'qs-sealed-reveal-ada');
        await shootBoth(grace, 'qs-sealed-reveal-grace');
      }
      await ada.getByRole('button', { name: 'Next card' }).click();
      await grace.getByRole('button', { name: 'Next card' }).click();
    }

    // The starred card waits in Memories with both people's words, opened on each device.
    await grace.getByText('Card 6 of 8').waitFor();
    await grace.getByRole('button', { name: 'End game' }).click();
    await grace.getByRole('button', { name: 'End for both' }).click();
    for (const page of [ada, grace]) {
      await page.getByRole('button', { name: /Open Memories/ }).click();
      await page.getByRole('heading', { name: starredCard }).waitFor();
      for (const [i, name] of ['Ada', 'Grace'].entries()) {
        await page.getByText(canaries[i]!).waitFor();
        expect(await page.locator('.said', { hasText: canaries[i] }).locator('.who').textContent()).toBe(name);
      }
    }
    await shootBoth(grace, 'qs-sealed-memories-grace');

    expect(canaries).toHaveLength(8);
    const sent = [...fromAda, ...fromGrace].join('\n');
    expect(sent).toContain('"answer"');
    for (const secret of [...canaries, 'tell-me-more']) expect(sent).not.toContain(secret);
    expect(sent).not.toMatch(/\\?"(choice|guess)\\?"\s*:/);
    const roomId = new URL(link).pathname.split('/r/')[1]!;
    const stored = JSON.stringify((await world.server.store.load(roomId)).stored);
    for (const secret of [...canaries, 'tell-me-more']) expect(stored).not.toContain(secret);
    expect(stored).not.toMatch(/\\?"(choice|guess)\\?"\s*:/);
  });

  it("a partner whose device sends an answer and a reaction that don't open: “Couldn't read this.”, and the game goes on", async () => {
    const ada = await world.people.open(PHONE);
    const link = await createRoom(ada, world.server.url, 'Ada');
    const broken = client(world.server.url);
    await connected(broken);
    const joined = await broken.socket.emitWithAck('room:join', { commandId: cid(), roomId: new URL(link).pathname.split('/r/')[1]!, name: fakeSealed('Eve') });
    if (!joined.ok) throw new Error(joined.error.code);
    const must = async (command: Parameters<typeof send>[2]) => {
      const answered = await send(broken, 1, command);
      if (!answered.ok) throw new Error(`${command.type}: ${answered.error.code}`);
    };
    await must({ type: 'propose', activity: 'question-swap', options: { answerMode: 'write' } });
    await must({ type: 'ready' });
    await acceptSuggestion(ada, 'Question Swap');
    const question = await eventually(() => broken.snapshots.at(-1)!.view.closeness.open!, 10_000);
    await must({ type: 'closeness', id: question.id, value: fakeSealed('five') });
    await ada.getByRole('button', { name: '5 of 7' }).click();
    await must({ type: 'move', move: { type: 'consent', kinds: ['emotional', 'intellectual', 'experiential'], maxDepth: 3 } });
    await openTo(ada);
    await ada.locator('#card-text').waitFor();
    const cardId = await eventually(() => gameView(broken).round!.card.id, 10_000);
    await must({ type: 'move', move: { type: 'answer', cardId, sealed: fakeSealed('garbage') } });
    const writes = (await ada.getByRole('textbox').count()) > 0;
    await answer(ada, 'my own words');
    await ada.getByRole('button', { name: 'Next card' }).waitFor();
    await ada.getByText("Couldn't read this.").first().waitFor();
    await must({ type: 'move', move: { type: 'react', cardId, reaction: fakeSealed('garbage reaction') } });
    await ada.getByText("(couldn't read this name) reacted, but this device couldn't read it.").waitFor();
    await expectAccessible(ada, 'unreadable answer');
    await shootBoth(ada, 'qs-sealed-unreadable-ada');
    // The rest still works: Ada's own answer shows, she can star and move on, and the next card comes.
    if (writes) await ada.getByText('my own words').waitFor();
    await ada.getByRole('button', { name: '☆ Keep in Memories' }).click();
    await ada.getByRole('button', { name: '★ Kept in Memories' }).waitFor();
    await must({ type: 'move', move: { type: 'next', cardId } });
    await ada.getByRole('button', { name: 'Next card' }).click();
    await ada.getByText('Card 2 of 8').waitFor();
    broken.close();
  });
});
