// Derived foot numbers, checked against values worked out by hand.
import { describe, expect, it } from 'vitest'
import { archHeightIndex, change, formatSignedMm, formatSignedPercent, isPlausibleArchHeightIndex, navicularDrop, painChange, ratioChange } from '@shared/calc/measures'

describe('arch height index', () => {
  it('is dorsal height at 50 % foot length divided by truncated foot length, three decimals', () => {
    // 62.0 / 180.0 = 0.34444… → 0.344
    expect(archHeightIndex(62, 180, 'dorsal_50')).toBe(0.344)
    // 58.5 / 175.5 = 0.33333… → 0.333
    expect(archHeightIndex(58.5, 175.5, 'dorsal_50')).toBe(0.333)
  })
  it('is not shown when an input is missing or the clinic measures navicular height', () => {
    expect(archHeightIndex(null, 180, 'dorsal_50')).toBeNull()
    expect(archHeightIndex(62, null, 'dorsal_50')).toBeNull()
    expect(archHeightIndex(40, 180, 'navicular_standing')).toBeNull()
  })
})

describe('navicular drop', () => {
  it('is sitting minus standing height', () => {
    expect(navicularDrop(45.5, 38.0)).toBe(7.5)
    expect(navicularDrop(40, 41.2)).toBe(-1.2)
  })
  it('needs both heights', () => {
    expect(navicularDrop(45, null)).toBeNull()
  })
})

describe('change between visits', () => {
  it('gives signed mm and percent of the earlier value', () => {
    // 60.0 → 63.0: +3.0 mm, +5.0 %
    expect(change(60, 63, 2)).toEqual({ deltaMm: 3, percent: 5, withinError: false })
    // 250.0 → 247.5: −2.5 mm, −1.0 %
    expect(change(250, 247.5, 2)).toEqual({ deltaMm: -2.5, percent: -1, withinError: false })
  })
  it('calls a change smaller than the threshold within measurement error', () => {
    expect(change(60, 61.5, 2)?.withinError).toBe(true)
    expect(change(60, 58.1, 2)?.withinError).toBe(true)
  })
  it('counts a change exactly at the threshold as meaningful, despite float noise', () => {
    // 61.3 − 59.3 is 1.9999999999999929 in floating point
    expect(change(59.3, 61.3, 2)).toEqual({ deltaMm: 2, percent: 3.4, withinError: false })
  })
  it('is absent when either value is missing', () => {
    expect(change(null, 60, 2)).toBeNull()
    expect(change(60, null, 2)).toBeNull()
  })
  it('is judged against the threshold as shown: 2.0 mm at a 2.0 mm threshold is at or above it, 1.9 is not', () => {
    // 250.0 → 252.0: +2.0 mm, threshold 2.0 → meaningful; 250.0 → 251.9: +1.9 mm → within error
    expect(change(250, 252, 2)?.withinError).toBe(false)
    expect(change(250, 251.9, 2)?.withinError).toBe(true)
    // The new arch height default: 3.0 mm is meaningful, 2.9 mm is not
    expect(change(62, 65, 3)?.withinError).toBe(false)
    expect(change(62, 64.9, 3)?.withinError).toBe(true)
    // navicular drop 4 mm: 8.0 → 4.0 is meaningful, 8.0 → 4.1 is not
    expect(change(8, 4, 4)?.withinError).toBe(false)
    expect(change(8, 4.1, 4)?.withinError).toBe(true)
  })
  it('for the arch height index keeps three decimals and uses the index threshold', () => {
    // 0.331 → 0.352: +0.021 (+6.3 %), below 0.025
    expect(ratioChange(0.331, 0.352, 0.025)).toEqual({ delta: 0.021, percent: 6.3, withinError: true })
    // 0.330 → 0.355: +0.025, equal to the threshold → at or above it (0.355 − 0.33 is 0.02499999… in floats)
    expect(ratioChange(0.33, 0.355, 0.025)).toEqual({ delta: 0.025, percent: 7.6, withinError: false })
    // 0.355 → 0.331: −0.024 → within error
    expect(ratioChange(0.355, 0.331, 0.025)?.withinError).toBe(true)
  })
})

describe('arch height index plausibility (0.200–0.500)', () => {
  it('refuses 0.199 and 0.501, accepts 0.200 and 0.500', () => {
    expect(isPlausibleArchHeightIndex(0.199)).toBe(false)
    expect(isPlausibleArchHeightIndex(0.2)).toBe(true)
    expect(isPlausibleArchHeightIndex(0.5)).toBe(true)
    expect(isPlausibleArchHeightIndex(0.501)).toBe(false)
  })
  it('judges the index from the two millimetre values as shown with three decimals', () => {
    // 39.8 / 200 = 0.199 refused; 40.0 / 200 = 0.200 and 100.0 / 200 = 0.500 accepted; 100.2 / 200 = 0.501 refused
    const shown = (arch: number, truncated: number) => isPlausibleArchHeightIndex(archHeightIndex(arch, truncated, 'dorsal_50')!)
    expect([shown(39.8, 200), shown(40, 200), shown(100, 200), shown(100.2, 200)]).toEqual([false, true, true, false])
    // 62.0 typed as the truncated length and 180.0 as arch height: 180 / 62 = 2.903 → refused
    expect(shown(180, 62)).toBe(false)
  })
})

describe('pain change (NPRS): at least 2 points, or at least 30 % and at least 1 point', () => {
  it('baseline 1: 1 → 0 is −1 point = 100 % → improvement by the percent rule; 1 → 2 is worsening the same way', () => {
    expect(painChange(1, 0)).toEqual({ delta: -1, verdict: 'improvement', rule: 'percent' })
    expect(painChange(1, 2)).toEqual({ delta: 1, verdict: 'worsening', rule: 'percent' })
  })
  it('baseline 2: 2 → 1 is 50 % → improvement; 2 → 0 is 2 points → improvement by points', () => {
    expect(painChange(2, 1)).toEqual({ delta: -1, verdict: 'improvement', rule: 'percent' })
    expect(painChange(2, 0)).toEqual({ delta: -2, verdict: 'improvement', rule: 'points' })
  })
  it('baseline 3: 1 point is 33.3 % ≥ 30 % → important either way', () => {
    expect(painChange(3, 2)).toEqual({ delta: -1, verdict: 'improvement', rule: 'percent' })
    expect(painChange(3, 4)).toEqual({ delta: 1, verdict: 'worsening', rule: 'percent' })
  })
  it('baseline 7: 1 point is 14 % → no important change; 2 points → important', () => {
    expect(painChange(7, 6)).toEqual({ delta: -1, verdict: 'none', rule: null })
    expect(painChange(7, 8)).toEqual({ delta: 1, verdict: 'none', rule: null })
    expect(painChange(7, 5)).toEqual({ delta: -2, verdict: 'improvement', rule: 'points' })
    expect(painChange(7, 9)).toEqual({ delta: 2, verdict: 'worsening', rule: 'points' })
  })
  it('baseline 10: 1 point is 10 % → no important change; 3 points (30 %) → important by points', () => {
    expect(painChange(10, 9)).toEqual({ delta: -1, verdict: 'none', rule: null })
    expect(painChange(10, 7)).toEqual({ delta: -3, verdict: 'improvement', rule: 'points' })
  })
  it('baseline 0: a 1-point rise has no percent and is not important; 2 points is', () => {
    expect(painChange(0, 1)).toEqual({ delta: 1, verdict: 'none', rule: null })
    expect(painChange(0, 2)).toEqual({ delta: 2, verdict: 'worsening', rule: 'points' })
  })
  it('no change is no important change, and a missing score gives nothing', () => {
    expect(painChange(5, 5)).toEqual({ delta: 0, verdict: 'none', rule: null })
    expect(painChange(null, 3)).toBeNull()
  })
})

describe('formatting', () => {
  it('writes a real minus sign and one decimal', () => {
    expect(formatSignedMm(2.5)).toBe('+2.5 mm')
    expect(formatSignedMm(-1)).toBe('−1.0 mm')
    expect(formatSignedMm(0)).toBe('0.0 mm')
    expect(formatSignedPercent(-1.04)).toBe('−1.0 %')
    expect(formatSignedPercent(null)).toBe('—')
  })
})
