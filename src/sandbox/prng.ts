// A small seeded random source (mulberry32), so seeded data and injected faults replay identically.

/** Returns a float in [0, 1). */
export type Random = () => number

export function mulberry32(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** An integer in [min, max], both inclusive. */
export const randomInt = (random: Random, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1))

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]

/** True with the given probability. */
export const chance = (random: Random, probability: number): boolean => random() < probability

/** Independent streams from one seed: data, faults and the other user must not disturb each other's sequence. */
export const derivedSeed = (seed: number, stream: number): number => (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + stream * 0x27d4eb2f) >>> 0
