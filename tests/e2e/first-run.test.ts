// A first visit: three skippable panes before the start page, shown once on a device; an invite link
// goes straight to joining. On every activity's screen, "How to play" opens a short dialog. A screen
// that is still loading says so calmly, and one whose file cannot be fetched offers a Reload.
import { describe, expect, inject, it } from 'vitest';
import { CATALOG } from '../../shared/activities/catalog.js';
import { PHONE } from '../support/browser.js';
import { createRoom, expectAccessible, seatedPair, shootBoth, startActivity, useBrowserWorld } from '../support/people.js';

describe.runIf(inject('chromium'))('first run and How to play, in Chromium', () => {
  const world = useBrowserWorld();

  it('a first visit shows three panes; skipping them is remembered after a reload', async () => {
    const page = await world.people.open(PHONE, { firstVisit: true });
    await page.goto(world.server.url);
    await page.getByText('1 of 3').waitFor();
    await page.getByRole('heading', { name: 'Closer' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Start a room' }).count()).toBe(0);
    await expectAccessible(page, 'first run, pane 1');
    await shootBoth(page, 'first-run-1');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'A room for two' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Sealed, just for you two' }).waitFor();
    await page.getByText('the server never reads it').waitFor();
    await expectAccessible(page, 'first run, pane 3');
    await shootBoth(page, 'first-run-3');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('heading', { name: 'Start a room' }).waitFor();

    const again = await world.people.open(PHONE, { firstVisit: true });
    await again.goto(world.server.url);
    await again.getByRole('button', { name: 'Skip' }).click();
    await again.getByRole('heading', { name: 'Start a room' }).waitFor();
    await again.reload();
    await again.getByRole('heading', { name: 'Start a room' }).waitFor();
    expect(await again.getByText('1 of 3').count()).toBe(0);
  });

  it('someone opening an invite link lands on joining, and never meets the panes afterwards', async () => {
    const ada = await world.people.open();
    const link = await createRoom(ada, world.server.url, 'Ada');
    const grace = await world.people.open(PHONE, { firstVisit: true });
    await grace.goto(link);
    await grace.getByRole('heading', { name: /invited you/ }).waitFor();
    await grace.goto(world.server.url);
    await grace.getByRole('heading', { name: 'Start a room' }).waitFor();
    expect(await grace.getByText('1 of 3').count()).toBe(0);
  });

  it('"How to play" opens the activity\'s steps in a dialog; a slow screen says "Opening…", a failed one offers Reload', async () => {
    const { ada, grace } = await seatedPair(world);
    // Ada's screen is held back until she has seen it loading; Grace's cannot be fetched at all.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await ada.route('**/assets/QuestionSwap-*.js', async (route) => {
      await held;
      await route.continue();
    });
    await grace.route('**/assets/QuestionSwap-*.js', (route) => route.abort());
    await startActivity('Question Swap', [ada, grace]);

    await ada.getByText('Opening…').waitFor();
    release();
    const title = CATALOG['question-swap'].title;
    await ada.getByRole('heading', { name: title, level: 1 }).waitFor();

    await grace.getByRole('heading', { name: "This part of Closer didn't load" }).waitFor();
    await expectAccessible(grace, 'a screen that did not load');
    await shootBoth(grace, 'lazy-failed');
    await grace.unroute('**/assets/QuestionSwap-*.js');
    await grace.getByRole('button', { name: 'Reload' }).click();
    await grace.getByRole('heading', { name: title, level: 1 }).waitFor();
    // The chunk aborted on purpose is the one console error this test expects.
    const aborted = 'console: Failed to load resource: net::ERR_FAILED';
    const problems = world.people.problems;
    expect(problems).toContain(aborted);
    problems.splice(0, problems.length, ...problems.filter((problem) => problem !== aborted));

    const opener = ada.getByRole('button', { name: 'How to play' });
    await opener.click();
    const dialog = ada.getByRole('dialog', { name: `How to play ${title}` });
    await dialog.waitFor();
    const steps = await dialog.getByRole('listitem').allTextContents();
    expect(steps).toEqual([...CATALOG['question-swap'].howTo]);
    await expectAccessible(ada, 'How to play dialog');
    await shootBoth(ada, 'how-to-play');
    await dialog.getByRole('button', { name: 'Got it' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await opener.evaluate((button) => button === document.activeElement)).toBe(true);
  });
});
