// Calendar arithmetic on YYYY-MM-DD strings, in UTC so time zones never shift a day.

const DAY_MS = 86_400_000

function toUtc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`)
}

export function addDays(date: string, days: number): string {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10)
}

export function addWeeks(date: string, weeks: number): string {
  return addDays(date, weeks * 7)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS)
}

/** Today's date in the computer's local time zone, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

/** The clinic's local calendar date of a stored instant (ISO timestamp), as YYYY-MM-DD. */
export function localDateOf(instant: string): string {
  const d = new Date(instant)
  return Number.isNaN(d.getTime()) ? instant.slice(0, 10) : localToday(d)
}

/** Age in whole years on `on`. */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number]
  const [y, m, d] = on.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}
