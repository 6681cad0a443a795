// A clinic exercise for the conflict review: one flat value per field of the form (texts, lists,
// each default dosage field), labelled as the form labels them, and the draft rebuilt from the
// choices. Pure, so it is unit-tested without a browser.
import { t } from '../../i18n'
import { dosageLabel, DOSAGE_NUMBER_FIELDS, type DosageDraft } from './dosageDraft'
import { newLine, type ExerciseDraft, type LineDraft } from './exerciseDraft'

export type ExerciseReviewValues = Record<string, unknown>

const LISTS = ['steps', 'mistakes', 'stages'] as const
const DOSAGE_TEXTS = ['repsText', 'notes'] as const
const lines = (l: LineDraft[]) => l.map((x) => x.text.trim()).filter((t) => t !== '')

export function exerciseReviewValues(d: ExerciseDraft): ExerciseReviewValues {
  const out: ExerciseReviewValues = { name: d.name.trim(), purpose: d.purpose.trim(), safety: d.safety.trim() }
  for (const l of LISTS) out[l] = lines(d[l])
  for (const f of [...DOSAGE_NUMBER_FIELDS, ...DOSAGE_TEXTS]) out[`dosage.${f}`] = d.dosage[f].trim()
  // The stage by its name as well: their stage 2 may be named differently from yours.
  const stage = Number(d.dosage.stage) || 0
  out['dosage.stage'] = { index: stage, name: d.stages[stage]?.text.trim() || t('program.stageNumber', { stage: stage + 1 }) }
  return out
}

/** The review's fields, labelled in the screens' language as the form labels them. */
export function exerciseReviewFields(): { key: string; label: string }[] {
  const dosage = (key: string, field: string) => ({ key, label: t('exercise.review.dosageField', { field }) })
  return [
    { key: 'name', label: t('exercise.name') },
    { key: 'purpose', label: t('exercise.purpose') },
    { key: 'steps', label: t('exercise.steps') },
    { key: 'mistakes', label: t('exercise.mistakes') },
    { key: 'stages', label: t('exercise.stages') },
    { key: 'safety', label: t('exercise.safetyNote') },
    ...DOSAGE_NUMBER_FIELDS.map((f) => dosage(`dosage.${f}`, dosageLabel(f))),
    dosage('dosage.repsText', dosageLabel('repsText')),
    dosage('dosage.stage', t('exercise.defaultStage')),
    dosage('dosage.notes', dosageLabel('notes')),
  ]
}

export function exerciseShownValue(key: string, v: unknown): string {
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map((t, i) => `${i + 1}. ${String(t)}`).join(' ')
  if (key === 'dosage.stage') return (v as { name: string }).name
  const text = typeof v === 'string' ? v : ''
  if (text === '') return '—'
  const field = key.replace('dosage.', '') as keyof DosageDraft
  if (field === 'holdSeconds') return t('program.unit.seconds', { value: text })
  if (field === 'minutes') return t('program.unit.minutes', { value: text })
  return text
}

/** The draft the choices make; a list kept as yours keeps its lines as typed. */
export function exerciseDraftFromReview(merged: ExerciseReviewValues, mine: ExerciseDraft): ExerciseDraft {
  const list = (l: (typeof LISTS)[number]) => {
    const chosen = merged[l] as string[]
    return JSON.stringify(chosen) === JSON.stringify(lines(mine[l])) ? mine[l] : chosen.map((t) => newLine(t))
  }
  const dosage: DosageDraft = { ...mine.dosage, stage: String((merged['dosage.stage'] as { index: number }).index) }
  for (const f of [...DOSAGE_NUMBER_FIELDS, ...DOSAGE_TEXTS]) dosage[f] = String(merged[`dosage.${f}`])
  return {
    name: String(merged.name),
    purpose: String(merged.purpose),
    safety: String(merged.safety),
    steps: list('steps'),
    mistakes: list('mistakes'),
    stages: list('stages'),
    dosage,
  }
}
