/**
 * A small seeded PRNG (mulberry32), so that a failing run of the load and fuzz tests can be replayed
 * with the same seed.
 */
export function seededRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    /** A float in [0, 1). */
    next,
    /** An integer in [0, n). */
    int: (n) => Math.floor(next() * n),
    /** True with probability p. */
    chance: (p) => next() < p,
    /** One element of a non-empty array. */
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

/**
 * The seed named by `variable` in the environment, else a fresh one. Either way it is printed, so that a
 * failure can be replayed: `variable=<seed> node --test <file>`.
 */
export function seedFrom(variable) {
  const given = process.env[variable];
  const seed = given === undefined || given === '' ? Math.floor(Math.random() * 2 ** 32) : Number(given);
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32)
    throw new Error(`${variable} must be an integer from 0 to 2^32 - 1, not ${given}`);
  console.log(`# ${variable}=${seed}`);
  return seed;
}
