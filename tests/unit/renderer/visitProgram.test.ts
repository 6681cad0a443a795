// The visit form's program part: days done as typed, stage confirmations, and API issues back on the fields.
import { describe, expect, it } from 'vitest'
import type { Program } from '@shared/domain/program'
import type { Visit } from '@shared/domain/visit'
import { emptyProgramValues, plannedDays, programIssueKey, programValuesToInput } from '../../../src-renderer/lib/visitProgram'

const dosage = { sets: 3, reps: 10, repsText: null, holdSeconds: 5, minutes: null, timesPerDay: 1, stage: 0, notes: '' }
const program = {
  id: 1,
  startDate: '2026-01-05',
  reviewDate: '2026-04-27',
  status: 'active',
  items: [
    { id: 1, exerciseId: 11, exerciseName: 'Towel crumpling', stages: ['a', 'b', 'c'], position: 0, ...dosage, daysPerWeek: 3, plannedWeeks: [1, 5, 9], planShiftWeeks: 0 },
    { id: 2, exerciseId: 12, exerciseName: 'Short-foot exercise', stages: ['a', 'b', 'c', 'd'], position: 1, ...dosage, daysPerWeek: 7, plannedWeeks: [1, 5, 9, 13], planShiftWeeks: 0 },
  ],
} as unknown as Program

describe('days done and stage confirmations as typed', () => {
  it('sends one number for the program, and confirmations only for the exercises chosen', () => {
    const v = { ...emptyProgramValues(program), daysDone: '21' }
    v.stageSteps['12'] = { decision: 'advance', reason: '' }
    expect(programValuesToInput(v, program)).toEqual({
      input: { adherence: { daysDone: 21, byExercise: [] }, stageSteps: [{ exerciseId: 12, decision: 'advance', reason: '' }] },
      errors: {},
    })
  })
  it('sends the detail per exercise, and asks why an exercise steps back before sending', () => {
    const v = { ...emptyProgramValues(program), detail: true, daysDoneByExercise: { '11': '6', '12': 'x' } }
    v.stageSteps['12'] = { decision: 'step_back', reason: ' ' }
    const { input, errors } = programValuesToInput(v, program)
    expect(input.adherence).toEqual({ daysDone: null, byExercise: [{ exerciseId: 11, daysDone: 6 }] })
    expect(errors).toEqual({
      'program.12.daysDone': 'Days done must be a whole number, e.g. 20',
      'program.12.reason': 'Say why the exercise steps back (for example what hurts)',
    })
  })
  it('puts the API’s issues on the exercise they name', () => {
    const sent = { adherence: { daysDone: null, byExercise: [{ exerciseId: 12, daysDone: 40 }] }, stageSteps: [{ exerciseId: 11, decision: 'advance' as const, reason: '' }] }
    expect(programIssueKey(['stageSteps', 0, 'decision'], sent)).toEqual(['program', 11, 'decision'])
    expect(programIssueKey(['adherence', 'byExercise', 0, 'daysDone'], sent)).toEqual(['program', 12, 'daysDone'])
    expect(programIssueKey(['adherence', 'daysDone'], sent)).toEqual(['program', 'daysDone'])
  })
  it('counts the planned days as the server will: since the last visit of the program', () => {
    const visits = [{ id: 1, visitDate: '2026-01-05' }, { id: 2, visitDate: '2026-02-02' }] as Visit[]
    // 2026-02-02 → 2026-03-02: 28 days; 3 days a week → 12
    expect(plannedDays(program, visits, '2026-03-02', 7)).toBe(28)
    expect(plannedDays(program, visits, '2026-03-02', 3)).toBe(12)
    // Correcting the 2026-02-02 visit itself counts from the start.
    expect(plannedDays(program, visits, '2026-02-02', 7, 2)).toBe(28)
  })
})
