// Derived foot numbers, checked against values worked out by hand.
import { describe, expect, it } from 'vitest'
import { archHeightIndex, change, formatSignedMm, formatSignedPercent, navicularDrop, painImprovement, ratioChange } from '@shared/calc/measures'

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
  it('for a ratio keeps three decimals', () => {
    expect(ratioChange(0.331, 0.352)).toEqual({ delta: 0.021, percent: 6.3 })
  })
})

describe('pain improvement (NPRS)', () => {
  it('is clinically important from a 2-point drop', () => {
    expect(painImprovement(6, 4)).toEqual({ delta: -2, important: true })
  })
  it('or a 30 % drop', () => {
    expect(painImprovement(3, 2)).toEqual({ delta: -1, important: true })
  })
  it('is not for a 1-point drop from 5', () => {
    expect(painImprovement(5, 4)).toEqual({ delta: -1, important: false })
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
