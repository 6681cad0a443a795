// Building blocks shared by every input schema: ids, dates, millimetres, free text.
import { z } from 'zod'

export const Id = z
  .number({ error: 'Must be a whole number id' })
  .int({ error: 'Must be a whole number id', abort: true })
  .positive({ error: 'Must be a positive id', abort: true })

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** True when `s` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

export const IsoDate = z
  .string({ error: 'Enter a date' })
  .refine(isIsoDate, { error: 'Enter a real date as YYYY-MM-DD', abort: true })
  .refine((s) => s >= '1900-01-01' && s <= '2199-12-31', { error: 'Enter a date between 1900 and 2199', abort: true })

// Control characters other than tab and newline never belong in clinical text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

/** Free text (notes, comments): trimmed, no control characters, bounded. */
export function text(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .max(max, { error: `${label} can be at most ${max} characters`, abort: true })
    .refine((s) => !CONTROL.test(s), { error: `${label} contains characters that cannot be printed`, abort: true })
    .transform((s) => s.trim())
}

/** Required single-line text (clinic name, exercise name). */
export function requiredLine(label: string, max: number) {
  return z
    .string({ error: `${label} is required` })
    .max(max, { error: `${label} can be at most ${max} characters`, abort: true })
    .refine((s) => !CONTROL.test(s) && !/[\r\n\t]/.test(s), { error: `${label} must be a single line of printable text`, abort: true })
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, { error: `${label} is required`, abort: true })
}

/** Optional single line: empty becomes null. */
export function optionalLine(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .max(max, { error: `${label} can be at most ${max} characters`, abort: true })
    .refine((s) => !CONTROL.test(s) && !/[\r\n\t]/.test(s), { error: `${label} must be a single line of printable text`, abort: true })
    .transform((s) => (s.trim() === '' ? null : s.trim()))
    .nullable()
    .optional()
    .transform((v) => v ?? null)
}

/** True when a number has at most one decimal (calliper resolution is 0.1 mm). */
export function hasAtMostOneDecimal(v: number): boolean {
  return Math.abs(v * 10 - Math.round(v * 10)) < 1e-6
}

/** A millimetre value within a valid input range, at most one decimal; null when not measured. */
export function millimetres(label: string, min: number, max: number) {
  return z
    .number({ error: `${label} must be a number in mm` })
    .refine((v) => Number.isFinite(v), { error: `${label} must be a number in mm`, abort: true })
    .refine((v) => v >= min && v <= max, { error: `${label} must be between ${min} and ${max} mm`, abort: true })
    .refine(hasAtMostOneDecimal, { error: `${label} can have at most one decimal (e.g. 23.5)`, abort: true })
    .transform((v) => Math.round(v * 10) / 10)
}

export function wholeNumber(label: string, min: number, max: number) {
  return z
    .number({ error: `${label} must be a whole number` })
    .refine((v) => Number.isInteger(v), { error: `${label} must be a whole number`, abort: true })
    .refine((v) => v >= min && v <= max, { error: `${label} must be between ${min} and ${max}`, abort: true })
}

export const PageRequest = z.object({
  page: wholeNumber('Page', 0, 1_000_000).default(0),
  pageSize: wholeNumber('Page size', 1, 100).default(50),
})

export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

/**
 * The version of the record a change was based on (as the page loaded it). A change based on an
 * older version is refused with `conflict`, never saved over the newer one.
 */
export const BaseVersion = z
  .number({ error: 'This form does not say which version of the record it changed; reload the page' })
  .int()
  .min(1, { error: 'This form does not say which version of the record it changed; reload the page' })
