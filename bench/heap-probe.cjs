// Loaded into a server by bench/memory-where.ts and bench/memory-floor.ts (`--require`, with --expose-gc;
// read with heapProbe in bench/processes.ts), never by the server itself: on SIGUSR2 it writes
// process.memoryUsage() before and after a full collection, and a V8 heap snapshot (unless
// HEAP_PROBE_SNAPSHOT=0: writing one may leave native memory behind that shows in the next RSS), into
// HEAP_PROBE_DIR as probe-<n>.json / probe-<n>.heapsnapshot.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const v8 = require('node:v8');

const dir = process.env.HEAP_PROBE_DIR;
let n = 0;
process.on('SIGUSR2', () => {
  n += 1;
  const before = process.memoryUsage();
  globalThis.gc();
  const after = process.memoryUsage();
  const heapSpaces = v8.getHeapSpaceStatistics();
  if (process.env.HEAP_PROBE_SNAPSHOT !== '0') v8.writeHeapSnapshot(join(dir, `probe-${n}.heapsnapshot`));
  writeFileSync(join(dir, `probe-${n}.json`), JSON.stringify({ before, after, heapSpaces }));
});
