// V8's heap growth for a node holding thousands of live sockets. After each full collection V8 lets the
// old space grow to some multiple of what survived before it marks again, up to 4x for a heap that
// allocates fast. A node holding 7,000 rooms keeps ~190 MB alive, and once nothing else brought a
// collection on sooner (the broadcasts' pooled buffers did, until the views went straight to each socket)
// it grew to ~750 MB between collections: memory a room, bought for nothing. 1.5x measured better on every
// count at 7,000 rooms (docs/PERFORMANCE.md, "What brings on V8's full collections"): RSS a room 44.7 KB
// against 97.8, p99 347 ms against 465, the same CPU a move. Collections come more often, of the same
// live heap, each with less main-thread marking (84–158 ms against 165–178).
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

/** Sets V8's heap growth unless the node was started with its own (a flag, or NODE_OPTIONS). */
export function tuneHeap(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  if ([...execArgv, nodeOptions].some((flag) => flag.includes('heap-growing-percent') || flag.includes('heap_growing_percent'))) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
