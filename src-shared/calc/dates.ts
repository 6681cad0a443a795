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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

/**
 * THE way a date is written everywhere (screens, PDFs, chart axes): "20 Jul 2026" — day, short
 * month, four-digit year, which no reader can take for another day. An em dash for no date.
 */
export function formatClinicDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return iso
  const month = MONTHS[Number(m[2]) - 1]
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso
}

/** Years a clinic date can have (the same bounds as the shared IsoDate schema). */
export const DATE_YEARS = { min: 1900, max: 2199 } as const

/** What the date fields accept, said next to a field that could not read what was typed. */
export const DATE_TEXTS = {
  howToType: 'Type a date like 20 Jul 2026, 20.07.2026 or 2026-07-20',
  fourDigitYear: 'Write the year with four digits, like 20.07.2026',
  impossibleYear: (year: string) => `Year ${year} is not possible: type a date like 20 Jul 2026 or 2026-07-20`,
  noSuchDay: (text: string) => `${text} is not a day of the calendar`,
}

/** Why a typed text is not a date (screens say it in their language; `message` is the English sentence). */
export type DateProblem = { kind: 'howToType' } | { kind: 'fourDigitYear' } | { kind: 'impossibleYear'; year: string } | { kind: 'noSuchDay'; text: string }

export type TypedDate = { ok: true; iso: string } | { ok: false; message: string; problem: DateProblem }

const pad2 = (n: number) => String(n).padStart(2, '0')

function checkedDate(year: string, month: number, day: number, typed: string): TypedDate {
  if (year.length < 4) return { ok: false, message: DATE_TEXTS.fourDigitYear, problem: { kind: 'fourDigitYear' } }
  const y = Number(year)
  if (year.length > 4 || y < DATE_YEARS.min || y > DATE_YEARS.max) return { ok: false, message: DATE_TEXTS.impossibleYear(year), problem: { kind: 'impossibleYear', year } }
  const iso = `${year}-${pad2(month)}-${pad2(day)}`
  const d = new Date(`${iso}T00:00:00Z`)
  if (month < 1 || month > 12 || day < 1 || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
    return { ok: false, message: DATE_TEXTS.noSuchDay(typed), problem: { kind: 'noSuchDay', text: typed } }
  }
  return { ok: true, iso }
}

/**
 * A date as a therapist types it: ISO (2026-07-20), day first with dots, slashes or hyphens
 * (20.07.2026, 20/7/2026) or with the month's name (20 Jul 2026, 20 July 2026). Null for nothing
 * typed. Impossible years (60720, 26) are refused with a sentence, never guessed.
 */
export function parseTypedDate(text: string): TypedDate | null {
  const t = text.trim()
  if (t === '') return null
  let m = /^(\d+)-(\d{1,2})-(\d{1,2})$/.exec(t)
  if (m && m[1]!.length > 2) return checkedDate(m[1]!, Number(m[2]), Number(m[3]), t)
  m = /^(\d{1,2})[./\-](\d{1,2})[./\-](\d+)$/.exec(t)
  if (m) return checkedDate(m[3]!, Number(m[2]), Number(m[1]), t)
  m = /^(\d{1,2})\.?\s+([A-Za-z]+)\.?,?\s+(\d+)$/.exec(t)
  if (m) {
    const month = MONTHS.findIndex((name) => m![2]!.toLowerCase().startsWith(name.toLowerCase()))
    if (month >= 0) return checkedDate(m[3]!, month + 1, Number(m[1]), t)
  }
  return { ok: false, message: DATE_TEXTS.howToType, problem: { kind: 'howToType' } }
}
