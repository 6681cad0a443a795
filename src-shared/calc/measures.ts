// Derived foot numbers: arch height index, navicular drop, change between visits.
import type { ArchHeightMethod } from '../domain/settings'

export const round1 = (v: number): number => Math.round(v * 10) / 10
export const round3 = (v: number): number => Math.round(v * 1000) / 1000

/**
 * Arch height index (Williams & McClay 2000) = dorsal arch height at 50 % foot length ÷ truncated
 * foot length. Only defined for the dorsal method, and only when both inputs exist.
 */
export function archHeightIndex(
  archHeightMm: number | null,
  truncatedFootLengthMm: number | null,
  method: ArchHeightMethod,
): number | null {
  if (method !== 'dorsal_50' || archHeightMm === null || truncatedFootLengthMm === null || truncatedFootLengthMm <= 0) return null
  return round3(archHeightMm / truncatedFootLengthMm)
}

/** Navicular drop (Brody 1982) = sitting − standing navicular height, mm. */
export function navicularDrop(sittingMm: number | null, standingMm: number | null): number | null {
  if (sittingMm === null || standingMm === null) return null
  return round1(sittingMm - standingMm)
}

export interface Change {
  /** Signed difference later − earlier, one decimal. */
  deltaMm: number
  /** Signed percent of the earlier value, one decimal; null when the earlier value is 0. */
  percent: number | null
  /** True when |delta| is below the clinic's smallest meaningful change (equal is meaningful). */
  withinError: boolean
}

/**
 * Compares the change and the threshold as the therapist reads them: both rounded to the printed
 * decimals and compared as whole units of the last decimal, so 1.9999 from float noise is 2.0
 * and a change equal to the threshold is "at or above" it.
 */
function belowThreshold(delta: number, threshold: number, decimals: number): boolean {
  const f = 10 ** decimals
  return Math.round(Math.abs(delta) * f) < Math.round(threshold * f)
}

export function change(earlier: number | null, later: number | null, smallestMeaningfulMm: number): Change | null {
  if (earlier === null || later === null) return null
  const deltaMm = round1(later - earlier)
  const percent = earlier === 0 ? null : round1(((later - earlier) / earlier) * 100)
  return { deltaMm, percent, withinError: belowThreshold(deltaMm, smallestMeaningfulMm, 1) }
}

export interface RatioChange {
  delta: number
  percent: number | null
  withinError: boolean
}

/** Change of the arch height index: three decimals, judged against the clinic's index threshold. */
export function ratioChange(earlier: number | null, later: number | null, smallestMeaningful: number): RatioChange | null {
  if (earlier === null || later === null) return null
  const delta = round3(later - earlier)
  return { delta, percent: earlier === 0 ? null : round1(((later - earlier) / earlier) * 100), withinError: belowThreshold(delta, smallestMeaningful, 3) }
}

/** CLINICAL.md: an AHI outside this range is almost certainly a typing or measuring error. */
export const AHI_PLAUSIBLE = { min: 0.2, max: 0.5 } as const

/** True when the index as shown (three decimals) lies within 0.200–0.500. */
export function isPlausibleArchHeightIndex(ahi: number): boolean {
  const thousandths = Math.round(ahi * 1000)
  return thousandths >= AHI_PLAUSIBLE.min * 1000 && thousandths <= AHI_PLAUSIBLE.max * 1000
}

export type PainVerdict = 'improvement' | 'worsening' | 'none'
/** Which part of the rule made a change clinically important. */
export type PainRule = 'points' | 'percent'

export interface PainChange {
  delta: number
  verdict: PainVerdict
  rule: PainRule | null
}

/**
 * NPRS (Farrar et al. 2001, CLINICAL.md): a change is clinically important when it is at least
 * 2 points, or at least 30 % of the baseline and at least 1 point; the same size either way.
 * Whole numbers only, so the percent test is exact: 10·|Δ| ≥ 3·baseline.
 */
export function painChange(before: number | null, after: number | null): PainChange | null {
  if (before === null || after === null) return null
  const delta = after - before
  const size = Math.abs(delta)
  const rule: PainRule | null = size >= 2 ? 'points' : size >= 1 && before > 0 && 10 * size >= 3 * before ? 'percent' : null
  const verdict: PainVerdict = rule === null ? 'none' : delta < 0 ? 'improvement' : 'worsening'
  return { delta, verdict, rule }
}

/** "+2.5 mm", "−1.0 mm", "0.0 mm" with a real minus sign. */
export function formatSignedMm(v: number): string {
  const s = Math.abs(v).toFixed(1)
  return v > 0 ? `+${s} mm` : v < 0 ? `−${s} mm` : `${s} mm`
}

export function formatSignedPercent(v: number | null): string {
  if (v === null) return '—'
  const s = Math.abs(v).toFixed(1)
  return v > 0 ? `+${s} %` : v < 0 ? `−${s} %` : `${s} %`
}
