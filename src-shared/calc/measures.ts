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
  /** True when |delta| is smaller than the clinic's smallest meaningful change. */
  withinError: boolean
}

export function change(earlier: number | null, later: number | null, smallestMeaningfulMm: number): Change | null {
  if (earlier === null || later === null) return null
  const deltaMm = round1(later - earlier)
  const percent = earlier === 0 ? null : round1(((later - earlier) / earlier) * 100)
  // Compare in tenths so 1.9999 from float noise is not read as below a 2 mm threshold.
  const withinError = Math.round(Math.abs(deltaMm) * 10) < Math.round(smallestMeaningfulMm * 10)
  return { deltaMm, percent, withinError }
}

/** Change of a unitless ratio (AHI): three decimals, no threshold. */
export function ratioChange(earlier: number | null, later: number | null): { delta: number; percent: number | null } | null {
  if (earlier === null || later === null) return null
  return { delta: round3(later - earlier), percent: earlier === 0 ? null : round1(((later - earlier) / earlier) * 100) }
}

/** NPRS: a drop of 2 points or 30 % is the usual clinically important improvement. */
export function painImprovement(before: number | null, after: number | null): { delta: number; important: boolean } | null {
  if (before === null || after === null) return null
  const delta = after - before
  const important = delta <= -2 || (before > 0 && -delta / before >= 0.3)
  return { delta, important }
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
