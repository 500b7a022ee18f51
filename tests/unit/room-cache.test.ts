// The room cache's bounds, against a plain model: it never holds more bytes than its budget, it gives
// back the last copy put for a room unless that copy was let go (oldest use first, or idle too long),
// and what it reports holding is what it holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RoomCache } from '../../server/room-cache.js';
import type { StoredRoom } from '../../server/store/types.js';
import { fullRoom } from '../support/rooms.js';

const stored = (version: number): StoredRoom => ({ version, room: fullRoom() });

type Step = { op: 'put'; id: number; bytes: number } | { op: 'get'; id: number } | { op: 'drop'; id: number } | { op: 'wait'; ms: number };
const Step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('put' as const), id: fc.integer({ min: 0, max: 5 }), bytes: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ op: fc.constant('get' as const), id: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ op: fc.constant('drop' as const), id: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 700 }) }),
);

describe('the room cache', () => {
  it('stays within its bytes, lets the least recently used go first, and forgets what was idle too long', () => {
    fc.assert(
      fc.property(fc.array(Step, { maxLength: 60 }), (steps) => {
        let now = 0;
        const cache = new RoomCache({ maxBytes: 1000, idleMs: 1000, now: () => now });
        // The model: insertion-ordered by last use, like the cache claims to be.
        const model = new Map<string, { version: number; bytes: number; usedAt: number }>();
        let version = 0;
        for (const step of steps) {
          const id = `room-${'id' in step ? step.id : 0}`;
          if (step.op === 'wait') now += step.ms;
          if (step.op === 'put') {
            version += 1;
            cache.put(id, stored(version), step.bytes);
            model.delete(id);
            model.set(id, { version, bytes: step.bytes, usedAt: now });
            let total = [...model.values()].reduce((sum, e) => sum + e.bytes, 0);
            for (const [key, entry] of model) {
              if (total <= 1000) break;
              model.delete(key);
              total -= entry.bytes;
            }
          }
          if (step.op === 'drop') {
            cache.drop(id);
            model.delete(id);
          }
          if (step.op === 'get') {
            const expected = model.get(id);
            const fresh = expected && now - expected.usedAt <= 1000 ? expected : undefined;
            if (expected && !fresh) model.delete(id);
            if (fresh) {
              model.delete(id);
              model.set(id, { ...fresh, usedAt: now });
            }
            expect(cache.get(id)?.version).toBe(fresh?.version);
          }
          const stats = cache.stats();
          expect(stats.bytes).toBeLessThanOrEqual(1000);
          expect(stats.bytes).toBe([...model.values()].reduce((sum, e) => sum + e.bytes, 0));
          expect(stats.rooms).toBe(model.size);
        }
      }),
    );
  });

  it('keeps nothing larger than its whole budget, and a sweep lets every idle copy go', () => {
    let now = 0;
    const cache = new RoomCache({ maxBytes: 100, idleMs: 50, now: () => now });
    cache.put('big', stored(1), 101);
    expect(cache.get('big')).toBeUndefined();
    cache.put('a', stored(2), 10);
    cache.put('b', stored(3), 10);
    now = 40;
    expect(cache.get('b')?.version).toBe(3);
    now = 80;
    cache.sweep();
    expect(cache.stats()).toMatchObject({ rooms: 1, bytes: 10 });
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.version).toBe(3);
  });
});
