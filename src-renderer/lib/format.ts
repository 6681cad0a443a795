// How dates, names and numbers read on screen.
import dayjs from 'dayjs'
import { ageOn, formatClinicDate, localToday } from '@shared/calc/dates'
import { formatSignedMm, formatSignedPercent, type Change } from '@shared/calc/measures'

/** "29 Feb 1980"; an em dash when there is no date. The app's one date format (shared with the PDFs). */
export const formatDate = formatClinicDate

/** "12 Mar 2026, 14:05" in the computer's local time. */
export function formatDateTime(iso: string): string {
  const d = dayjs(iso)
  return d.isValid() ? d.format('D MMM YYYY, HH:mm') : iso
}

export const fullName = (p: { firstName: string; lastName: string }): string => `${p.firstName} ${p.lastName}`
export const listName = (p: { firstName: string; lastName: string }): string => `${p.lastName}, ${p.firstName}`

export function ageText(dateOfBirth: string, today = localToday()): string {
  const years = ageOn(dateOfBirth, today)
  return `${years} ${years === 1 ? 'year' : 'years'}`
}

export const mm = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${v.toFixed(1)} mm`)
export const ratio3 = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : v.toFixed(3))

/** "+2.5 mm (+4.0 %)". */
export function changeText(c: Change | null): string {
  if (c === null) return '—'
  return `${formatSignedMm(c.deltaMm)} (${formatSignedPercent(c.percent)})`
}

/** "+0.012" with a real minus sign. */
export function signedRatio(v: number): string {
  const s = Math.abs(v).toFixed(3)
  return v > 0 ? `+${s}` : v < 0 ? `−${s}` : s
}
