// Sealing and opening in Chromium, as the browser does it for every move (issue 13's "seal and open per
// move"): npx tsx bench/seal-in-browser.ts
// shared/sealed/seal.ts is bundled as it ships, served from localhost (WebCrypto needs a secure
// context), and timed in Debian's Chromium for a name, a short and a long answer. A move seals one value
// on the sender's device and opens it on each device that shows it; a view is opened once per value
// (the keyring remembers what it opened), so a snapshot repeating old values costs no new opens.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSync } from 'esbuild';
import { launchBrowser } from '../tests/support/browser.js';

const script = buildSync({ entryPoints: ['shared/sealed/seal.ts'], bundle: true, write: false, format: 'iife', globalName: 'Seal', target: 'es2022' }).outputFiles[0]!.text;
const page = `<!doctype html><meta charset="utf-8"><title>seal bench</title><script>${script}</script>`;
const http = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const url = `http://localhost:${(http.address() as AddressInfo).port}/`;

const browser = await launchBrowser();
try {
  const tab = await browser.newPage();
  await tab.goto(url);
  const sizes = { name: 12, 'short answer': 200, 'long answer (2,000 characters)': 2000 };
  const results = await tab.evaluate(async (sizes) => {
    const S = (globalThis as unknown as { Seal: typeof import('../shared/sealed/seal.js') }).Seal;
    const key = await S.makeRoomKey();
    const where = { room: 'bench-seal-id', seat: 0 as const, activity: 'question-swap', slot: 'answer:c1' };
    const out: Record<string, { sealUs: number; openUs: number; bytes: number }> = {};
    for (const [label, length] of Object.entries(sizes)) {
      const text = 'é'.repeat(Math.floor(length / 4)) + 'a'.repeat(length - Math.floor(length / 4));
      const rounds = 2000;
      const blobs: string[] = [];
      for (let i = 0; i < 200; i++) blobs.push(((await S.seal(key, where, text)) as { value: string }).value); // warm-up
      let t = performance.now();
      for (let i = 0; i < rounds; i++) blobs[i % 200] = ((await S.seal(key, where, text)) as { value: string }).value;
      const sealUs = ((performance.now() - t) * 1000) / rounds;
      t = performance.now();
      for (let i = 0; i < rounds; i++) await S.open(key, where, blobs[i % 200]!);
      const openUs = ((performance.now() - t) * 1000) / rounds;
      out[label] = { sealUs, openUs, bytes: blobs[0]!.length };
    }
    return out;
  }, sizes);
  console.log('Sealing in Chromium (one value, mean of 2,000 after 200 warm-up):');
  console.log('| value | seal | open | sealed size (base64url chars) |');
  console.log('|---|---|---|---|');
  for (const [label, r] of Object.entries(results)) console.log(`| ${label} | ${(r.sealUs / 1000).toFixed(3)} ms | ${(r.openUs / 1000).toFixed(3)} ms | ${r.bytes} |`);
} finally {
  await browser.close();
  http.close();
}
