// A clinic exercise for the conflict review: one flat value per field of the form (texts, lists,
// each default dosage field), labelled as the form labels them, and the draft rebuilt from the
// choices. Pure, so it is unit-tested without a browser.
import { DOSAGE_LABELS, DOSAGE_NUMBER_FIELDS, type DosageDraft } from './dosageDraft'
import { newLine, type ExerciseDraft, type LineDraft } from './exerciseDraft'

export type ExerciseReviewValues = Record<string, unknown>

const LISTS = ['steps', 'mistakes', 'stages'] as const
const DOSAGE_TEXTS = ['repsText', 'notes'] as const
const UNITS: Partial<Record<keyof DosageDraft, string>> = { holdSeconds: ' s', minutes: ' min' }
const lines = (l: LineDraft[]) => l.map((x) => x.text.trim()).filter((t) => t !== '')

export function exerciseReviewValues(d: ExerciseDraft): ExerciseReviewValues {
  const out: ExerciseReviewValues = { name: d.name.trim(), purpose: d.purpose.trim(), safety: d.safety.trim() }
  for (const l of LISTS) out[l] = lines(d[l])
  for (const f of [...DOSAGE_NUMBER_FIELDS, ...DOSAGE_TEXTS]) out[`dosage.${f}`] = d.dosage[f].trim()
  // The stage by its name as well: their stage 2 may be named differently from yours.
  const stage = Number(d.dosage.stage) || 0
  out['dosage.stage'] = { index: stage, name: d.stages[stage]?.text.trim() || `Stage ${stage + 1}` }
  return out
}

export const EXERCISE_REVIEW_FIELDS: { key: string; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'purpose', label: 'Purpose' },
  { key: 'steps', label: 'Steps' },
  { key: 'mistakes', label: 'Mistakes to avoid' },
  { key: 'stages', label: 'Stages' },
  { key: 'safety', label: 'Safety note' },
  ...DOSAGE_NUMBER_FIELDS.map((f) => ({ key: `dosage.${f}`, label: `Default dosage: ${DOSAGE_LABELS[f]}` })),
  { key: 'dosage.repsText', label: `Default dosage: ${DOSAGE_LABELS.repsText}` },
  { key: 'dosage.stage', label: 'Default dosage: Default stage' },
  { key: 'dosage.notes', label: `Default dosage: ${DOSAGE_LABELS.notes}` },
]

export function exerciseShownValue(key: string, v: unknown): string {
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map((t, i) => `${i + 1}. ${String(t)}`).join(' ')
  if (key === 'dosage.stage') return (v as { name: string }).name
  const text = typeof v === 'string' ? v : ''
  if (text === '') return '—'
  return `${text}${UNITS[key.replace('dosage.', '') as keyof DosageDraft] ?? ''}`
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
