// The browser bundle the e2e setup built: the card deck and Fast friends' questions stay on the server
// (each view carries the card or question on the table), the lobby still lists every activity from the
// catalog, and the start page opens with at most FIRST_LOAD_BUDGET of JavaScript (gzip): its entry
// script and every chunk it imports statically (index.html's modulepreload links), not the screens that
// load later.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { ACTIVITY_LIST } from '../../shared/activities/catalog.js';
import { CARDS } from '../../shared/content/cards.js';
import { FAST_FRIENDS_QUESTIONS } from '../../shared/content/fast-friends.js';

const FIRST_LOAD_BUDGET = 40 * 1024;

function bundleText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(js|css|html)$/.test(entry.name))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

/** The scripts index.html names (its module entry and modulepreload links), as paths under the client dir. */
function scriptsOfPage(html: string): string[] {
  const tags = [...html.matchAll(/<script[^>]*\btype="module"[^>]*\bsrc="\/([^"]+)"/g), ...html.matchAll(/<link[^>]*\brel="modulepreload"[^>]*\bhref="\/([^"]+)"/g)];
  return tags.map((m) => m[1]!);
}

/** The chunks a chunk imports statically (`import … from "./x.js"`; never `import("./x.js")`, which loads later). */
function staticImports(code: string): string[] {
  return [...code.matchAll(/\bimport\s*(?:[{*\w$][^;"']*?from\s*)?["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]!);
}

/** Every script the start page loads before it can run, with its gzip size. */
function firstLoad(dir: string): Map<string, number> {
  const sizes = new Map<string, number>();
  const queue = scriptsOfPage(readFileSync(join(dir, 'index.html'), 'utf8'));
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (sizes.has(path)) continue;
    const code = readFileSync(join(dir, path));
    sizes.set(path, gzipSync(code).length);
    const folder = path.slice(0, path.lastIndexOf('/') + 1);
    queue.push(...staticImports(code.toString('utf8')).map((name) => folder + name));
  }
  return sizes;
}

describe.runIf(inject('chromium'))('the browser bundle', () => {
  it('holds no card of the deck nor any Fast friends question, and every activity of the catalog', () => {
    const text = bundleText(inject('clientDir'));
    const leaked = [...CARDS, ...FAST_FRIENDS_QUESTIONS].filter((card) => text.includes(JSON.stringify(card.text).slice(1, -1)));
    expect(leaked.map((c) => c.id)).toEqual([]);
    for (const activity of ACTIVITY_LIST) expect(text).toContain(activity.line);
  });

  it('opens the start page with at most 40 KB of JavaScript (gzip), no activity screen or QR code in it', () => {
    const dir = inject('clientDir');
    const sizes = firstLoad(dir);
    const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
    const listing = [...sizes].map(([path, size]) => `${path}: ${(size / 1024).toFixed(1)} KB`).join(', ');
    expect(sizes.size, 'the page names its entry script').toBeGreaterThan(0);
    expect(total, `first load ${(total / 1024).toFixed(1)} KB gzip (${listing})`).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
    // What the first load leaves out: the socket, a room's screens (the hand-off), the QR encoder's alphabet.
    const code = [...sizes.keys()].map((path) => readFileSync(join(dir, path), 'utf8')).join('\n');
    expect(code).not.toContain('engine.io');
    expect(code).not.toContain('Pass the device to');
    expect(code).not.toContain('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:');
  });
});
