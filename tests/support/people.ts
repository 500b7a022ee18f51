// What people do in the browser tests, shared by the e2e suites: each context is one person.
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations, PHONE } from './browser.js';

export const SHOTS = 'test-results/screens';

/** Opens people as browser contexts and records console errors, page errors and CSP violations. */
export class People {
  readonly problems: string[] = [];
  private contexts: BrowserContext[] = [];

  constructor(private browser: Browser) {
    mkdirSync(SHOTS, { recursive: true });
  }

  async open(viewport = PHONE): Promise<Page> {
    const context = await this.browser.newContext({ viewport });
    this.contexts.push(context);
    context.on('page', (page) => {
      page.on('console', (message) => {
        if (message.type() === 'error') this.problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
    });
    return context.newPage();
  }

  async closeAll(): Promise<void> {
    for (const context of this.contexts.splice(0)) await context.close();
  }
}

export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

export async function createRoom(page: Page, base: string, name: string): Promise<string> {
  await page.goto(base);
  await page.getByLabel('Your first name').first().fill(name);
  await page.getByRole('button', { name: 'Create a room' }).click();
  await page.getByRole('heading', { name: 'Invite your partner' }).waitFor();
  return page.url();
}

export async function joinByLink(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  await page.getByRole('heading', { name: /invited you/ }).waitFor();
  await page.getByLabel('Your first name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
}
