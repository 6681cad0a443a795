// Program editor helpers: template drafts, reordering, typed dosage, and history change sentences.
import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '@shared/domain/audit'
import type { Exercise } from '@shared/domain/exercise'
import { FOOT_CORE_16_WEEKS } from '@shared/exercises/catalog'
import {
  describeHistoryEntry,
  describeProgramChanges,
  draftChanged,
  draftFromTemplate,
  draftItemsForApi,
  formatDate,
  moveItem,
  stageNamer,
  withStartDate,
  type ProgramSnapshot,
  type SnapshotItem,
} from '../../../src-renderer/components/program/programDraft'

const dosage = { sets: 3, reps: 10, repsText: null, holdSeconds: 5, minutes: null, timesPerDay: 1, daysPerWeek: 7, stage: 0, notes: '' }
const exercise = (id: number, slug: string, name: string, stages: string[]): Exercise => ({
  id,
  version: 1,
  slug,
  name,
  purpose: '',
  steps: ['Step'],
  mistakes: [],
  stages,
  safety: '',
  illustration: slug,
  builtin: true,
  language: 'en',
  translations: [],
  dosage,
})
const EXERCISES = [
  exercise(1, 'towel-crumpling', 'Towel crumpling', ['Sitting, towel only', 'Sitting, with a weight', 'Standing']),
  exercise(2, 'short-foot', 'Short-foot exercise', ['Sitting', 'Standing on both feet', 'Standing on one foot']),
  exercise(3, 'barefoot-transition', 'Barefoot transition', ['Barefoot at home', 'Minimalist shoes for walking']),
]
const stageName = stageNamer(EXERCISES)

const item = (exerciseId: number, exerciseName: string, over: Partial<SnapshotItem> = {}): SnapshotItem => ({
  exerciseId,
  exerciseName,
  ...dosage,
  ...over,
})
const snapshot = (items: SnapshotItem[], reviewDate = '2026-05-04'): ProgramSnapshot => ({ reviewDate, items })

describe('the 16-week template', () => {
  it('holds the three standard exercises in order with their default dosage, review 16 weeks on', () => {
    const { draft, missing } = draftFromTemplate(FOOT_CORE_16_WEEKS, EXERCISES, '2026-01-12', 16)
    expect(missing).toEqual([])
    expect(draft.items.map((i) => i.exerciseName)).toEqual(['Towel crumpling', 'Short-foot exercise', 'Barefoot transition'])
    expect(draft.items[1]).toMatchObject({ sets: '3', reps: '10', holdSeconds: '5', minutes: '', timesPerDay: '1', stage: '0' })
    expect(draft.reviewDate).toBe('2026-05-04')
  })

  it('carries the plan: short-foot 1, 5, 9, 13; barefoot walking 1, 5 and running when allowed', () => {
    const { draft } = draftFromTemplate(FOOT_CORE_16_WEEKS, EXERCISES, '2026-01-12', 16)
    expect(draft.items.map((i) => i.plannedWeeks)).toEqual(['1, 5, 9', '1, 5, 9, 13', '1, 5, –, –'])
    expect(draftItemsForApi(draft).items.map((i) => i.plannedWeeks)).toEqual([[1, 5, 9], [1, 5, 9, 13], [1, 5, null, null]])
    const typo = { ...draft, items: draft.items.map((i, n) => (n === 1 ? { ...i, plannedWeeks: '1, five' } : i)) }
    expect(draftItemsForApi(typo).errors).toEqual({
      'items.1.plannedWeeks': 'Planned weeks are week numbers separated by commas, e.g. 1, 5, 9, 13 (a dash for a stage the therapist allows later)',
    })
  })

  it('names template exercises missing from the catalog instead of failing', () => {
    const { draft, missing } = draftFromTemplate(FOOT_CORE_16_WEEKS, EXERCISES.slice(0, 2), '2026-01-12', 16)
    expect(missing).toEqual(['barefoot-transition'])
    expect(draft.items).toHaveLength(2)
  })

  it('moves the review date with the start date until the therapist picks one', () => {
    const { draft } = draftFromTemplate(FOOT_CORE_16_WEEKS, EXERCISES, '2026-01-12', 16)
    const moved = withStartDate(draft, '2026-02-02', 16)
    expect(moved.reviewDate).toBe('2026-05-25')
    const chosen = withStartDate({ ...moved, reviewDate: '2026-06-01', reviewDateEdited: true }, '2026-02-09', 16)
    expect(chosen.reviewDate).toBe('2026-06-01')
  })
})

describe('editing items', () => {
  it('moves an exercise up and down and ignores moves past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'])
    const same = ['a', 'b']
    expect(moveItem(same, 0, -1)).toBe(same)
    expect(moveItem(same, 1, 1)).toBe(same)
  })

  it('turns typed dosage into numbers and keys typing errors like the API does', () => {
    const { draft } = draftFromTemplate(FOOT_CORE_16_WEEKS, EXERCISES, '2026-01-12', 16)
    draft.items[1] = { ...draft.items[1]!, sets: '2', holdSeconds: ' 8 ', reps: '' }
    draft.items[2] = { ...draft.items[2]!, sets: 'two', daysPerWeek: '' }
    const { items, errors } = draftItemsForApi(draft)
    expect(items[1]).toMatchObject({ exerciseId: 2, sets: 2, holdSeconds: 8, reps: null })
    expect(errors).toEqual({ 'items.2.sets': 'Sets must be a whole number', 'items.2.daysPerWeek': 'Days a week is required' })
  })

  it('sees a changed dosage as unsaved but not a fresh copy of the same program', () => {
    const a = draftFromTemplate(FOOT_CORE_16_WEEKS, EXERCISES, '2026-01-12', 16).draft
    const b = draftFromTemplate(FOOT_CORE_16_WEEKS, EXERCISES, '2026-01-12', 16).draft
    expect(draftChanged(a, b)).toBe(false)
    expect(draftChanged(a, { ...b, items: b.items.map((i, n) => (n === 0 ? { ...i, notes: 'Left foot only' } : i)) })).toBe(true)
  })
})

describe('what changed in an update', () => {
  it('says each changed dosage field with the stage by name', () => {
    const before = snapshot([item(1, 'Towel crumpling'), item(2, 'Short-foot exercise')])
    const after = snapshot([item(1, 'Towel crumpling'), item(2, 'Short-foot exercise', { sets: 2, stage: 1 })])
    expect(describeProgramChanges(before, after, stageName)).toEqual(['Short-foot exercise: sets 3 → 2; stage Sitting → Standing on both feet'])
  })

  it('reports added and removed exercises, a new review date and a new order', () => {
    const before = snapshot([item(1, 'Towel crumpling'), item(2, 'Short-foot exercise'), item(3, 'Barefoot transition')])
    const after = snapshot([item(3, 'Barefoot transition'), item(1, 'Towel crumpling'), item(9, 'Toe yoga')], '2026-05-18')
    expect(describeProgramChanges(before, after, stageName)).toEqual([
      'Review date 4 May 2026 → 18 May 2026',
      'Added Toe yoga',
      'Removed Short-foot exercise',
      'New order: Barefoot transition, Towel crumpling, Toe yoga',
    ])
  })

  it('says "none" when a value is cleared and quotes the new notes', () => {
    const before = snapshot([item(2, 'Short-foot exercise', { holdSeconds: 5 })])
    const after = snapshot([item(2, 'Short-foot exercise', { holdSeconds: null, minutes: 10, notes: 'Stop if the midfoot hurts' })])
    expect(describeProgramChanges(before, after, stageName)).toEqual([
      'Short-foot exercise: hold 5 s → none; minutes none → 10; notes "Stop if the midfoot hurts"',
    ])
  })

  it('turns audit entries into a title and details, with the reason', () => {
    const base: AuditEntry = {
      id: 1,
      at: '2026-02-01T10:00:00.000Z',
      therapistId: 1,
      therapistName: 'Ana',
      action: 'update',
      entity: 'program',
      entityId: 5,
      patientId: 3,
      before: snapshot([item(2, 'Short-foot exercise')]),
      after: snapshot([item(2, 'Short-foot exercise', { reps: 12 })]),
      reason: 'Progressing well',
    }
    expect(describeHistoryEntry(base, stageName)).toEqual({
      title: 'Changed',
      details: ['Short-foot exercise: repetitions 10 → 12', 'Reason: Progressing well'],
    })
    expect(describeHistoryEntry({ ...base, action: 'create', before: null, reason: null }, stageName)).toEqual({
      title: 'Assigned',
      details: ['1 exercise: Short-foot exercise'],
    })
    expect(describeHistoryEntry({ ...base, action: 'end', after: { status: 'ended', endDate: '2026-05-04' }, reason: null }, stageName).title).toBe(
      'Ended on 4 May 2026',
    )
    // A snapshot in an unexpected shape is not a crash.
    expect(describeHistoryEntry({ ...base, before: 'garbled', reason: null }, stageName).details).toEqual(['Saved without changes'])
  })

  it('writes dates the way the screen shows them', () => {
    expect(formatDate('2026-03-05')).toBe('5 Mar 2026')
    expect(formatDate('not a date')).toBe('not a date')
  })
})
