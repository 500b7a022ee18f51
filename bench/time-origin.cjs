// Loaded into a node by hand (`BENCH_NODE_FLAGS="--trace-gc --require ./bench/time-origin.cjs"`), never by the
// server itself: prints when the process's clock started, so bench/gc-summary.ts can set the load
// generators' slow moves (BENCH_SLOW_DIR, in ms since the epoch) against --trace-gc's ms since start.
console.log(`time origin ${performance.timeOrigin}`);
