/**
 * The seeded random numbers every simulator shares (the shop generator, the settlement stream, the people
 * simulator, test data): one fixed seed, the same data.
 */
export type Rng = () => number;

/** mulberry32: 32-bit state, period 2^32, fast, good enough for simulation. Returns [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
