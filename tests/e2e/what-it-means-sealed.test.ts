// "What intimacy means to me" sealed, in Chromium: both type canaries into every sentence and choose a
// ranking and ratings nobody would give by chance; each reads the other's after the reveal, while no
// canary, ranking or rating leaves either page in the clear (every frame they sent is recorded). And a
// partner whose device sends parts that do not open: those read "Couldn't read this.", the rest works.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { writeRanking, writeRatings, writeSentences, type Ratings } from '../../shared/activities/what-it-means/answers.js';
import { CLOSENESS_ACTIVITY, closenessSlot } from '../../shared/closeness.js';
import { STARTERS } from '../../shared/content/starters.js';
import { FOUNDATIONS, INTIMACY_KINDS, KIND_LABELS, type IntimacyKind } from '../../shared/intimacy.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { PHONE, TABLET } from '../support/browser.js';
import { createRoom, expectAccessible, framesFrom, joinByLink, shootBoth, skipCloseness, startActivity, useBrowserWorld } from '../support/people.js';
import { brokenPartner } from '../support/broken-partner.js';
import { fakeSealed } from '../support/sealed.js';
import { eventually } from '../support/server.js';
import { ratingsOf, sealFor } from '../support/what-it-means-answers.js';
import { rankAs, rateAs, writeAndFinish } from '../support/what-it-means-page.js';




describe.runIf(inject('chromium'))('What intimacy means to me, sealed, in Chromium', () => {
  const world = useBrowserWorld();

  it('both type canaries into every sentence; each reads the other’s after the reveal; nothing they chose leaves a page in the clear', async () => {
    const canary = `Canary${Date.now().toString(36)}`;
    const ada = await world.people.open(PHONE);
    const fromAda = framesFrom(ada);
    const link = await createRoom(ada, world.server.url, 'Ada');
    const grace = await world.people.open(TABLET);
    const fromGrace = framesFrom(grace);
    await joinByLink(grace, link, 'Grace');
    await ada.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
    await startActivity('What intimacy means to me', [ada, grace]);
    for (const page of [ada, grace]) await skipCloseness(page);

    const rankings: [IntimacyKind[], IntimacyKind[]] = [
      ['spiritual', 'physical', 'emotional', 'experiential', 'intellectual'],
      ['experiential', 'spiritual', 'intellectual', 'emotional', 'physical'],
    ];
    const ratings: [Ratings, Ratings] = [ratingsOf(null, null), ratingsOf(null, null)];
    FOUNDATIONS.forEach((f, i) => {
      ratings[0][f] = i === 2 ? { today: null, want: null } : { today: (i % 5) + 1, want: i === 3 ? null : 5 - (i % 5) };
      ratings[1][f] = { today: 5 - ((i * 2) % 5), want: ((i * 3) % 5) + 1 };
    });
    const pages = [ada, grace] as const;
    const words = (seat: SeatIndex) => `${canary}-${seat === 0 ? 'ada' : 'grace'}`;
    for (const seat of [0, 1] as const) {
      await rankAs(pages[seat], rankings[seat]);
      await rateAs(pages[seat], ratings[seat]);
      await writeAndFinish(pages[seat], words(seat));
    }

    // Both read both: rankings, every sentence, and the ratings in the table.
    for (const page of pages) {
      await page.getByRole('heading', { name: 'What matters most' }).waitFor();
      for (const seat of [0, 1] as const) {
        for (const i of [1, 2, 3]) await page.getByText(`${words(seat)} ${i}`).waitFor();
        const list = page.getByRole('heading', { name: seat === 0 ? 'Ada' : 'Grace', level: 3 }).locator('xpath=following-sibling::ol[1]');
        expect(await list.getByRole('listitem').allTextContents()).toEqual(rankings[seat].map((k) => KIND_LABELS[k].title));
      }
      await page.getByText('The numbers as a table').click();
      const row = (name: string) => page.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell');
      expect(await row('Trust').allTextContents()).toEqual(['1 → 5', '5 → 1']);
      expect(await row('Honesty').allTextContents()).toEqual(['not said', '1 → 2']);
      expect(await row('Safety').allTextContents()).toEqual(['4 → not said', '4 → 5']);
      expect(await page.getByText("Couldn't read this.").count()).toBe(0);
    }
    await expectAccessible(ada, 'sealed reveal');
    await shootBoth(ada, 'means-sealed-reveal');

    // A question starred for both: kept in Memories.
    await grace.locator('.gaps li').first().getByRole('button', { name: 'Keep in Memories: this question' }).click();
    await expect.poll(() => ada.locator('.gaps li').first().getByRole('button', { pressed: true }).count()).toBe(1);
    const prompt = (await ada.locator('.gaps li p').first().textContent())!;

    // Both leave; in Memories the question reads as one for both of them, under nobody's name.
    await ada.getByRole('button', { name: "We're done — back to the lobby" }).click();
    await grace.getByRole('button', { name: "We're done — back to the lobby" }).click();
    for (const page of pages) {
      await page.getByRole('heading', { name: 'How close do you feel after that?' }).waitFor();
      await page.getByRole('button', { name: 'Skip' }).click();
    }
    // The lobby's newest Memories say it the same way.
    const inLobby = ada.locator('#memories-title').locator('..').getByRole('listitem').filter({ hasText: 'A question to talk about' });
    expect(await inLobby.locator('.prompt .words').textContent()).toBe(prompt);
    await ada.getByRole('button', { name: 'Open Memories (1)' }).click();
    await ada.getByRole('heading', { name: 'Memories', level: 1 }).waitFor();
    const kept = ada.getByRole('listitem').filter({ hasText: 'A question to talk about' });
    await kept.getByText(prompt).waitFor();
    expect(await kept.locator('.prompt .words').textContent()).toBe(prompt);

    const sent = [...fromAda, ...fromGrace].join('\n');
    expect(sent).toContain('"type":"sentences"');
    const clear = [
      canary,
      prompt,
      ...STARTERS.map((s) => s.text),
      ...INTIMACY_KINDS,
      '"today"',
      ...ratings.map(writeRatings),
      ...rankings.map((r) => writeRanking(r)),
      writeSentences([{ starterId: STARTERS[0]!.id, text: `${words(0)} 1` }]).slice(1, 20),
    ];
    for (const text of clear) expect(sent, `a page sent ${text}`).not.toContain(text);
  });

  it('a partner whose device sends a ranking and ratings that do not open: those read "Couldn\'t read this.", the rest of the reveal works', async () => {
    const { ada, key, broken, send } = await brokenPartner(world);

    await ada.getByRole('button', { name: 'Suggest What intimacy means to me' }).click();
    await eventually(() => expect(broken.snapshots.at(-1)?.view.proposal).toBeTruthy());
    expect((await send({ type: 'ready' })).ok).toBe(true);
    await skipCloseness(ada);
    const question = await eventually(() => broken.snapshots.at(-1)!.view.closeness.open!.id);
    const sealId = broken.snapshots.at(-1)!.view.seal!.id;
    // The closeness question is skipped as a browser skips it (0, sealed for its round).
    const skipped = await sealFor(key, sealId, 1, closenessSlot(question), '0', CLOSENESS_ACTIVITY);
    expect((await send({ type: 'closeness', id: question, value: skipped })).ok).toBe(true);
    const theirs = STARTERS.slice(3, 6).map((s, i) => ({ starterId: s.id, text: `partner words ${i + 1}` }));
    for (const move of [
      { type: 'rank', ranking: fakeSealed('garbage ranking') },
      { type: 'rate', ratings: await sealFor(key, sealId, 1, 'sentences', writeRatings(ratingsOf(2, 5))) },
      { type: 'sentences', sentences: await sealFor(key, sealId, 1, 'sentences', writeSentences(theirs)) },
      { type: 'done' },
    ]) {
      const answer = await send({ type: 'move', move });
      expect(answer.ok, JSON.stringify(answer)).toBe(true);
    }

    await rankAs(ada, [...INTIMACY_KINDS].reverse());
    await rateAs(ada, ratingsOf(3, 4));
    await writeAndFinish(ada, 'ada words');
    await ada.getByRole('heading', { name: 'What matters most' }).waitFor();
    await ada.getByText('partner words 2').waitFor();
    await ada.getByText('ada words 3').waitFor();
    expect(await ada.getByText("Couldn't read this.").count()).toBe(2);
    // Ada's own ranking still shows, and no gap is made from what could not be read.
    expect(await ada.locator('.pair ol').first().getByRole('listitem').first().textContent()).toBe('Spiritual');
    expect(await ada.getByRole('heading', { name: 'Worth talking about' }).count()).toBe(0);
    await expectAccessible(ada, 'reveal with an unreadable partner');
    await shootBoth(ada, 'means-sealed-unreadable');

    // Starring and leaving still work.
    await ada.getByRole('button', { name: 'Keep in Memories: sentence 2' }).click();
    await expect.poll(() => ada.getByRole('button', { name: 'Kept in Memories: sentence 2', pressed: true }).count()).toBe(1);
    expect((await send({ type: 'move', move: { type: 'leave', ready: true } })).ok).toBe(true);
    await ada.getByText(/is ready to go back to the lobby/).waitFor();
    await ada.getByRole('button', { name: "We're done — back to the lobby" }).click();
    // Both left: back in the lobby, which asks how close Ada feels now.
    await ada.getByRole('heading', { name: 'How close do you feel after that?' }).waitFor();
    broken.close();
  });
});
