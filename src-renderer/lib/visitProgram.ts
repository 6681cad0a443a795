// The visit form's program part as typed: stage confirmation per exercise and the days done from the
// calendar (one number, or per exercise in the detail); pure, so it is unit-tested without a browser.
import { plannedDaysBetween } from '@shared/calc/adherence'
import type { StageDecision } from '@shared/calc/plan'
import type { FieldIssue } from '@shared/domain/errors'
import type { Program } from '@shared/domain/program'
import type { Visit } from '@shared/domain/visit'
import { parseWholeNumber } from '../components/exercise/dosageDraft'
import { t } from '../i18n'

export interface StageStepValues {
  decision: StageDecision | ''
  reason: string
}

export interface VisitProgramValues {
  daysDone: string
  /** True when the therapist opened the per-exercise detail. */
  detail: boolean
  /** Keyed by exercise id. */
  daysDoneByExercise: Record<string, string>
  stageSteps: Record<string, StageStepValues>
}

export function emptyProgramValues(program: Program | null): VisitProgramValues {
  const ids = program?.items.map((i) => String(i.exerciseId)) ?? []
  return {
    daysDone: '',
    detail: false,
    daysDoneByExercise: Object.fromEntries(ids.map((id) => [id, ''])),
    stageSteps: Object.fromEntries(ids.map((id) => [id, { decision: '', reason: '' }])),
  }
}

/** A recorded visit's adherence as form values, for a correction (stage steps are not corrected). */
export function programValuesOf(v: Visit, program: Program | null): VisitProgramValues {
  const empty = emptyProgramValues(program)
  if (!v.adherence) return empty
  if (v.adherence.byExercise.length > 0) {
    const byId = Object.fromEntries(v.adherence.byExercise.map((e) => [String(e.exerciseId), String(e.daysDone)]))
    return { ...empty, detail: true, daysDoneByExercise: { ...empty.daysDoneByExercise, ...byId } }
  }
  return { ...empty, daysDone: String(v.adherence.daysDone) }
}

/** Planned days since the previous visit of the program (or its start), as the server will count them. */
export function plannedDays(program: Program, visits: Visit[], visitDate: string, daysPerWeek: number, exclude?: number): number {
  const previous = visits
    .filter((v) => v.id !== exclude && v.visitDate >= program.startDate && v.visitDate < visitDate)
    .map((v) => v.visitDate)
    .sort()
    .pop()
  return plannedDaysBetween(program.startDate, previous ?? program.startDate, visitDate, daysPerWeek)
}

export interface ProgramInput {
  adherence: { daysDone: number | null; byExercise: { exerciseId: number; daysDone: number }[] } | null
  stageSteps: { exerciseId: number; decision: StageDecision; reason: string }[]
}

/** Field keys the form shows errors next to: "program.daysDone", "program.<exerciseId>.daysDone", "program.<exerciseId>.reason". */
export function programFieldKeys(program: Program | null): string[] {
  const ids = program?.items.map((i) => i.exerciseId) ?? []
  return ['program.daysDone', ...ids.flatMap((id) => [`program.${id}.daysDone`, `program.${id}.decision`, `program.${id}.reason`])]
}

export function programValuesToInput(v: VisitProgramValues, program: Program | null): { input: ProgramInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const items = program?.items ?? []
  const count = (key: string, text: string): number | null => {
    const n = parseWholeNumber(text)
    if (n !== null && Number.isNaN(n)) errors[key] = t('visitForm.error.daysDoneWhole')
    return n === null || Number.isNaN(n) ? null : n
  }
  let adherence: ProgramInput['adherence'] = null
  if (v.detail) {
    const byExercise = items.flatMap((i) => {
      const n = count(`program.${i.exerciseId}.daysDone`, v.daysDoneByExercise[String(i.exerciseId)] ?? '')
      return n === null ? [] : [{ exerciseId: i.exerciseId, daysDone: n }]
    })
    if (byExercise.length > 0) adherence = { daysDone: null, byExercise }
  } else {
    const n = count('program.daysDone', v.daysDone)
    if (n !== null) adherence = { daysDone: n, byExercise: [] }
  }
  const stageSteps = items.flatMap((i) => {
    const step = v.stageSteps[String(i.exerciseId)]
    if (!step || step.decision === '') return []
    if (step.decision === 'step_back' && step.reason.trim() === '') errors[`program.${i.exerciseId}.reason`] = t('visitForm.error.stepBackReason')
    return [{ exerciseId: i.exerciseId, decision: step.decision, reason: step.reason }]
  })
  return { input: { adherence, stageSteps }, errors }
}

/** The API's issue paths (indexes into what was sent) → the form's keys (exercise ids). */
export function programIssueKey(path: FieldIssue['path'], sent: ProgramInput): FieldIssue['path'] {
  const [head, index, field] = path
  if (head === 'stageSteps' && typeof index === 'number') {
    const step = sent.stageSteps[index]
    if (step) return ['program', step.exerciseId, field === 'reason' ? 'reason' : 'decision']
  }
  if (head === 'adherence' && index === 'daysDone') return ['program', 'daysDone']
  if (head === 'adherence' && index === 'byExercise' && typeof field === 'number') {
    const entry = sent.adherence?.byExercise[field]
    if (entry) return ['program', entry.exerciseId, 'daysDone']
  }
  return path
}
