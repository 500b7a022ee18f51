// The command limits' token buckets (server/limits.ts): a burst at once, then the steady rate, per key;
// a refusal says how long to wait, and waiting that long is enough; full buckets are forgotten.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../server/limits.js';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('token buckets', () => {
  it('lets a burst through at once, then refuses with the wait until the next token', () => {
    const time = clock();
    const buckets = new TokenBuckets(5, 20, time.now);
    const waits = Array.from({ length: 21 }, () => buckets.take('a'));
    expect(waits.slice(0, 20).every((w) => w === 0)).toBe(true);
    expect(waits[20]).toBe(200);
    expect(buckets.take('b')).toBe(0);
    time.advance(199);
    expect(buckets.take('a')).toBeGreaterThan(0);
    time.advance(1);
    expect(buckets.take('a')).toBe(0);
  });

  it('never lets more through in a window than the burst and the rate over it, and a told wait is enough', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        // Floods (no gap, a few ms) as well as pauses.
        fc.array(
          fc.record({
            gap: fc.oneof(
              { arbitrary: fc.constant(0), weight: 4 },
              { arbitrary: fc.integer({ min: 0, max: 50 }), weight: 3 },
              { arbitrary: fc.integer({ min: 0, max: 3_000 }), weight: 1 },
            ),
            key: fc.constantFrom('a', 'b'),
          }),
          { maxLength: 400 },
        ),
        (perSecond, extra, steps) => {
          const burst = perSecond + extra;
          const time = clock();
          const buckets = new TokenBuckets(perSecond, burst, time.now);
          const passed: Record<string, number[]> = { a: [], b: [] };
          for (const { gap, key } of steps) {
            time.advance(gap);
            const wait = buckets.take(key);
            if (wait === 0) {
              passed[key]!.push(time.now());
              continue;
            }
            // Waiting as long as it said is enough for a token.
            time.advance(wait);
            expect(buckets.take(key)).toBe(0);
            passed[key]!.push(time.now());
          }
          for (const times of Object.values(passed)) {
            for (let i = 0; i < times.length; i++) {
              for (let j = i; j < times.length; j++) {
                const allowed = burst + Math.floor(((times[j]! - times[i]!) * perSecond) / 1_000);
                expect(j - i + 1).toBeLessThanOrEqual(allowed);
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('forgets the buckets that are full again, so an idle key costs nothing', () => {
    const time = clock();
    const buckets = new TokenBuckets(5, 20, time.now);
    for (let i = 0; i < 1_000; i++) buckets.take(`socket-${i}`);
    expect(buckets.size).toBe(1_000);
    time.advance(10_000);
    buckets.take('busy');
    buckets.take('busy');
    expect(buckets.size).toBe(1);
  });
});
