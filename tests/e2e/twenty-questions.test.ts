// 20 Questions in Chromium, played whole from both sides: on two devices (a prompt, typed and aloud
// questions, a reload mid-question, "show me my thing", a wrong guess then a right one, the story, a star,
// swapping roles) and on one shared tablet (the thing chosen behind the hand-off, never drawn on the shared
// screen until the reveal except behind the deliberate peek, and all 20 questions reached). The thing's
// words are in no frame either page sent or the asker's page received; axe-core is clean on every stage.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PROMPTS } from '../../shared/content/twenty-questions.js';
import { PHONE, TABLET } from '../support/browser.js';
import { createRoom, expectAccessible, framesFrom, framesTo, joinByLink, sharedDevice, shootBoth, skipCloseness, startActivity, useBrowserWorld } from '../support/people.js';
import { rolesOf } from '../support/twenty-questions-page.js';

const canaryOf = (what: string) => `${what}${Date.now().toString(36)}`;

async function ask(page: Page, question: string): Promise<void> {
  await page.getByLabel(/^Question \d+/).fill(question);
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
}

describe.runIf(inject('chromium'))('20 Questions in Chromium', () => {
  const world = useBrowserWorld();

  it('two devices: a round played whole from both sides, with a reload mid-question and a wrong guess before the right one', { timeout: 120_000 }, async () => {
    const ada = await world.people.open(PHONE);
    const fromAda = framesFrom(ada);
    const toAda = framesTo(ada);
    const link = await createRoom(ada, world.server.url, 'Ada');
    const grace = await world.people.open(TABLET);
    const fromGrace = framesFrom(grace);
    const toGrace = framesTo(grace);
    await joinByLink(grace, link, 'Grace');
    await ada.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
    await startActivity('20 Questions', [ada, grace]);
    for (const page of [ada, grace]) await skipCloseness(page);

    const { thinker, asker, thinkerName, askerName } = await rolesOf([ada, grace]);
    const toAsker = asker === ada ? toAda : toGrace;
    const toThinker = thinker === ada ? toAda : toGrace;
    await asker.getByRole('heading', { name: `${thinkerName} is choosing` }).waitFor();
    await expectAccessible(thinker, 'choosing the thing');
    await shootBoth(thinker, 'tq-choose');
    await shootBoth(asker, 'tq-waiting-for-thing');

    // A prompt for an idea, other prompts, then the thing in the thinker's own words.
    const prompts = thinker.getByRole('group', { name: 'An idea to start from' }).getByRole('radio');
    expect(await prompts.count()).toBe(6);
    const before = await thinker.getByRole('group', { name: 'An idea to start from' }).textContent();
    await thinker.getByRole('button', { name: 'Other prompts' }).click();
    await expect.poll(() => thinker.getByRole('group', { name: 'An idea to start from' }).textContent()).not.toBe(before);
    await prompts.first().check();
    await thinker.getByRole('button', { name: "That's my thing" }).click();
    await thinker.getByText('Write the thing for them to guess.').first().waitFor();
    const thing = canaryOf('Lighthouse');
    await thinker.getByLabel('What is it?').fill(thing);
    await thinker.getByRole('button', { name: "That's my thing" }).click();

    for (const page of [ada, grace]) await page.getByRole('heading', { name: '20 questions left of 20' }).waitFor();
    expect(await asker.textContent('body')).not.toContain(thing);
    expect(await thinker.textContent('body')).not.toContain(thing);

    // A typed question, answered with a few words.
    const q1 = canaryOf('IsItOutdoors');
    await ask(asker, q1);
    await thinker.getByText(q1).first().waitFor();
    await thinker.getByLabel('A few words (optional)').fill('mostly');
    await expectAccessible(thinker, 'answering');
    await shootBoth(thinker, 'tq-thinker-answering');
    await thinker.getByRole('button', { name: 'Yes', exact: true }).click();
    await asker.getByText('Yes — mostly').first().waitFor();
    await asker.getByRole('heading', { name: '19 questions left of 20' }).waitFor();

    // One asked aloud, logged with one tap.
    await asker.getByRole('button', { name: 'I asked it aloud' }).click();
    await thinker.getByText(`${askerName} asked this one aloud.`).first().waitFor();
    await thinker.getByRole('button', { name: 'No', exact: true }).click();
    await asker.getByText('Asked aloud').first().waitFor();

    // The thinker reloads with a question waiting; the asker reloads mid-typing: nothing is lost.
    await ask(asker, 'Is it bigger than a suitcase?');
    await thinker.getByText('Is it bigger than a suitcase?').first().waitFor();
    await thinker.reload();
    await asker.getByLabel('Your guess').waitFor();
    await thinker.getByRole('heading', { name: 'Question 3' }).waitFor();
    await thinker.getByRole('button', { name: 'Sometimes' }).click();
    await asker.getByLabel(/^Question 4/).fill('Is it near water');
    await asker.reload();
    await expect.poll(() => asker.getByLabel(/^Question 4/).inputValue()).toBe('Is it near water');
    await ask(asker, 'Is it near water?');
    await thinker.getByRole('button', { name: "Don't know" }).click();
    await asker.getByRole('heading', { name: '16 questions left of 20' }).waitFor();
    await expectAccessible(asker, 'asking');
    await shootBoth(asker, 'tq-asking');

    // Show me my thing: seen on purpose, hidden again.
    await thinker.getByRole('button', { name: 'Show me my thing' }).click();
    await thinker.getByText(thing).first().waitFor();
    await shootBoth(thinker, 'tq-peek');
    await thinker.getByRole('button', { name: 'Hide it' }).click();
    expect(await thinker.textContent('body')).not.toContain(thing);

    // A wrong guess, then the right one.
    const wrong = canaryOf('Windmill');
    await asker.getByLabel('Your guess').fill(wrong);
    await asker.getByRole('button', { name: 'Guess', exact: true }).click();
    await thinker.getByText(wrong).first().waitFor();
    await shootBoth(thinker, 'tq-judging');
    await thinker.getByRole('button', { name: 'Not quite' }).click();
    await asker.getByText('Not quite').first().waitFor();
    expect(await asker.textContent('body')).not.toContain(thing);
    await asker.getByLabel('Your guess').fill('the lighthouse');
    await asker.getByRole('button', { name: 'Guess', exact: true }).click();
    // Up to the verdict, the asker's page has received the thing not even sealed (the thinker's page has it).
    const sealedThing = toThinker.join('\n').match(/"thing":"(A[A-Za-z0-9_-]{40,})"/)?.[1];
    expect(sealedThing, 'the thinker received their sealed thing').toBeTruthy();
    const beforeReveal = toAsker.length;
    expect(toAsker.join('\n')).not.toContain(sealedThing);
    await thinker.getByRole('button', { name: "Yes, that's it!" }).click();

    await asker.getByRole('heading', { name: 'You guessed it!' }).waitFor();
    await thinker.getByRole('heading', { name: `${askerName} guessed it!` }).waitFor();
    await asker.getByText(thing).first().waitFor();
    expect(toAsker.slice(0, beforeReveal).join('\n')).not.toContain(sealedThing);
    expect(toAsker.slice(beforeReveal).join('\n')).toContain(sealedThing);

    // The story behind it, a star, and swapping roles, agreed.
    const story = canaryOf('WhereWeMet');
    await thinker.getByLabel('The story behind it').fill(story);
    await thinker.getByRole('button', { name: 'Keep these words' }).click();
    await asker.getByText(story).first().waitFor();
    await asker.getByRole('button', { name: '☆ Keep in Memories' }).click();
    await asker.getByRole('button', { name: '★ Kept in Memories', pressed: true }).waitFor();
    await expectAccessible(asker, 'reveal');
    await shootBoth(asker, 'tq-reveal-asker');
    await shootBoth(thinker, 'tq-reveal-thinker');
    await asker.getByRole('button', { name: 'Swap roles' }).click();
    await asker.getByText(`You're ready to swap roles. Waiting for ${thinkerName}…`).first().waitFor();
    await thinker.getByText(`${askerName} is ready to swap roles — whenever you are.`).first().waitFor();
    await thinker.getByRole('button', { name: 'Swap roles' }).click();
    await asker.getByRole('heading', { name: `Think of something for ${thinkerName} to guess` }).waitFor();
    await thinker.getByRole('heading', { name: `${askerName} is choosing` }).waitFor();

    // The thing went sealed: in no frame either page sent, nor in the asker's received frames in the clear.
    const sent = [...fromAda, ...fromGrace].join('\n');
    expect(sent).toContain('"type":"choose"');
    for (const words of [thing, q1, wrong, story, 'mostly']) expect(sent, `a page sent ${words}`).not.toContain(words);
    expect(toAsker.join('\n')).not.toContain(thing);
  });

  it('one shared tablet: the thing is chosen behind the hand-off and never drawn on the shared screen until the reveal, except behind the peek; all 20 questions', { timeout: 180_000 }, async () => {
    const tablet = await world.people.open(TABLET);
    await sharedDevice(tablet, world.server.url);
    await startActivity('20 Questions', [tablet, tablet], ['Ada is ready', 'Grace is ready']);
    for (const name of ['Ada', 'Grace']) {
      await tablet.getByRole('heading', { name: `Pass the device to ${name}` }).waitFor();
      await tablet.getByRole('button', { name: `I'm ${name}` }).click();
      await tablet.getByRole('heading', { name: `${name}, how close do you feel right now?` }).waitFor();
      await tablet.getByRole('button', { name: 'Skip' }).click();
    }

    // The thinker is handed the device; nothing of the choosing is under the hand-off.
    const handoff = tablet.getByRole('heading', { name: /Pass the device to/ });
    await handoff.waitFor();
    const thinker = (await handoff.textContent())!.replace('Pass the device to ', '');
    const asker = thinker === 'Ada' ? 'Grace' : 'Ada';
    expect(await tablet.getByRole('heading', { name: /Think of something/ }).count()).toBe(0);
    await expectAccessible(tablet, 'hand-off to the thinker');
    await shootBoth(tablet, 'tq-shared-handoff');
    await tablet.getByRole('button', { name: `I'm ${thinker}` }).click();
    const thing = canaryOf('Teapot');
    await tablet.getByRole('radio', { name: 'Anything you like' }).check();
    await tablet.getByLabel('What are you thinking of?').fill(thing);
    await tablet.getByRole('button', { name: "That's my thing" }).click();

    // Both look now: no hand-off, the thing nowhere on the page.
    await tablet.getByRole('heading', { name: '20 questions left of 20' }).waitFor();
    await tablet.getByRole('heading', { name: `${asker} asks` }).waitFor();
    expect(await tablet.textContent('body')).not.toContain(thing);
    await ask(tablet, 'Is it in the kitchen?');
    await tablet.getByRole('heading', { name: `Question 1 — ${thinker} answers` }).waitFor();
    expect(await tablet.textContent('body')).not.toContain(thing);
    await expectAccessible(tablet, 'shared asking');
    await shootBoth(tablet, 'tq-shared-asking');
    await tablet.getByRole('button', { name: 'Yes', exact: true }).click();

    // The peek: asked for by name, the other looks away, shown, hidden again.
    await tablet.getByRole('button', { name: `${thinker}: show me my thing` }).click();
    await tablet.getByText(`${asker}, look away for a moment.`).first().waitFor();
    expect(await tablet.textContent('body')).not.toContain(thing);
    await shootBoth(tablet, 'tq-shared-look-away');
    await tablet.getByRole('button', { name: 'Show it' }).click();
    await tablet.getByText(thing).first().waitFor();
    await tablet.getByRole('button', { name: 'Hide it' }).click();
    expect(await tablet.textContent('body')).not.toContain(thing);

    // The hint after question 10, then on to question 20: the reveal.
    for (let n = 2; n <= 20; n++) {
      await tablet.getByRole('button', { name: 'I asked it aloud' }).click();
      await tablet.getByRole('heading', { name: `Question ${n} — ${thinker} answers` }).waitFor();
      expect(await tablet.textContent('body')).not.toContain(thing);
      await tablet.getByRole('button', { name: n % 3 ? 'No' : 'Sometimes', exact: true }).click();
      if (n === 10) {
        await tablet.getByRole('button', { name: 'Ask for a hint' }).click();
        await tablet.getByLabel(`${asker} asked for a hint — ${thinker}, write it`).fill('You use it every morning');
        await tablet.getByRole('button', { name: 'Give the hint' }).click();
        await tablet.getByText('You use it every morning').first().waitFor();
      }
      if (n < 20) await tablet.getByRole('heading', { name: `${20 - n} questions left of 20` }).waitFor();
    }
    await tablet.getByRole('heading', { name: 'All 20 questions asked' }).waitFor();
    await tablet.getByText(thing).first().waitFor();
    await expectAccessible(tablet, 'shared reveal');
    await shootBoth(tablet, 'tq-shared-reveal');
    await tablet.getByLabel('The story behind it').fill('It was my grandmother’s');
    await tablet.getByRole('button', { name: 'Keep these words' }).click();
    await tablet.getByText('It was my grandmother’s').first().waitFor();

    // One tap swaps for both on one device; the new thinker is handed the device.
    await tablet.getByRole('button', { name: 'Swap roles' }).click();
    await tablet.getByRole('heading', { name: `Pass the device to ${asker}` }).waitFor();
    expect(await tablet.textContent('body')).not.toContain(thing);
  });

  it('the prompt deck stays on the server: no prompt is in the browser bundle', () => {
    const dir = inject('clientDir');
    const text = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(js|css|html)$/.test(entry.name))
      .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
      .join('\n');
    expect(text).toContain('20 Questions');
    expect(PROMPTS.filter((p) => text.includes(p.text)).map((p) => p.id)).toEqual([]);
  });
});
