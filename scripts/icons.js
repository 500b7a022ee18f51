// Renders the app's icons from its own SVG (client/public/favicon.svg) with Chromium, into
// client/public/: icon-192.png, icon-512.png (the mark on a clear ground) and icon-maskable-512.png (the
// mark inside the maskable safe zone on the page's paper colour). The PNGs are committed; run this again
// after changing the SVG:  node scripts/icons.js
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const PUBLIC = fileURLToPath(new URL('../client/public/', import.meta.url));
const PAPER = '#fbf5ef';
const svg = readFileSync(`${PUBLIC}favicon.svg`, 'utf8');

/** `inset`: how much of the side the mark may use; a maskable icon keeps it within the central circle. */
const ICONS = [
  { file: 'icon-192.png', size: 192, inset: 1, ground: 'transparent' },
  { file: 'icon-512.png', size: 512, inset: 1, ground: 'transparent' },
  { file: 'icon-maskable-512.png', size: 512, inset: 0.62, ground: PAPER },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  for (const { file, size, inset, ground } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const mark = Math.round(size * inset);
    await page.setContent(
      `<html><body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${ground}">` +
        `<div style="width:${mark}px;height:${mark}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body></html>`,
    );
    await page.screenshot({ path: `${PUBLIC}${file}`, omitBackground: ground === 'transparent' });
    await page.close();
    console.log(`wrote client/public/${file}`);
  }
} finally {
  await browser.close();
}
