// The browser bundle the e2e setup built: the card deck stays on the server (each view carries the
// card on the table), while the lobby still lists every activity from the catalog.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ACTIVITY_LIST } from '../../shared/activities/catalog.js';
import { CARDS } from '../../shared/content/cards.js';

function bundleText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(js|css|html)$/.test(entry.name))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

describe.runIf(inject('chromium'))('the browser bundle', () => {
  it('holds no card of the deck, and every activity of the catalog', () => {
    const text = bundleText(inject('clientDir'));
    const leaked = CARDS.filter((card) => text.includes(JSON.stringify(card.text).slice(1, -1)));
    expect(leaked.map((c) => c.id)).toEqual([]);
    for (const activity of ACTIVITY_LIST) expect(text).toContain(activity.line);
  });
});
