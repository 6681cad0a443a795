// Dates, numbers and weeks the way each language writes them, through Intl (no hand-made formats).
import { formatClinicDate } from '../calc/dates'
import type { Language } from './languages'

/**
 * The BCP 47 locale behind each language. A date a person reads is never digits alone (an English
 * clinic may be in London or Boston, and 11/12 means two different days there): dates read
 * "20 Jul 2026", "20 lip 2026" (`formatClinicDateIn`).
 */
const LOCALES: Record<Language, string> = { en: 'en-GB', uk: 'uk-UA', pl: 'pl-PL', de: 'de-DE', es: 'es-ES' }

export const localeOf = (language: Language): string => LOCALES[language]

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined
  if (!f) {
    f = make()
    cache.set(key, f)
  }
  return f
}

/** 23.5 → "23,5" in German, Ukrainian, Polish and Spanish; "23.5" in English. No thousands grouping. */
export function formatDecimal(value: number, language: Language, decimals: number): string {
  const f = cached(`n:${language}:${decimals}`, () =>
    new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false }),
  )
  return f.format(value)
}

/** "+2.5", "−2,5" (a real minus sign), "0.0": a signed change. */
export function formatSigned(value: number, language: Language, decimals: number): string {
  const f = 10 ** decimals
  const rounded = Math.round(Math.abs(value) * f) / f
  const s = formatDecimal(rounded, language, decimals)
  return rounded === 0 ? s : value > 0 ? `+${s}` : `−${s}`
}

const utc = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`)

/**
 * A calendar date (YYYY-MM-DD) as digits the language's way: 26.11.2026, 26/11/2026; ISO in
 * English. Only for what a date field holds for typing over (it reads those back); every date a
 * person reads is `formatClinicDateIn`.
 */
export function formatDate(isoDate: string, language: Language): string {
  if (language === 'en' || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate
  const f = cached(`d:${language}`, () => new Intl.DateTimeFormat(LOCALES[language], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }))
  return f.format(utc(isoDate))
}

/**
 * THE written date of a language, for screens, PDFs and chart axes: day, short month, four-digit
 * year, which no reader takes for another day. English is formatClinicDate's "20 Jul 2026" exactly;
 * the others come from Intl ("20 лип. 2026", "20 lip 2026", "20. Juli 2026", "20 jul 2026"), the
 * Ukrainian year suffix (" р.") left out. An em dash for no date; text that is not a date as it is.
 */
export function formatClinicDateIn(iso: string | null | undefined, language: Language): string {
  if (language === 'en' || !iso) return formatClinicDate(iso)
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(iso)
  if (!m) return iso
  const f = cached(`c:${language}`, () => new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }))
  const parts = f.formatToParts(utc(m[1]!))
  const year = parts.findIndex((p) => p.type === 'year')
  return parts
    .slice(0, year + 1)
    .map((p) => p.value)
    .join('')
}

/** Short weekday name of a date: "Mon", "пн", "pon.", "Mo", "lun". */
export function weekdayShort(isoDate: string, language: Language): string {
  const f = cached(`w:${language}`, () => new Intl.DateTimeFormat(LOCALES[language], { weekday: 'short', timeZone: 'UTC' }))
  return f.format(utc(isoDate))
}

/**
 * First day of the week, 1 = Monday … 7 = Sunday (ISO numbering, as Intl.Locale's weekInfo).
 * Node 20 and Chromium expose `weekInfo` (a getter); newer engines `getWeekInfo()`; an engine
 * with neither gets this table (CLDR's firstDay for the regions above: all start on Monday).
 */
const FIRST_DAY_FALLBACK: Record<Language, number> = { en: 1, uk: 1, pl: 1, de: 1, es: 1 }

export function firstDayOfWeek(language: Language): number {
  try {
    const locale = new Intl.Locale(LOCALES[language]) as Intl.Locale & { weekInfo?: { firstDay: number }; getWeekInfo?: () => { firstDay: number } }
    const info = typeof locale.getWeekInfo === 'function' ? locale.getWeekInfo() : locale.weekInfo
    if (info && Number.isInteger(info.firstDay) && info.firstDay >= 1 && info.firstDay <= 7) return info.firstDay
  } catch {
    // fall through to the table
  }
  return FIRST_DAY_FALLBACK[language]
}

/** The date on or before `isoDate` on which the language's week starts. */
export function weekStartOnOrBefore(isoDate: string, language: Language): string {
  const d = utc(isoDate)
  const iso = ((d.getUTCDay() + 6) % 7) + 1 // 1 = Monday … 7 = Sunday
  const back = (iso - firstDayOfWeek(language) + 7) % 7
  d.setUTCDate(d.getUTCDate() - back)
  return d.toISOString().slice(0, 10)
}

/** "10 times, 3 sets": a list of quantities joined the language's way. */
export function formatUnitList(items: string[], language: Language): string {
  const f = new Intl.ListFormat(LOCALES[language], { type: 'unit', style: 'short' })
  return f.format(items)
}
