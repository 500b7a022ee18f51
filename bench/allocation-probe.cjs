// Loaded into a Closer node by hand (`BENCH_NODE_FLAGS="--require ./bench/allocation-probe.cjs"`), never by the
// server itself: on SIGUSR2 it samples where the heap is allocated for ALLOCATION_PROBE_MS (8 s by default)
// and writes what of it outlived the young generation (V8's sampling heap profiler, keeping what a full
// collection took as well as what is still alive: the garbage that fills the old space between full
// collections, and what lives on) to ALLOCATION_PROBE_FILE (/tmp/allocation.heapprofile).
// Read it with bench/allocation-summary.ts.
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');

const file = process.env.ALLOCATION_PROBE_FILE || '/tmp/allocation.heapprofile';
const ms = Number(process.env.ALLOCATION_PROBE_MS || 8_000);
// Bytes between samples: larger costs the node less (at the cap, 16 KB saturated its thread).
const interval = Number(process.env.ALLOCATION_PROBE_INTERVAL || 131_072);
process.on('SIGUSR2', () => {
  const session = new inspector.Session();
  session.connect();
  session.post('HeapProfiler.enable', () =>
    session.post('HeapProfiler.startSampling', {
      samplingInterval: interval,
      includeObjectsCollectedByMajorGC: true,
      // ALLOCATION_PROBE_ALL=1: everything allocated, young garbage too (what drives the collector's work on the main thread).
      includeObjectsCollectedByMinorGC: process.env.ALLOCATION_PROBE_ALL === '1',
    }, () => {
      setTimeout(() => {
        session.post('HeapProfiler.getSamplingProfile', (error, result) => {
          if (!error) writeFileSync(file, JSON.stringify(result.profile));
          session.post('HeapProfiler.stopSampling', () => session.disconnect());
        });
      }, ms);
    }),
  );
});
