// A small seeded random number generator (mulberry32), so activities stay pure and replayable:
// the seed lives in the room, each move draws from it and the advanced seed is stored back.

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** The seed to store, so the next move continues the sequence. */
  seed(): number;
}

export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    seed: () => a,
  };
}

/** One item of a non-empty list, chosen by `rng`. */
export function pick<T>(items: readonly T[], rng: Rng): T {
  const item = items[Math.floor(rng.next() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
