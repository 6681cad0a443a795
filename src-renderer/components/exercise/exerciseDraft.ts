// An exercise as typed into the library form, and back to the contract's input; pure, unit-tested.
import type { Exercise } from '@shared/domain/exercise'
import { DEFAULT_DOSAGE_DRAFT, dosageToDraft, draftToDosage, type DosageDraft, type FieldErrors } from './dosageDraft'
import { t } from '../../i18n'

export interface LineDraft {
  key: string
  text: string
}

export interface ExerciseDraft {
  name: string
  purpose: string
  steps: LineDraft[]
  mistakes: LineDraft[]
  stages: LineDraft[]
  safety: string
  dosage: DosageDraft
}

let nextKey = 0
export const newLine = (text = ''): LineDraft => ({ key: `line-${++nextKey}`, text })

export function newExerciseDraft(): ExerciseDraft {
  return {
    name: '',
    purpose: '',
    steps: [newLine()],
    mistakes: [],
    stages: [newLine(t('exercise.firstStage'))],
    safety: '',
    dosage: { ...DEFAULT_DOSAGE_DRAFT },
  }
}

export function exerciseToDraft(e: Exercise): ExerciseDraft {
  return {
    name: e.name,
    purpose: e.purpose,
    steps: e.steps.map((s) => newLine(s)),
    mistakes: e.mistakes.map((s) => newLine(s)),
    stages: e.stages.map((s) => newLine(s)),
    safety: e.safety,
    dosage: dosageToDraft(e.dosage),
  }
}

/** The form as the contract's fields; a stage beyond the list falls back to the last one. */
export function exerciseDraftForApi(d: ExerciseDraft) {
  const { dosage, errors } = draftToDosage(d.dosage, 'dosage')
  const stages = d.stages.map((l) => l.text)
  const fields = {
    name: d.name,
    purpose: d.purpose,
    steps: d.steps.map((l) => l.text),
    mistakes: d.mistakes.map((l) => l.text),
    stages,
    safety: d.safety,
    dosage: { ...dosage, stage: Math.max(0, Math.min(dosage.stage, stages.length - 1)) },
  }
  return { fields, errors: errors as FieldErrors }
}

export function exerciseDraftChanged(a: ExerciseDraft, b: ExerciseDraft): boolean {
  const strip = (d: ExerciseDraft) => ({
    ...d,
    steps: d.steps.map((l) => l.text),
    mistakes: d.mistakes.map((l) => l.text),
    stages: d.stages.map((l) => l.text),
  })
  return JSON.stringify(strip(a)) !== JSON.stringify(strip(b))
}
