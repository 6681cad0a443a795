// The record-visit form's values as typed (strings) and their conversion to the API's input.
import { SIDES, SYMPTOM_REGIONS, type MeasureKey, type Side, type SymptomRegion, type Visit, type VisitKind } from '@shared/domain/visit'
import type { ArchHeightMethod } from '@shared/domain/settings'
import type { FootMeasurement } from '@shared/domain/visit'
import { archHeightIndex, navicularDrop } from '@shared/calc/measures'
import type { Program } from '@shared/domain/program'
import { t } from '../i18n'
import { measureLabel } from './labels'
import { parseDecimal } from './numbers'
import { emptyProgramValues, programValuesOf, type VisitProgramValues } from './visitProgram'

/** Order a therapist measures in, and the Tab order within each foot. */
export const FOOT_FIELDS: MeasureKey[] = ['footLengthMm', 'truncatedFootLengthMm', 'archHeightMm', 'navicularSittingMm', 'navicularStandingMm']

export type FootValues = Record<MeasureKey, string>
export interface VisitFormValues {
  visitDate: string
  therapistId: string | null
  kind: VisitKind
  left: FootValues
  right: FootValues
  symptoms: Record<SymptomRegion, string>
  headacheDays: string
  notes: string
  reason: string
  /** Days done and stage confirmations (shown only when the visit falls under a program). */
  program: VisitProgramValues
}

/** Every field key as the API's issue paths name them ("left.footLengthMm"), in Tab order. */
export const VISIT_FIELD_KEYS: string[] = [
  'visitDate',
  'therapistId',
  'kind',
  ...SIDES.flatMap((s) => FOOT_FIELDS.map((k) => `${s}.${k}`)),
  ...SYMPTOM_REGIONS.map((r) => `symptoms.${r}`),
  'headacheDays',
  'notes',
  'reason',
]

const emptyFoot = (): FootValues => ({ footLengthMm: '', truncatedFootLengthMm: '', archHeightMm: '', navicularSittingMm: '', navicularStandingMm: '' })

export function emptyVisitValues(visitDate: string, therapistId: number | null, kind: VisitKind, program: Program | null = null): VisitFormValues {
  return {
    program: emptyProgramValues(program),
    visitDate,
    therapistId: therapistId === null ? null : String(therapistId),
    kind,
    left: emptyFoot(),
    right: emptyFoot(),
    symptoms: { foot_heel: '', knee: '', low_back: '', neck: '', headache: '' },
    headacheDays: '',
    notes: '',
    reason: '',
  }
}

const numText = (v: number | null): string => (v === null ? '' : String(v))

function footToValues(f: FootMeasurement | null): FootValues {
  if (f === null) return emptyFoot()
  return Object.fromEntries(FOOT_FIELDS.map((k) => [k, numText(f[k])])) as FootValues
}

/** A recorded visit as form values, for a correction. */
export function visitToValues(v: Visit, program: Program | null = null): VisitFormValues {
  return {
    program: programValuesOf(v, program),
    visitDate: v.visitDate,
    therapistId: String(v.therapistId),
    kind: v.kind,
    left: footToValues(v.left),
    right: footToValues(v.right),
    symptoms: Object.fromEntries(SYMPTOM_REGIONS.map((r) => [r, numText(v.symptoms[r])])) as Record<SymptomRegion, string>,
    headacheDays: numText(v.headacheDays),
    notes: v.notes,
    reason: '',
  }
}

export interface VisitFields {
  visitDate: string
  therapistId: number
  kind: VisitKind
  left: Record<MeasureKey, number | null> | null
  right: Record<MeasureKey, number | null> | null
  symptoms: Record<SymptomRegion, number | null>
  headacheDays: number | null
  notes: string
}

/**
 * Converts typed text to the API input. Text that is not a number at all is caught here (the API
 * would never see it); ranges, decimals and everything else are the API's to judge.
 */
export function valuesToInput(v: VisitFormValues): { input: VisitFields | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const num = (key: string, text: string, notANumber: () => string): number | null => {
    const n = parseDecimal(text)
    if (n !== null && Number.isNaN(n)) {
      errors[key] = notANumber()
      return null
    }
    return n
  }
  const foot = (side: Side): Record<MeasureKey, number | null> | null => {
    const f = Object.fromEntries(
      FOOT_FIELDS.map((k) => [k, num(`${side}.${k}`, v[side][k], () => t('visitForm.error.mmNumber', { label: measureLabel(k) }))]),
    ) as Record<
      MeasureKey,
      number | null
    >
    return FOOT_FIELDS.every((k) => f[k] === null) ? null : f
  }
  const left = foot('left')
  const right = foot('right')
  const symptoms = Object.fromEntries(
    SYMPTOM_REGIONS.map((r) => [r, num(`symptoms.${r}`, v.symptoms[r], () => t('visitForm.error.painNumber'))]),
  ) as Record<SymptomRegion, number | null>
  const headacheDays = num('headacheDays', v.headacheDays, () => t('visitForm.error.headacheDaysNumber'))
  if (v.therapistId === null) errors.therapistId = t('visitForm.error.therapist')
  if (Object.keys(errors).length > 0) return { input: null, errors }
  return {
    input: { visitDate: v.visitDate.trim(), therapistId: Number(v.therapistId), kind: v.kind, left, right, symptoms, headacheDays, notes: v.notes },
    errors,
  }
}

/** Arch height index and navicular drop from what is typed so far (null until both inputs are numbers). */
export function liveDerived(f: FootValues, method: ArchHeightMethod): { archHeightIndex: number | null; navicularDrop: number | null } {
  const n = (s: string) => {
    const v = parseDecimal(s)
    return v === null || Number.isNaN(v) ? null : v
  }
  return {
    archHeightIndex: archHeightIndex(n(f.archHeightMm), n(f.truncatedFootLengthMm), method),
    navicularDrop: navicularDrop(n(f.navicularSittingMm), n(f.navicularStandingMm)),
  }
}

/** The arch height field's label names the clinic's method. */
export function archHeightLabel(method: ArchHeightMethod): string {
  return method === 'dorsal_50' ? t('visitForm.archHeightDorsal') : t('visitForm.archHeightNavicular')
}

/** A foot field's label as the form shows it (the arch height names the method). */
export const footFieldLabel = (k: MeasureKey, method: ArchHeightMethod): string => (k === 'archHeightMm' ? archHeightLabel(method) : measureLabel(k))
