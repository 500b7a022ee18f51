// How the built client is served: compressed, the page always asked again, a built file (named by its
// content) kept for a year. Lighthouse's "text compression" and "cache lifetime" audits ask the same.
import { describe, expect, inject, it } from 'vitest';
import { useBrowserWorld } from '../support/people.js';

describe.runIf(inject('chromium'))('the built client over HTTP', () => {
  const world = useBrowserWorld();

  it('answers scripts compressed, the page with no-cache and content-named files as immutable', async () => {
    const page = await fetch(world.server.url, { headers: { 'accept-encoding': 'gzip' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(script, 'the page names its script').toBeTruthy();

    const asset = await fetch(new URL(script!, world.server.url), { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const worker = await fetch(new URL('/sw.js', world.server.url));
    expect(worker.headers.get('cache-control')).toBe('no-cache');
  });
});
