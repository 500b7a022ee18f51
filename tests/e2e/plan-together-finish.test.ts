// Plan something together in Chromium, issue 12: one tap never moves the other's screen. Marking the
// plan finished is agreed: the one who taps waits, the other is told and says so when ready; either can
// take it back. On one shared device one tap is enough.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PHONE, TABLET } from '../support/browser.js';
import { expectAccessible, seatedPair, sharedDevice, shoot, startActivity, useBrowserWorld } from '../support/people.js';
import { reachPlan, reachPlanOnOneDevice } from '../support/plan-together-page.js';

const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
const said = (page: Page) => page.locator('[role="status"]').allTextContents();
const finishButton = (page: Page) => page.getByRole('button', { name: 'We did it — mark it finished' });

describe.runIf(inject('chromium'))('Plan something together: finishing is agreed', () => {
  const world = useBrowserWorld();

  it('two devices: the one who taps waits for the other, who moves on when ready', async () => {
    const { ada, grace } = await seatedPair(world, [PHONE, TABLET]);
    await startActivity('Plan something together', [ada, grace]);
    await reachPlan([ada, grace], 'Repaint the garden bench');

    await finishButton(ada).click();
    await ada.getByText('You\'re ready to mark it finished. Waiting for Grace…').waitFor();
    await expect.poll(() => focused(ada)).toBe("You're ready to mark it finished. Waiting for Grace…");
    await expect.poll(() => said(ada)).toContain('Waiting for Grace.');
    await grace.getByText('Ada is ready to mark it finished — whenever you are.').waitFor();
    expect(await grace.getByRole('heading', { name: /You finished/ }).count()).toBe(0);
    await grace.getByLabel('New step').fill('Sand it down first');
    await grace.getByRole('button', { name: 'Add step' }).click();
    await ada.getByRole('button', { name: /^Sand it down first/ }).waitFor();
    await expectAccessible(ada, 'waiting to finish');
    await expectAccessible(grace, 'the other is ready to finish');
    await shoot(ada, 'plan-finish-waiting-phone');
    await shoot(grace, 'plan-finish-asked-tablet');

    // Ada takes it back; then both agree.
    await ada.getByRole('button', { name: 'Not yet' }).click();
    await expect.poll(() => grace.getByText('Ada is ready to mark it finished').count()).toBe(0);
    await finishButton(ada).click();
    await finishButton(grace).click();
    for (const page of [ada, grace]) await page.getByRole('heading', { name: 'You finished “Repaint the garden bench”' }).waitFor();
    await expect.poll(() => focused(grace)).toBe('You finished “Repaint the garden bench”');
  });

  it('one shared device: one tap finishes it for both', async () => {
    const tablet = await world.people.open(TABLET);
    await sharedDevice(tablet, world.server.url);
    await startActivity('Plan something together', [tablet, tablet], ['Ada is ready', 'Grace is ready']);
    await reachPlanOnOneDevice(tablet, 'Bake bread together');
    expect(await tablet.getByText(/is ready to mark it finished/).count()).toBe(0);
    await expectAccessible(tablet, 'plan on one device');
    await shoot(tablet, 'plan-finish-shared-tablet');
    await finishButton(tablet).click();
    await tablet.getByRole('heading', { name: 'Pass the device to Ada' }).waitFor();
    await tablet.getByRole('button', { name: "I'm Ada" }).click();
    await tablet.getByRole('heading', { name: 'You finished “Bake bread together”' }).waitFor();
  });
});
