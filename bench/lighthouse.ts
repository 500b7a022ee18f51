// Lighthouse 12.2.3 (pinned, fetched by npx) as a phone on three screens: the home page as a first visit
// sees it, a room's lobby, and a Question Swap card — `npm run lighthouse`. Not a test: the scores carry
// timing, and this machine is shared. The app runs built, on the in-memory store; Ada's Chromium is
// started here with a debugging port so Lighthouse audits her room with her saved seat (its storage is
// kept), and Grace joins from a second Chromium driven by playwright-core.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { freePort } from '../tests/support/redis-server.js';
import { buildServers, killAll, startCloser } from './processes.js';

const LIGHTHOUSE = 'lighthouse@12.2.3';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const OUT = 'bench/results';

interface Scores {
  screen: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Audits below full marks, with what Lighthouse says of each. */
  short: string[];
}

/** Lighthouse now and then loses its trace (NO_NAVSTART) on this shared machine: up to three tries. */
function audit(screen: string, url: string, port: number, keepStorage: boolean): Scores {
  for (let attempt = 1; ; attempt++) {
    try {
      return auditOnce(screen, url, port, keepStorage);
    } catch (error) {
      if (attempt === 3) throw error;
      console.warn(`Lighthouse failed on ${screen}; trying again`);
    }
  }
}

function auditOnce(screen: string, url: string, port: number, keepStorage: boolean): Scores {
  const file = join(mkdtempSync(join(tmpdir(), 'closer-lh-')), 'report.json');
  execFileSync(
    'npx',
    ['--yes', LIGHTHOUSE, url, `--port=${port}`, `--only-categories=${CATEGORIES.join(',')}`, '--output=json', `--output-path=${file}`, '--quiet', ...(keepStorage ? ['--disable-storage-reset'] : [])],
    { stdio: 'inherit' },
  );
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    categories: Record<string, { score: number }>;
    audits: Record<string, { id: string; score: number | null; scoreDisplayMode: string; displayValue?: string }>;
  };
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(report.categories[c]!.score * 100)])) as Scores['scores'];
  const short = Object.values(report.audits)
    .filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode))
    .map((a) => `${a.id} ${a.score}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  return { screen, scores, short };
}

async function debuggable(): Promise<number> {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'closer-lh-ada-'));
  const child = spawn(CHROMIUM, ['--headless=new', '--no-sandbox', '--disable-gpu', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore' });
  process.on('exit', () => child.kill());
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/json/version`).then((r) => r.ok, () => false);
    if (up) return port;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Chromium did not open its debugging port');
}

async function skipCloseness(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'How close do you feel right now?' }).waitFor();
  await page.getByRole('button', { name: 'Skip' }).click();
}

execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
buildServers();
const server = await startCloser('lighthouse', null, 'lh');
const results: Scores[] = [];
try {
  const port = await debuggable();
  results.push(audit('home (first visit)', server.url, port, false));

  // Playwright lets go of Ada's Chromium before each audit: attached to it, it closes Lighthouse's tab.
  let adaBrowser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  let ada = await adaBrowser.contexts()[0]!.newPage();
  await ada.goto(server.url);
  await ada.evaluate(() => localStorage.setItem('closer.first-run', '{"seen":true}'));
  await ada.goto(server.url);
  await ada.getByLabel('Your first name').first().fill('Ada');
  await ada.getByRole('button', { name: 'Create a room' }).click();
  const link = (await ada.getByRole('region', { name: 'Link' }).getByRole('link').getAttribute('href'))!;

  const graceBrowser = await chromium.launch({ executablePath: CHROMIUM });
  const grace = await (await graceBrowser.newContext()).newPage();
  await grace.addInitScript(() => localStorage.setItem('closer.first-run', '{"seen":true}'));
  await grace.goto(link);
  await grace.getByLabel('Your first name').fill('Grace');
  await grace.getByRole('button', { name: 'Join' }).click();
  await ada.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
  const room = new URL(ada.url()).href;
  await ada.close();
  await adaBrowser.close();
  results.push(audit('lobby', room, port, true));

  adaBrowser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  ada = await adaBrowser.contexts()[0]!.newPage();
  await ada.goto(room);
  // Suggesting is Grace's yes; Ada starts it from the suggestion at the top of her lobby.
  await grace.getByRole('button', { name: 'Suggest Question Swap' }).click();
  await ada.getByRole('region', { name: / suggested / }).getByRole('button', { name: 'Start Question Swap' }).click();
  for (const page of [ada, grace]) await skipCloseness(page);
  // What each is open to today: as it comes (every kind, the suggested depth).
  for (const page of [ada, grace]) await page.getByRole('button', { name: 'Done' }).click();
  await ada.getByRole('button', { name: 'Pass this card' }).first().waitFor().catch(async (error: unknown) => {
    await ada.screenshot({ path: '/tmp/lh-card.png' });
    throw error;
  });
  await ada.close();
  await adaBrowser.close();
  results.push(audit('a Question Swap card', room, port, true));

  await graceBrowser.close();
} finally {
  killAll();
}

for (const r of results) {
  console.log(`${r.screen}: ${CATEGORIES.map((c) => `${c} ${r.scores[c]}`).join(', ')}`);
  for (const s of r.short) console.log(`  - ${s}`);
}
mkdirSync(OUT, { recursive: true });
const file = join(OUT, 'lighthouse.json');
writeFileSync(file, JSON.stringify({ lighthouse: LIGHTHOUSE, chromium: CHROMIUM, results }, null, 2));
console.log(`written: ${file}`);
