// Where the still-alive allocations of a sampling heap profile (bench/allocation-probe.cjs) were made:
//   npx tsx bench/allocation-summary.ts [/tmp/allocation.heapprofile] [rows]
// Bytes by allocating function (file and line, as the servers run compiled in bench/.build/), then by the
// last few frames of the stack that made them.
import { readFileSync } from 'node:fs';

interface SampledNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SampledNode[];
}

const file = process.argv[2] ?? '/tmp/allocation.heapprofile';
const rows = Number(process.argv[3] ?? 20);
const { head } = JSON.parse(readFileSync(file, 'utf8')) as { head: SampledNode };

const bySite = new Map<string, number>();
const byStack = new Map<string, number>();
let total = 0;
const nameOf = ({ callFrame: { functionName, url, lineNumber } }: SampledNode) =>
  `${functionName || '(anonymous)'} ${url.replace(/.*node_modules\//, '').replace(/.*\/bench\/\.build\//, '')}:${lineNumber + 1}`;

function walk(node: SampledNode, stack: string[]): void {
  const name = nameOf(node);
  if (node.selfSize > 0) {
    total += node.selfSize;
    bySite.set(name, (bySite.get(name) ?? 0) + node.selfSize);
    const key = [...stack.slice(-4), name].join(' < ');
    byStack.set(key, (byStack.get(key) ?? 0) + node.selfSize);
  }
  for (const child of node.children) walk(child, [...stack, name]);
}
walk(head, []);

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2).padStart(6)} MB`;
const top = (sums: Map<string, number>) => [...sums].sort((a, b) => b[1] - a[1]).slice(0, rows);
console.log(`still alive: ${mb(total)}\n\nby allocating function:`);
for (const [site, bytes] of top(bySite)) console.log(`${mb(bytes)}  ${site}`);
console.log('\nby stack (last frames):');
for (const [stack, bytes] of top(byStack)) console.log(`${mb(bytes)}  ${stack}`);
