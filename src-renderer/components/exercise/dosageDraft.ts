// Dosage as typed into a form (text per field) and back to the contract's numbers; pure, unit-tested.
import type { Dosage } from '@shared/domain/exercise'
import type { FieldIssue } from '@shared/domain/errors'
import { t } from '../../i18n'

export const DOSAGE_NUMBER_FIELDS = ['sets', 'reps', 'holdSeconds', 'minutes', 'timesPerDay', 'daysPerWeek'] as const
export type DosageNumberField = (typeof DOSAGE_NUMBER_FIELDS)[number]

/** Labels shared by the inputs and by the conflict reviews, in the screens' language. */
export const dosageLabel = (field: DosageNumberField | 'repsText' | 'stage' | 'notes'): string => t(`dosage.label.${field}`)

/** The words the server uses in its messages, so client and server say the same thing. */
const MESSAGE_NAMES: Record<DosageNumberField, string> = {
  sets: 'Sets',
  reps: 'Repetitions',
  holdSeconds: 'Hold',
  minutes: 'Minutes',
  timesPerDay: 'Times a day',
  daysPerWeek: 'Days a week',
}

/** Fields that may be left empty (not part of this exercise's dosage). */
const OPTIONAL: ReadonlySet<DosageNumberField> = new Set(['sets', 'reps', 'holdSeconds', 'minutes'])

export interface DosageDraft {
  sets: string
  reps: string
  repsText: string
  holdSeconds: string
  minutes: string
  timesPerDay: string
  daysPerWeek: string
  /** Index into the exercise's stage names, as text for a select. */
  stage: string
  notes: string
}

/** Field errors keyed by the issue path joined with dots, e.g. "items.1.sets". */
export type FieldErrors = Record<string, string>

const numText = (n: number | null): string => (n === null ? '' : String(n))

export function dosageToDraft(d: Dosage): DosageDraft {
  return {
    sets: numText(d.sets),
    reps: numText(d.reps),
    repsText: d.repsText ?? '',
    holdSeconds: numText(d.holdSeconds),
    minutes: numText(d.minutes),
    timesPerDay: String(d.timesPerDay),
    daysPerWeek: String(d.daysPerWeek),
    stage: String(d.stage),
    notes: d.notes,
  }
}

/**
 * Reads a typed whole number. Empty gives null; anything that is not a whole number gives NaN.
 * Ranges are left to the shared schema on the server so the message is said in one place.
 */
export function parseWholeNumber(text: string): number | null {
  const t = text.trim()
  if (t === '') return null
  if (!/^[-+]?\d+$/.test(t)) return Number.NaN
  return Number(t)
}

/** Parses one dosage; errors are keyed under `prefix` (e.g. "items.2" or "dosage"). */
export function draftToDosage(draft: DosageDraft, prefix: string): { dosage: Dosage; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const key = (field: string) => (prefix === '' ? field : `${prefix}.${field}`)
  const read = (field: DosageNumberField): number | null => {
    const v = parseWholeNumber(draft[field])
    if (v === null && !OPTIONAL.has(field)) {
      errors[key(field)] = `${MESSAGE_NAMES[field]} is required`
      return null
    }
    if (v !== null && Number.isNaN(v)) {
      errors[key(field)] = `${MESSAGE_NAMES[field]} must be a whole number`
      return null
    }
    return v
  }
  const dosage: Dosage = {
    sets: read('sets'),
    reps: read('reps'),
    repsText: draft.repsText.trim() === '' ? null : draft.repsText.trim(),
    holdSeconds: read('holdSeconds'),
    minutes: read('minutes'),
    timesPerDay: read('timesPerDay') ?? 1,
    daysPerWeek: read('daysPerWeek') ?? 7,
    stage: Number(draft.stage) || 0,
    notes: draft.notes,
  }
  return { dosage, errors }
}

/** The API's field issues as form errors; the first message for a field wins. */
export function issuesToErrors(issues: FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) {
    const k = issue.path.join('.')
    if (!(k in errors)) errors[k] = issue.message
  }
  return errors
}

/** A new exercise's dosage: once a day, every day, first stage. */
export const DEFAULT_DOSAGE_DRAFT: DosageDraft = {
  sets: '',
  reps: '',
  repsText: '',
  holdSeconds: '',
  minutes: '',
  timesPerDay: '1',
  daysPerWeek: '7',
  stage: '0',
  notes: '',
}
