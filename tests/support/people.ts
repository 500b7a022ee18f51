// What people do in the browser tests, shared by the e2e suites: each context is one person.
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import type { RunningServer } from '../../server/server.js';
import { MemoryStore } from '../../server/store/memory.js';
import { axeViolations, launchBrowser, PHONE, TABLET } from './browser.js';
import { startTestServer } from './server.js';

export const SHOTS = 'test-results/screens';

/** Opens people as browser contexts and records console errors, page errors and CSP violations. */
export class People {
  readonly problems: string[] = [];
  private contexts: BrowserContext[] = [];

  constructor(private browser: Browser) {
    mkdirSync(SHOTS, { recursive: true });
  }

  /**
   * A person at `viewport`; one who has used Closer before unless `firstVisit` (the first-run panes show).
   * The service worker is off unless `serviceWorker` (tests/e2e/installable.test.ts): requests it answered
   * would pass by the tests' own routes (page.route), and every other test is about the page itself.
   */
  async open(viewport = PHONE, { firstVisit = false, serviceWorker = false } = {}): Promise<Page> {
    const context = await this.browser.newContext({ viewport, serviceWorkers: serviceWorker ? 'allow' : 'block' });
    this.contexts.push(context);
    // Set before any script of the page runs; about:blank has no storage, hence the try.
    if (!firstVisit) await context.addInitScript(() => { try { localStorage.setItem('closer.first-run', '{"seen":true}'); } catch {} });
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

/** Saves a screenshot to look at, and checks nothing makes the page scroll sideways. */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  const [scrollWidth, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scrollWidth, `${name} is wider than the screen`).toBeLessThanOrEqual(width!);
}

/** Shoots the page at the phone and the tablet size (see shoot), then puts its own size back. */
export async function shootBoth(page: Page, name: string): Promise<void> {
  const own = page.viewportSize()!;
  for (const [size, viewport] of [['phone', PHONE], ['tablet', TABLET]] as const) {
    await page.setViewportSize(viewport);
    await shoot(page, `${name}-${size}`);
  }
  await page.setViewportSize(own);
}

export async function createRoom(page: Page, base: string, name: string): Promise<string> {
  await page.goto(base);
  await page.getByLabel('Your first name').first().fill(name);
  await page.getByRole('button', { name: 'Create a room' }).click();
  await page.getByRole('heading', { name: 'Invite your partner' }).waitFor();
  return inviteLink(page);
}

/** The link the invite screen shares (with the room key in its fragment; the address bar has none). */
export async function inviteLink(page: Page): Promise<string> {
  const link = page.getByRole('region', { name: 'Link' }).getByRole('link');
  await link.waitFor();
  return (await link.getAttribute('href'))!;
}

export async function joinByLink(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  await page.getByRole('heading', { name: /invited you/ }).waitFor();
  await page.getByLabel('Your first name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
}

export interface BrowserWorld {
  server: RunningServer;
  people: People;
}

/**
 * One Chromium and one real server (in-memory store, the built client) for a browser suite; after each
 * test, no page may have logged an error or a CSP violation.
 */
export function useBrowserWorld(): BrowserWorld {
  const world = {} as BrowserWorld;
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    world.people = new People(browser);
    world.server = await startTestServer(new MemoryStore(), { clientDir: inject('clientDir') });
  });
  afterEach(() => {
    expect(world.people.problems.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await world.people?.closeAll();
    await browser?.close();
    await world.server?.close();
  });
  return world;
}

/** Every frame a page sends to the server, from the moment this is called (call it before it connects). */
export function framesFrom(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framesent', (f) => frames.push(String(f.payload))));
  return frames;
}

/** Every frame the server sends to a page, from the moment this is called (call it before it connects). */
export function framesTo(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
  return frames;
}

/**
 * Ada makes a room on two devices and Grace joins by its link; both end up in the lobby.
 * `toGrace` holds every frame Grace's page received, from before it first connected.
 */
export async function seatedPair(
  world: { people: People; server: { url: string } },
  viewports = [PHONE, PHONE],
): Promise<{ ada: Page; grace: Page; link: string; toGrace: string[] }> {
  const ada = await world.people.open(viewports[0]);
  const link = await createRoom(ada, world.server.url, 'Ada');
  const grace = await world.people.open(viewports[1]);
  const toGrace = framesTo(grace);
  await joinByLink(grace, link, 'Grace');
  await ada.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
  return { ada, grace, link, toGrace };
}

/** One tablet holding both seats: Ada and Grace, both names typed on it. */
export async function sharedDevice(page: Page, base: string): Promise<void> {
  await page.goto(base);
  await page.getByLabel('Your first name').first().fill('Ada');
  await page.getByRole('radio', { name: 'One shared device' }).check();
  await page.getByLabel("The other person's first name").fill('Grace');
  await page.getByRole('button', { name: 'Create a room' }).click();
  await page.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
}

/** On one shared device: the hand-off asks for this person, and they say it is them. */
export async function handTo(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { name: `Pass the device to ${name}` }).waitFor();
  await page.getByRole('button', { name: `I'm ${name}` }).click();
}

/** On one device of one person: skips the closeness question before (or after) the activity. */
export async function skipCloseness(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'How close do you feel right now?' }).waitFor();
  await page.getByRole('button', { name: 'Skip' }).click();
}

/** On one shared device: Ada, then Grace, skips the closeness question before the activity. */
export async function skipClosenessInTurn(page: Page): Promise<void> {
  for (const name of ['Ada', 'Grace']) {
    await handTo(page, name);
    await page.getByRole('button', { name: 'Skip' }).click();
  }
}

/**
 * The first page suggests the activity. On two devices that is its "yes": it waits, and the other page
 * starts it from the suggestion at the top of its lobby. On one shared device (`readyButtons`, e.g.
 * "Ada is ready") the card's "Start", then each button is tapped in turn.
 */
export async function startActivity(title: string, pages: Page[], readyButtons?: string[]): Promise<void> {
  await pages[0]!.getByRole('button', { name: `${readyButtons ? 'Start' : 'Suggest'} ${title}` }).click();
  if (readyButtons) {
    for (const [i, page] of pages.entries()) await page.getByRole('button', { name: readyButtons[i]! }).click();
    return;
  }
  await pages[0]!.getByText(/^Waiting for /).waitFor();
  for (const page of pages.slice(1)) await acceptSuggestion(page, title);
}

/** The other person starts the suggestion at the top of their lobby. */
export async function acceptSuggestion(page: Page, title: string): Promise<void> {
  await page.getByRole('region', { name: / suggested / }).getByRole('button', { name: `Start ${title}` }).click();
}
