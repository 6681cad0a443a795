// A visit correction for the conflict review: one flat value per field of the form (each foot's
// measures, pain scores, the program's days done), labelled as the form labels them, written as
// people read them (millimetres, names, dates), and the form's values rebuilt from the choices.
import { SIDES, SYMPTOM_REGIONS, type VisitKind } from '@shared/domain/visit'
import type { ArchHeightMethod } from '@shared/domain/settings'
import { formatDecimal } from '@shared/i18n/format'
import { screenLanguage, t } from '../i18n'
import { formatDate } from './format'
import { sideLabel, symptomLabel, visitKindLabel } from './labels'
import { FOOT_FIELDS, footFieldLabel, type VisitFormValues } from './visitForm'
import type { VisitProgramValues } from './visitProgram'

export type VisitReviewValues = Record<string, unknown>

export function visitReviewValues(v: VisitFormValues): VisitReviewValues {
  const out: VisitReviewValues = { visitDate: v.visitDate.trim(), therapistId: v.therapistId, kind: v.kind }
  for (const side of SIDES) for (const k of FOOT_FIELDS) out[`${side}.${k}`] = v[side][k].trim().replace(',', '.')
  for (const r of SYMPTOM_REGIONS) out[`symptoms.${r}`] = v.symptoms[r].trim()
  out.headacheDays = v.headacheDays.trim()
  out.notes = v.notes
  // Days done as one field: the number, or the per-exercise detail.
  const p = v.program
  out.program = p.detail ? { detail: true, byExercise: p.daysDoneByExercise } : { detail: false, daysDone: p.daysDone.trim() }
  return out
}

/** The form's fields in its order, labelled as the form labels them. */
export function visitReviewFields(method: ArchHeightMethod): { key: string; label: string }[] {
  return [
    { key: 'visitDate', label: t('visitForm.visitDate') },
    { key: 'therapistId', label: t('visitForm.therapist') },
    { key: 'kind', label: t('visitForm.kind') },
    ...SIDES.flatMap((side) =>
      FOOT_FIELDS.map((k) => ({ key: `${side}.${k}`, label: t('visitReview.footField', { side: sideLabel(side), field: footFieldLabel(k, method) }) })),
    ),
    ...SYMPTOM_REGIONS.map((r) => ({ key: `symptoms.${r}`, label: t('visitReview.painToday', { region: symptomLabel(r) }) })),
    { key: 'headacheDays', label: t('visitForm.headacheDays') },
    { key: 'notes', label: t('visitForm.notes') },
    { key: 'program', label: t('visitProgram.daysDone') },
  ]
}

const VISIT_KIND_SET = new Set<string>(['baseline', 'follow_up', 'review'])

/** A count of days as typed: "12 days" (plural by the number when it is one). */
function days(typed: string): string {
  const n = Number(typed)
  return Number.isInteger(n) ? t('visitReview.days', { count: n }) : t('visitReview.daysTyped', { days: typed })
}

/** Millimetres as typed ("23,5" or "23.5"), written with the screens' decimal sign. */
function mmTyped(typed: string): string {
  return t('format.mm', { value: /^[-+]?\d+([.,]\d+)?$/.test(typed) ? decimalAsTyped(typed) : typed })
}

/** "23.5" → "23,5" where the language writes a comma; the digits as typed. */
function decimalAsTyped(typed: string): string {
  const comma = formatDecimal(1.5, screenLanguage(), 1).includes(',')
  return comma ? typed.replace('.', ',') : typed.replace(',', '.')
}

/** `therapistName` and `exerciseName` write ids as names. */
export function visitShownValue(therapistName: (id: string) => string, exerciseName: (id: string) => string): (key: string, v: unknown) => string {
  return (key, v) => {
    if (key === 'program') {
      const p = v as { detail: boolean; daysDone?: string; byExercise?: Record<string, string> }
      if (!p.detail) return p.daysDone ? days(p.daysDone) : '—'
      const parts = Object.entries(p.byExercise ?? {})
        .filter(([, d]) => d.trim() !== '')
        .map(([id, d]) => t('visitReview.exerciseDays', { exercise: exerciseName(id), days: days(d.trim()) }))
      return parts.join(', ') || '—'
    }
    const text = typeof v === 'string' ? v.trim() : ''
    if (text === '') return '—'
    if (key === 'visitDate') return formatDate(text)
    if (key === 'therapistId') return therapistName(text)
    if (key === 'kind') return (VISIT_KIND_SET.has(text) ? visitKindLabel(text as VisitKind) : text)
    if (key.startsWith('left.') || key.startsWith('right.')) return mmTyped(text)
    if (key.startsWith('symptoms.')) return t('visitReview.ofTen', { score: text })
    if (key === 'headacheDays') return days(text)
    return text
  }
}

/** The form's values with the choices applied (`merged` holds the chosen flat values). */
export function visitValuesFromReview(merged: VisitReviewValues, mine: VisitFormValues): VisitFormValues {
  const text = (k: string, fallback: string) => (typeof merged[k] === 'string' ? (merged[k] as string) : fallback)
  const foot = (side: 'left' | 'right') => Object.fromEntries(FOOT_FIELDS.map((k) => [k, text(`${side}.${k}`, mine[side][k])])) as VisitFormValues['left']
  const p = merged.program as { detail: boolean; daysDone?: string; byExercise?: Record<string, string> }
  const program: VisitProgramValues = p.detail
    ? { ...mine.program, detail: true, daysDoneByExercise: { ...mine.program.daysDoneByExercise, ...p.byExercise } }
    : { ...mine.program, detail: false, daysDone: p.daysDone ?? '' }
  return {
    ...mine,
    visitDate: text('visitDate', mine.visitDate),
    therapistId: (merged.therapistId as string | null) ?? mine.therapistId,
    kind: merged.kind as VisitKind,
    left: foot('left'),
    right: foot('right'),
    symptoms: Object.fromEntries(SYMPTOM_REGIONS.map((r) => [r, text(`symptoms.${r}`, mine.symptoms[r])])) as VisitFormValues['symptoms'],
    headacheDays: text('headacheDays', mine.headacheDays),
    notes: text('notes', mine.notes),
    program,
  }
}
