// How dates, names and numbers read on screen, in the screens' language ("23,5 mm" in German,
// "20 лип. 2026" in Ukrainian; English exactly as before: "23.5 mm", "20 Jul 2026").
import dayjs from 'dayjs'
import { ageOn, localToday } from '@shared/calc/dates'
import type { Change } from '@shared/calc/measures'
import { formatClinicDateIn, formatDecimal } from '@shared/i18n/format'
import type { Language } from '@shared/i18n/languages'
import { screenLanguage, t } from '../i18n'

/** "29 Feb 1980" (its language's way); an em dash when there is no date. The app's one date format (shared with the PDFs). */
export const formatDate = (iso: string | null | undefined): string => formatClinicDateIn(iso, screenLanguage())

/** "12 Mar 2026, 14:05" in the computer's local time. */
export function formatDateTime(iso: string): string {
  const d = dayjs(iso)
  return d.isValid() ? t('format.dateTime', { date: formatDate(d.format('YYYY-MM-DD')), time: d.format('HH:mm') }) : iso
}

export const fullName = (p: { firstName: string; lastName: string }): string => `${p.firstName} ${p.lastName}`
export const listName = (p: { firstName: string; lastName: string }): string => `${p.lastName}, ${p.firstName}`

export function ageText(dateOfBirth: string, today = localToday()): string {
  return t('format.age', { count: ageOn(dateOfBirth, today) })
}

/**
 * A decimal the screens' way: "23.5" in English, "23,5" in the others. English keeps toFixed's
 * digits exactly as before; the others go through Intl (formatDecimal).
 */
export function decimal(v: number, decimals: number, language: Language = screenLanguage()): string {
  return language === 'en' ? v.toFixed(decimals) : formatDecimal(v, language, decimals)
}

/** "+2.5", "−2,5" (a real minus sign), by the sign of the value. */
export function signedDecimal(v: number, decimals: number, language: Language = screenLanguage()): string {
  const s = decimal(Math.abs(v), decimals, language)
  return v > 0 ? `+${s}` : v < 0 ? `−${s}` : s
}

/** "23.5 mm" / "23,5 mm" / "23,5 мм". */
export const mmText = (v: number, decimals = 1): string => t('format.mm', { value: decimal(v, decimals) })

export const mm = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : mmText(v))
export const ratio3 = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : decimal(v, 3))

/** "+2.5 mm (+4.0 %)". */
export function changeText(c: Change | null): string {
  if (c === null) return '—'
  const mmPart = t('format.mm', { value: signedDecimal(c.deltaMm, 1) })
  const percent = c.percent === null ? '—' : t('format.percent', { value: signedDecimal(c.percent, 1) })
  return t('format.change', { mm: mmPart, percent })
}

/** "+0.012" with a real minus sign. */
export function signedRatio(v: number): string {
  return signedDecimal(v, 3)
}
