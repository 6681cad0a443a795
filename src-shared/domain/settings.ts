// Clinic settings: identity on printouts, measurement method, thresholds, review interval.
import { z } from 'zod'
import { LanguageField, type Language } from '../i18n/languages'
import { BaseVersion, optionalLine, requiredLine, text } from './common'
import { EMAIL, PHONE } from './patient'

export const ARCH_HEIGHT_METHODS = ['dorsal_50', 'navicular_standing'] as const
export type ArchHeightMethod = (typeof ARCH_HEIGHT_METHODS)[number]
export const ARCH_HEIGHT_METHOD_LABELS: Record<ArchHeightMethod, string> = {
  dorsal_50: 'Dorsal arch height at 50 % of foot length',
  navicular_standing: 'Navicular height, standing',
}
export const PAGE_SIZES = ['A4', 'Letter'] as const
export type PageSize = (typeof PAGE_SIZES)[number]

/** True when `v` has at most `decimals` decimals (float noise aside). */
export function hasAtMostDecimals(v: number, decimals: number): boolean {
  const f = 10 ** decimals
  return Math.abs(v * f - Math.round(v * f)) < 1e-6
}

// One decimal for millimetres: the report compares the numbers the therapist sees, so a stored
// 2.24 would be called 2.2 on paper yet judged against 2.24 (or the other way round).
const threshold = (label: string) =>
  z
    .number({ error: `${label} must be a number in mm` })
    .refine((v) => Number.isFinite(v) && v >= 0.5 && v <= 10, { error: `${label} must be between 0.5 and 10 mm`, abort: true })
    .refine((v) => hasAtMostDecimals(v, 1), { error: `${label} can have at most one decimal (e.g. 2.5)`, abort: true })
    .transform((v) => Math.round(v * 10) / 10)

/** The index is printed with three decimals, so its threshold has three. */
const indexThreshold = (label: string) =>
  z
    .number({ error: `${label} must be a number, e.g. 0.025` })
    .refine((v) => Number.isFinite(v) && v >= 0.005 && v <= 0.1, { error: `${label} must be between 0.005 and 0.100`, abort: true })
    .refine((v) => hasAtMostDecimals(v, 3), { error: `${label} can have at most three decimals (e.g. 0.025)`, abort: true })
    .transform((v) => Math.round(v * 1000) / 1000)

// A PNG or JPEG logo as a data URL; capped so the settings row stays small.
const LOGO = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/

export const SettingsUpdateInput = z
  .object({
    clinicName: requiredLine('Clinic name', 120),
    address: text('Address', 300).default(''),
    // Printed on every handout: the same checks as a patient's phone and email.
    phone: optionalLine('Phone', 30).refine((v) => v === null || PHONE.test(v), { error: 'Phone can contain digits, spaces, +, -, ( and ) only' }),
    email: optionalLine('Email', 254).refine((v) => v === null || EMAIL.test(v), { error: 'Enter an email like name@example.com' }),
    logoDataUrl: z
      .string()
      .max(700_000, { error: 'Logo must be smaller than 500 kB' })
      .refine((s) => LOGO.test(s), { error: 'Logo must be a PNG or JPEG image' })
      .nullable()
      .default(null),
    pageSize: z.enum(PAGE_SIZES, { error: 'Choose A4 or Letter' }),
    archHeightMethod: z.enum(ARCH_HEIGHT_METHODS, { error: 'Choose an arch height method' }),
    smcArchHeightMm: threshold('Smallest meaningful change for arch height'),
    smcFootLengthMm: threshold('Smallest meaningful change for foot length'),
    smcNavicularDropMm: threshold('Smallest meaningful change for navicular drop'),
    smcArchHeightIndex: indexThreshold('Smallest meaningful change for the arch height index'),
    reviewIntervalWeeks: z
      .number({ error: 'Review interval must be a whole number of weeks' })
      .refine((v) => Number.isInteger(v) && v >= 2 && v <= 52, { error: 'Review interval must be between 2 and 52 weeks' }),
    /** Minutes without input before a screen locks; absent keeps the clinic's current value. */
    lockAfterMinutes: z
      .number({ error: 'Lock after must be a whole number of minutes' })
      .refine((v) => Number.isInteger(v) && v >= 1 && v <= 30, { error: 'Lock after must be between 1 and 30 minutes' })
      .optional(),
    /** The clinic's language (screens, and the report by default); left out: unchanged. */
    language: LanguageField.optional(),
    version: BaseVersion,
  })
  .strict()

export type SettingsUpdate = z.input<typeof SettingsUpdateInput>

export interface Settings {
  clinicName: string
  address: string
  phone: string | null
  email: string | null
  logoDataUrl: string | null
  pageSize: PageSize
  archHeightMethod: ArchHeightMethod
  smcArchHeightMm: number
  smcFootLengthMm: number
  smcNavicularDropMm: number
  smcArchHeightIndex: number
  lockAfterMinutes: number
  reviewIntervalWeeks: number
  language: Language
  /** Row version: a change names the one it was based on. */
  version: number
}

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  clinicName: 'My clinic',
  address: '',
  phone: null,
  email: null,
  logoDataUrl: null,
  pageSize: 'A4',
  archHeightMethod: 'dorsal_50',
  lockAfterMinutes: 5,
  // CLINICAL.md: measurement error over two readings (migration 0004 moves untouched old defaults here).
  smcArchHeightMm: 3,
  smcFootLengthMm: 2,
  smcNavicularDropMm: 4,
  smcArchHeightIndex: 0.025,
  reviewIntervalWeeks: 16,
  language: 'en',
}
