// Adherence from the patient's tick-box calendar: which days of a program week are planned, how many
// planned days fall between two visits, and the share done.
import { addDays, daysBetween } from './dates'

/**
 * The planned days of a program week (0 = the start date's weekday), spread evenly so rest days
 * fall between training days: 3 days a week → days 0, 2, 4; 5 → 0, 1, 2, 4, 5.
 */
export function plannedWeekdays(daysPerWeek: number): number[] {
  const n = Math.max(0, Math.min(7, Math.round(daysPerWeek)))
  return Array.from({ length: n }, (_, i) => Math.floor((i * 7) / n))
}

/** Planned days from `from` (inclusive) to `to` (exclusive), counting only days on or after the program start. */
export function plannedDaysBetween(programStart: string, from: string, to: string, daysPerWeek: number): number {
  const days = new Set(plannedWeekdays(daysPerWeek))
  const first = from < programStart ? programStart : from
  let count = 0
  for (let d = first; d < to; d = addDays(d, 1)) {
    const index = ((daysBetween(programStart, d) % 7) + 7) % 7
    if (days.has(index)) count++
  }
  return count
}

/** Whole percent, or null when nothing was planned. */
export function adherencePercent(done: number, planned: number): number | null {
  return planned <= 0 ? null : Math.round((done / planned) * 100)
}

/** CLINICAL.md: a measured change with adherence under about 50 % is read with that in mind. */
export const LOW_ADHERENCE_PERCENT = 50

export interface AdherencePeriod {
  /** The previous visit of the program (or its start) and the visit that recorded the days. */
  from: string
  to: string
  daysPlanned: number
  daysDone: number
  percent: number | null
}

/**
 * Adherence per period between visits of the program, up to `upTo` (a visit date), and overall
 * (all days done over all days planned, so a long period weighs more than a short one).
 */
export function adherencePeriods(
  visits: { visitDate: string; adherence: { daysPlanned: number; daysDone: number } | null }[],
  program: { startDate: string },
  upTo?: string,
): { periods: AdherencePeriod[]; overall: { daysPlanned: number; daysDone: number; percent: number | null } | null } {
  const inProgram = visits
    .filter((v) => v.visitDate >= program.startDate && (upTo === undefined || v.visitDate <= upTo))
    .sort((a, b) => a.visitDate.localeCompare(b.visitDate))
  const periods: AdherencePeriod[] = []
  let from = program.startDate
  for (const v of inProgram) {
    if (v.adherence !== null && v.adherence.daysPlanned > 0) {
      const { daysPlanned, daysDone } = v.adherence
      periods.push({ from, to: v.visitDate, daysPlanned, daysDone, percent: adherencePercent(daysDone, daysPlanned) })
    }
    from = v.visitDate
  }
  if (periods.length === 0) return { periods, overall: null }
  const daysPlanned = periods.reduce((n, p) => n + p.daysPlanned, 0)
  const daysDone = periods.reduce((n, p) => n + p.daysDone, 0)
  return { periods, overall: { daysPlanned, daysDone, percent: adherencePercent(daysDone, daysPlanned) } }
}
