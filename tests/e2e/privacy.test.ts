// Text that looks like HTML or script is shown as text everywhere, and the CSP blocks inline scripts.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PHONE } from '../support/browser.js';
import { inviteLink, joinByLink, startActivity, useBrowserWorld } from '../support/people.js';
import { openTo } from '../support/question-swap-page.js';

const PAYLOADS = [
  '<img src=x onerror=window.__xss=1>',
  '<svg onload=window.__xss=2>',
  '<script>window.__xss=3</script>',
  '"><img src=x onerror=window.__xss=4>',
  "javascript:window.__xss=5//'\"",
  '{@html "<b>x</b>"} {{constructor.constructor("window.__xss=6")()}}',
];

const ranScript = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);

describe.runIf(inject('chromium'))('script-looking text in Chromium', () => {
  const world = useBrowserWorld();

  it('names and answers that look like HTML are shown as text and run nothing', async () => {
    const dialogs: string[] = [];
    const ada = await world.people.open(PHONE);
    ada.on('dialog', (d) => void dialogs.push(d.message()));
    await ada.goto(world.server.url);
    await ada.getByLabel('Your first name').first().fill(PAYLOADS[0]!);
    await ada.getByRole('button', { name: 'Create a room' }).click();
    await ada.getByRole('heading', { name: 'Invite your partner' }).waitFor();
    const grace = await world.people.open(PHONE);
    grace.on('dialog', (d) => void dialogs.push(d.message()));
    await joinByLink(grace, await inviteLink(ada), PAYLOADS[1]!);
    for (const page of [ada, grace]) {
      await page.getByText(PAYLOADS[0]!).first().waitFor();
      await page.getByText(PAYLOADS[1]!).first().waitFor();
    }

    await startActivity('Question Swap', [ada, grace]);
    for (const page of [ada, grace]) await openTo(page);
    await ada.locator('#card-text').waitFor();
    // An open card (question, task, finish) takes written words from both.
    for (let i = 0; i < 60 && !(await ada.getByRole('textbox', { name: 'Your answer' }).count()); i++) {
      const before = await ada.locator('#card-text').textContent();
      await ada.getByRole('button', { name: 'Pass this card' }).click();
      await expect.poll(() => ada.locator('#card-text').textContent()).not.toBe(before);
    }
    await ada.getByRole('textbox').fill(PAYLOADS.slice(2).join('\n'));
    await ada.getByRole('button', { name: 'Send answer' }).click();
    await grace.getByRole('textbox').fill(PAYLOADS[2]!);
    await grace.getByRole('button', { name: 'Send answer' }).click();
    for (const page of [ada, grace]) {
      await page.getByRole('button', { name: 'Next card' }).waitFor();
      expect(await page.locator('.words').allInnerTexts()).toContain(PAYLOADS.slice(2).join('\n'));
      expect(await ranScript(page)).toBeUndefined();
    }
    expect(dialogs).toEqual([]);
  });

  it('the Content-Security-Policy blocks inline scripts', async () => {
    const page = await world.people.open(PHONE);
    const response = await page.goto(world.server.url);
    const csp = response!.headers()['content-security-policy']!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (directive: string) => void violations.push(directive));
    await page.evaluate(() => {
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportViolation: (d: string) => void }).reportViolation(e.violatedDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__xss = 7';
      document.body.append(script);
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(violations[0]).toMatch(/^script-src/);
    expect(await ranScript(page)).toBeUndefined();
    // The blocked script is reported on the console; that is the point of this test, not a problem.
    world.people.problems.splice(0);
  });
});
