// server/heap.ts: the node sets V8's heap growth itself, unless it was started with its own.
import { describe, expect, it } from 'vitest';
import { tuneHeap } from '../../server/heap.js';

describe('heap growth', () => {
  it('is left alone when the node was given its own, on the command line or in NODE_OPTIONS', () => {
    expect(tuneHeap(['--heap-growing-percent=20'], '')).toBe(false);
    expect(tuneHeap([], '--max-semi-space-size=16 --heap_growing_percent=20')).toBe(false);
  });

  it('is set otherwise (other flags are not its own)', () => {
    expect(tuneHeap(['--enable-source-maps'], '--max-semi-space-size=16')).toBe(true);
  });
});
