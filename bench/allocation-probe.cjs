// Loaded into a Closer node by hand (`BENCH_NODE_FLAGS="--require ./bench/allocation-probe.cjs"`), never by the
// server itself: on SIGUSR2 it samples where the heap is allocated for ALLOCATION_PROBE_MS (8 s by default)
// and writes what of it is still alive then (V8's sampling heap profiler: what lives seconds, the garbage
// that fills the old space between full collections) to ALLOCATION_PROBE_FILE (/tmp/allocation.heapprofile).
// Read it with bench/allocation-summary.ts.
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');

const file = process.env.ALLOCATION_PROBE_FILE || '/tmp/allocation.heapprofile';
const ms = Number(process.env.ALLOCATION_PROBE_MS || 8_000);
process.on('SIGUSR2', () => {
  const session = new inspector.Session();
  session.connect();
  session.post('HeapProfiler.enable', () =>
    session.post('HeapProfiler.startSampling', { samplingInterval: 16_384 }, () => {
      setTimeout(() => {
        session.post('HeapProfiler.getSamplingProfile', (error, result) => {
          if (!error) writeFileSync(file, JSON.stringify(result.profile));
          session.post('HeapProfiler.stopSampling', () => session.disconnect());
        });
      }, ms);
    }),
  );
});
