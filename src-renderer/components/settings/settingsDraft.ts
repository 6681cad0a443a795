// Clinic settings as typed (thresholds accept "1,5") and back to the contract's input; pure, unit-tested.
import type { ArchHeightMethod, PageSize, Settings, SettingsUpdate } from '@shared/domain/settings'
import type { Language } from '@shared/i18n/languages'
import { t } from '../../i18n'
import { parseDecimal } from '../../lib/numbers'
import { parseWholeNumber, type FieldErrors } from '../exercise/dosageDraft'

export interface SettingsDraft {
  clinicName: string
  address: string
  phone: string
  email: string
  logoDataUrl: string | null
  pageSize: PageSize
  archHeightMethod: ArchHeightMethod
  smcArchHeightMm: string
  smcFootLengthMm: string
  smcNavicularDropMm: string
  smcArchHeightIndex: string
  reviewIntervalWeeks: string
  lockAfterMinutes: string
  language: Language
}

export const THRESHOLD_FIELDS = ['smcArchHeightMm', 'smcFootLengthMm', 'smcNavicularDropMm', 'smcArchHeightIndex'] as const
type ThresholdField = (typeof THRESHOLD_FIELDS)[number]

/** Same words as the shared schema's messages. */
const THRESHOLD_NAMES: Record<ThresholdField, string> = {
  smcArchHeightMm: 'Smallest meaningful change for arch height',
  smcFootLengthMm: 'Smallest meaningful change for foot length',
  smcNavicularDropMm: 'Smallest meaningful change for navicular drop',
  smcArchHeightIndex: 'Smallest meaningful change for the arch height index',
}

/** A number as the therapist would type it back: 1.5 stays "1.5", 2 stays "2". */
const decimalText = (n: number) => String(n)

export function settingsToDraft(s: Settings): SettingsDraft {
  return {
    clinicName: s.clinicName,
    address: s.address,
    phone: s.phone ?? '',
    email: s.email ?? '',
    logoDataUrl: s.logoDataUrl,
    pageSize: s.pageSize,
    archHeightMethod: s.archHeightMethod,
    smcArchHeightMm: decimalText(s.smcArchHeightMm),
    smcFootLengthMm: decimalText(s.smcFootLengthMm),
    smcNavicularDropMm: decimalText(s.smcNavicularDropMm),
    smcArchHeightIndex: s.smcArchHeightIndex.toFixed(3),
    reviewIntervalWeeks: String(s.reviewIntervalWeeks),
    lockAfterMinutes: String(s.lockAfterMinutes),
    language: s.language,
  }
}

/** The contract's input, or the typing errors (not a number) keyed by field. */
/** The fields of a settings change; the page adds the version it loaded (`version`). */
export function settingsDraftForApi(d: SettingsDraft): { input: Omit<SettingsUpdate, 'version'>; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const threshold = (field: ThresholdField): number => {
    const v = parseDecimal(d[field])
    if (v === null || Number.isNaN(v)) {
      errors[field] = field === 'smcArchHeightIndex' ? `${THRESHOLD_NAMES[field]} must be a number, e.g. 0.025` : `${THRESHOLD_NAMES[field]} must be a number in mm`
      return Number.NaN
    }
    return v
  }
  const weeks = parseWholeNumber(d.reviewIntervalWeeks)
  if (weeks === null || Number.isNaN(weeks)) errors.reviewIntervalWeeks = 'Review interval must be a whole number of weeks'
  const lockMinutes = parseWholeNumber(d.lockAfterMinutes)
  if (lockMinutes === null || Number.isNaN(lockMinutes)) errors.lockAfterMinutes = 'Lock after must be a whole number of minutes'
  const input: Omit<SettingsUpdate, 'version'> = {
    clinicName: d.clinicName,
    address: d.address,
    phone: d.phone,
    email: d.email,
    logoDataUrl: d.logoDataUrl,
    pageSize: d.pageSize,
    archHeightMethod: d.archHeightMethod,
    smcArchHeightMm: threshold('smcArchHeightMm'),
    smcFootLengthMm: threshold('smcFootLengthMm'),
    smcNavicularDropMm: threshold('smcNavicularDropMm'),
    smcArchHeightIndex: threshold('smcArchHeightIndex'),
    reviewIntervalWeeks: weeks ?? Number.NaN,
    lockAfterMinutes: lockMinutes ?? Number.NaN,
    language: d.language,
  }
  return { input, errors }
}

export const MAX_LOGO_BYTES = 500 * 1024

/** Why a chosen logo file cannot be used, or null when it can. */
export function logoFileProblem(file: { type: string; size: number }): string | null {
  if (file.type !== 'image/png' && file.type !== 'image/jpeg') return t('settingsForm.logoType')
  if (file.size > MAX_LOGO_BYTES) {
    return t('settingsForm.logoSize', { size: Math.ceil(file.size / 1024) })
  }
  return null
}
