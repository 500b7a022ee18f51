// Where a profiled Closer node spent its CPU:
//   npx tsx bench/profile-summary.ts <file.cpuprofile> [<fromUs>-<toUs>] [rows]
// Reads a V8 CPU profile (node --cpu-prof; BENCH_PROFILE=1 makes them) and prints, as shares of the busy
// time: each area (our server/ and shared/ code, each package, Node itself, the garbage collector), the
// functions that ran themselves the longest, and the functions with the most time under them. A window
// (µs since boot, the profile's own clock; the JSON results hold each capacity level's) keeps only its samples.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The servers run compiled into bench/.build/: name their files as in the repository. */
const source = (url: string) => url.replace('/bench/.build/', '/');

function area(url: string, name: string): string {
  url = source(url);
  if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') return name;
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1]!;
  const ours = url.match(/\/(server|shared|bench)\//);
  if (ours) return `${ours[1]}/`;
  if (url.startsWith('node:')) return 'node internals';
  // Native code with no script: mostly the write syscalls to sockets (on loopback the kernel delivers to
  // the receiver inside the sender's write). JSON.parse/stringify are counted in the functions calling them.
  if (url === '') return /^write/.test(name) ? 'socket writes (native write/writev)' : `native: ${name}`;
  return url;
}

function place(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = source(url).replace(/^.*\/(node_modules|server|shared|bench)\//, '$1/');
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
}

function top(totals: Map<string, number>, busy: number, rows: number): string[] {
  return [...totals]
    .sort(([, a], [, b]) => b - a)
    .slice(0, rows)
    .map(([key, us]) => `${((100 * us) / busy).toFixed(1).padStart(5)}%  ${key}`);
}

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: tsx bench/profile-summary.ts <file.cpuprofile> [<fromUs>-<toUs>] [rows]');
  process.exit(1);
}
const windowArg = rest.find((arg) => arg.includes('-'));
const [fromUs, toUs] = windowArg ? windowArg.split('-').map(Number) : [0, Infinity];
const rows = Number(rest.find((arg) => !arg.includes('-')) ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const areas = new Map<string, number>();
let total = 0;
let idle = 0;
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  at += us;
  if (at < fromUs! || at > toUs!) return;
  const node = byId.get(id)!;
  total += us;
  if (node.callFrame.functionName === '(idle)') {
    idle += us;
    return;
  }
  const key = place(node);
  self.set(key, (self.get(key) ?? 0) + us);
  const where = area(node.callFrame.url, node.callFrame.functionName);
  areas.set(where, (areas.get(where) ?? 0) + us);
  // Every function on the stack once, however often it recurses.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at)!;
    if (frame.callFrame.functionName === '(root)') continue;
    const name = place(frame);
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + us);
  }
});

const busy = total - idle;
console.log(`${file}: ${(total / 1e6).toFixed(1)} s profiled, busy ${(busy / 1e6).toFixed(1)} s (${((100 * busy) / total).toFixed(0)}%)`);
console.log('\nBusy time by area (self time)');
console.log(top(areas, busy, rows).join('\n'));
console.log('\nFunctions by self time');
console.log(top(self, busy, rows).join('\n'));
console.log('\nFunctions by time under them (inclusive)');
console.log(top(inclusive, busy, rows).join('\n'));
