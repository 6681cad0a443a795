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
