// The conflict review's rows for a program, a visit correction and a clinic exercise: the form's
// labels, values as people read them, the defaults (theirs where only they changed a field), and
// the form rebuilt from the choices.
import { describe, expect, it } from 'vitest'
import type { Dosage, Exercise } from '@shared/domain/exercise'
import type { Program } from '@shared/domain/program'
import type { Visit } from '@shared/domain/visit'
import { applyChoices, conflictRows } from '../../../src-renderer/components/ConflictReview'
import { draftFromProgram } from '../../../src-renderer/components/program/programDraft'
import { draftFromReview, exerciseNames, programReviewFields, programReviewValues, programShownValue } from '../../../src-renderer/components/program/programReview'
import { exerciseReviewFields, exerciseDraftFromReview, exerciseReviewValues, exerciseShownValue } from '../../../src-renderer/components/exercise/exerciseReview'
import { exerciseToDraft } from '../../../src-renderer/components/exercise/exerciseDraft'
import { visitToValues } from '../../../src-renderer/lib/visitForm'
import { visitReviewFields, visitReviewValues, visitShownValue, visitValuesFromReview } from '../../../src-renderer/lib/visitReview'

const dosage: Dosage = { sets: 3, reps: 10, repsText: null, holdSeconds: 5, minutes: null, timesPerDay: 1, daysPerWeek: 7, stage: 0, notes: '' }
const item = (exerciseId: number, exerciseName: string, over: Partial<Dosage> = {}) => ({
  id: exerciseId,
  exerciseId,
  exerciseName,
  stages: ['Sitting', 'Standing on both feet'],
  position: 0,
  plannedWeeks: null,
  planShiftWeeks: 0,
  ...dosage,
  ...over,
})
const program = (over: Partial<Program> = {}): Program => ({
  id: 1,
  patientId: 1,
  therapistId: 1,
  therapistName: 'Anna Nowak',
  name: 'Foot core — 16 weeks',
  startDate: '2026-01-05',
  reviewDate: '2026-05-04',
  endDate: null,
  endReason: null,
  status: 'active',
  items: [item(1, 'Towel crumpling'), item(2, 'Short-foot exercise')],
  reviewRecordedOn: null,
  createdAt: '',
  updatedAt: '',
  version: 1,
  ...over,
})

describe('a program in the review', () => {
  const base = draftFromProgram(program())
  const theirs = draftFromProgram(program({ items: [item(1, 'Towel crumpling'), item(2, 'Short-foot exercise', { sets: 4, stage: 1 })], version: 2 }))
  const mine = { ...base, reviewDate: '2026-05-11', items: base.items.map((i) => (i.exerciseId === 2 ? { ...i, holdSeconds: '8' } : i)) }
  const names = exerciseNames(program().items)
  const rows = conflictRows(programReviewFields(mine, theirs, names), programReviewValues(base), programReviewValues(mine), programReviewValues(theirs), programShownValue(names))

  it('lists each differing field with the editor’s words, names of stages, units and dates', () => {
    expect(rows.map((r) => [r.label, r.theirs, r.mine, r.keep])).toEqual([
      ['Review date', '4 May 2026', '11 May 2026', 'mine'],
      ['Short-foot exercise: Sets', '4', '3', 'theirs'],
      ['Short-foot exercise: Hold (seconds)', '5 s', '8 s', 'mine'],
      ['Short-foot exercise: Stage', 'Standing on both feet', 'Sitting', 'theirs'],
    ])
  })

  it('rebuilds the program from the choices: their sets and stage, your hold and review date', () => {
    const merged = draftFromReview(applyChoices(rows, programReviewValues(mine), programReviewValues(theirs)), mine, theirs)
    expect(merged.reviewDate).toBe('2026-05-11')
    expect(merged.items.map((i) => [i.exerciseName, i.sets, i.holdSeconds, i.stage])).toEqual([
      ['Towel crumpling', '3', '5', '0'],
      ['Short-foot exercise', '4', '8', '1'],
    ])
  })

  it('an exercise they added is one “Exercises” row; keeping theirs adds it with their dosage', () => {
    const added = draftFromProgram(program({ items: [...program().items, item(3, 'Barefoot transition', { sets: null, minutes: 20 })] }))
    const all = exerciseNames([...program().items, item(3, 'Barefoot transition')])
    const r = conflictRows(programReviewFields(base, added, all), programReviewValues(base), programReviewValues(base), programReviewValues(added), programShownValue(all))
    expect(r.map((x) => [x.label, x.theirs, x.mine, x.keep])).toEqual([
      ['Exercises', 'Towel crumpling, Short-foot exercise, Barefoot transition', 'Towel crumpling, Short-foot exercise', 'theirs'],
    ])
    const merged = draftFromReview(applyChoices(r, programReviewValues(base), programReviewValues(added)), base, added)
    expect(merged.items.map((i) => [i.exerciseName, i.minutes])).toEqual([
      ['Towel crumpling', ''],
      ['Short-foot exercise', ''],
      ['Barefoot transition', '20'],
    ])
  })
})

describe('a visit correction in the review', () => {
  const visit = {
    id: 7,
    patientId: 1,
    therapistId: 1,
    therapistName: 'Anna Nowak',
    visitDate: '2026-02-02',
    kind: 'baseline',
    left: { footLengthMm: 252, truncatedFootLengthMm: 183, archHeightMm: 58, navicularSittingMm: null, navicularStandingMm: null, archHeightMethod: 'dorsal_50' },
    right: null,
    symptoms: { foot_heel: 6, knee: null, low_back: null, neck: null, headache: null },
    headacheDays: null,
    notes: '',
    adherence: null,
    version: 1,
  } as unknown as Visit
  it('says millimetres, pain out of ten and the therapist’s name; their foot length, your notes', () => {
    const base = visitToValues(visit)
    const theirs = visitToValues({ ...visit, therapistId: 2, left: { ...visit.left!, footLengthMm: 250 } } as Visit)
    const mine = { ...base, notes: 'Heel pain on the first steps.', symptoms: { ...base.symptoms, foot_heel: '5' } }
    const names: Record<string, string> = { '1': 'Anna Nowak', '2': 'Ola Recepcja' }
    const rows = conflictRows(visitReviewFields('dorsal_50'), visitReviewValues(base), visitReviewValues(mine), visitReviewValues(theirs), visitShownValue((id) => names[id]!, () => ''))
    expect(rows.map((r) => [r.label, r.theirs, r.mine, r.keep])).toEqual([
      ['Therapist', 'Ola Recepcja', 'Anna Nowak', 'theirs'],
      ['Left foot: Foot length', '250 mm', '252 mm', 'theirs'],
      ['Pain today: Foot / heel', '6 of 10', '5 of 10', 'mine'],
      ['Notes', '—', 'Heel pain on the first steps.', 'mine'],
    ])
    const merged = visitValuesFromReview(applyChoices(rows, visitReviewValues(mine), visitReviewValues(theirs)), mine)
    expect([merged.therapistId, merged.left.footLengthMm, merged.symptoms.foot_heel, merged.notes]).toEqual(['2', '250', '5', 'Heel pain on the first steps.'])
  })
})

describe('a clinic exercise in the review', () => {
  const exercise = {
    id: 9,
    slug: null,
    name: 'Toe yoga',
    purpose: 'Big toe control',
    steps: ['Lift the big toe', 'Lift the other toes'],
    mistakes: [],
    stages: ['Sitting', 'Standing'],
    safety: '',
    dosage,
    builtin: false,
    archived: false,
    version: 1,
  } as unknown as Exercise
  it('shows lists numbered and the default stage by name; keeps their steps and your name', () => {
    const base = exerciseToDraft(exercise)
    const theirs = exerciseToDraft({ ...exercise, steps: ['Lift the big toe', 'Lift the other toes', 'Alternate'], dosage: { ...dosage, stage: 1 } } as Exercise)
    const mine = { ...base, name: 'Toe yoga (seated)', dosage: { ...base.dosage, holdSeconds: '10' } }
    const rows = conflictRows(exerciseReviewFields(), exerciseReviewValues(base), exerciseReviewValues(mine), exerciseReviewValues(theirs), exerciseShownValue)
    expect(rows.map((r) => [r.label, r.theirs, r.mine, r.keep])).toEqual([
      ['Name', 'Toe yoga', 'Toe yoga (seated)', 'mine'],
      ['Steps', '1. Lift the big toe 2. Lift the other toes 3. Alternate', '1. Lift the big toe 2. Lift the other toes', 'theirs'],
      ['Default dosage: Hold (seconds)', '5 s', '10 s', 'mine'],
      ['Default dosage: Default stage', 'Standing', 'Sitting', 'theirs'],
    ])
    const merged = exerciseDraftFromReview(applyChoices(rows, exerciseReviewValues(mine), exerciseReviewValues(theirs)), mine)
    expect([merged.name, merged.steps.map((s) => s.text), merged.dosage.holdSeconds, merged.dosage.stage]).toEqual([
      'Toe yoga (seated)',
      ['Lift the big toe', 'Lift the other toes', 'Alternate'],
      '10',
      '1',
    ])
  })
})
