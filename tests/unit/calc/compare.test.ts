// Baseline-versus-latest rows per foot, as the measurements tab and the report print them.
import { describe, expect, it } from 'vitest'
import { baselineFor, compareFoot } from '@shared/calc/compare'
import type { FootMeasurement, Visit } from '@shared/domain/visit'

const t = { smcArchHeightMm: 2, smcFootLengthMm: 2, smcNavicularDropMm: 2, smcArchHeightIndex: 0.025 }
const foot = (over: Partial<FootMeasurement>): FootMeasurement => ({
  footLengthMm: null,
  truncatedFootLengthMm: null,
  archHeightMm: null,
  archHeightMethod: 'dorsal_50',
  navicularSittingMm: null,
  navicularStandingMm: null,
  ...over,
})

describe('compareFoot', () => {
  it('gives foot length, arch height, AHI and navicular drop with change and verdict', () => {
    const baseline = foot({ footLengthMm: 250, truncatedFootLengthMm: 182, archHeightMm: 60, navicularSittingMm: 45, navicularStandingMm: 35 })
    const latest = foot({ footLengthMm: 248.8, truncatedFootLengthMm: 181, archHeightMm: 63.5, navicularSittingMm: 45, navicularStandingMm: 38 })
    const rows = compareFoot(baseline, latest, t)
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]))
    // Foot length 250.0 → 248.8: −1.2 mm (−0.5 %), below the 2 mm threshold
    expect(byKey.footLength!.change).toEqual({ deltaMm: -1.2, percent: -0.5, withinError: true })
    // Arch height 60.0 → 63.5: +3.5 mm (+5.8 %), meaningful
    expect(byKey.archHeight!.change).toEqual({ deltaMm: 3.5, percent: 5.8, withinError: false })
    // AHI 60/182 = 0.330 → 63.5/181 = 0.351
    expect([byKey.archHeightIndex!.baseline, byKey.archHeightIndex!.latest]).toEqual([0.33, 0.351])
    // +0.021 is below the 0.025 index threshold
    expect(byKey.archHeightIndex!.ratio).toEqual({ delta: 0.021, percent: 6.4, withinError: true })
    // Navicular drop 10.0 → 7.0: −3.0 mm, meaningful
    expect(byKey.navicularDrop!.change).toEqual({ deltaMm: -3, percent: -30, withinError: false })
  })
  it('never subtracts arch heights taken with different methods', () => {
    const rows = compareFoot(foot({ archHeightMm: 60 }), foot({ archHeightMm: 40, archHeightMethod: 'navicular_standing' }), t)
    const arch = rows.find((r) => r.key === 'archHeight')!
    expect(arch.change).toBeNull()
    expect(arch.note).toBe('Measured with different methods: not compared')
  })
  it('leaves out measures neither visit has', () => {
    const rows = compareFoot(foot({ footLengthMm: 250 }), foot({ footLengthMm: 249 }), t)
    expect(rows.map((r) => r.key)).toEqual(['footLength'])
  })
  it('handles a foot measured only at the later visit', () => {
    const rows = compareFoot(null, foot({ footLengthMm: 249 }), t)
    expect(rows[0]).toMatchObject({ baseline: null, latest: 249, change: null })
  })
})

describe('baselineFor', () => {
  const v = (id: number, visitDate: string, kind: Visit['kind']) => ({ id, visitDate, kind }) as Visit
  it('is the latest baseline on or before the visit', () => {
    const visits = [v(1, '2025-01-01', 'baseline'), v(2, '2025-02-01', 'follow_up'), v(3, '2026-01-01', 'baseline'), v(4, '2026-02-01', 'follow_up')]
    expect(baselineFor(visits)?.id).toBe(3)
    expect(baselineFor(visits, visits[1])?.id).toBe(1)
  })
  it('falls back to the first visit when none is marked baseline', () => {
    expect(baselineFor([v(5, '2025-03-01', 'follow_up'), v(6, '2025-01-01', 'follow_up')])?.id).toBe(6)
  })
})
