// Seeded pseudo-random numbers for the benchmark clinic, so every run builds the same data.

/** mulberry32: small, fast and good enough to spread synthetic clinic data. */
export function seededRandom(seed: number) {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  /** Zipf-like pick: early entries are common, the tail is rare (surnames in a town). */
  const pickSkewed = <T>(list: readonly T[]): T => list[Math.floor(list.length * next() ** 2.2)]!
  /** Normal-ish value from the mean of three uniforms, rounded to one decimal (a tape reading). */
  const around = (mean: number, spread: number): number => {
    const u = (next() + next() + next()) / 3 - 0.5
    return Math.round((mean + u * 2 * spread) * 10) / 10
  }
  return { next, int, pick, pickSkewed, around, chance: (p: number) => next() < p }
}

export type Random = ReturnType<typeof seededRandom>
