// The four-month plan through the API: stage confirmations at follow-ups move the plan, adherence
// from the calendar is checked against the planned days. Numbers worked by hand in the comments.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FOOT_CORE_16_WEEKS } from '@shared/exercises/catalog'
import type { Exercise } from '@shared/domain/exercise'
import { expectApiError, openTestClinic, type TestClinic } from '../../support/db'
import { seedPatient, seedTherapist, visitInput } from './fixtures'

// FIXED_NOW is 2026-06-15; the program starts Monday 2026-02-02 (week 1), review 2026-05-25.
const START = '2026-02-02'
let clinic: TestClinic
let therapistId: number
let patientId: number
let programId: number
let byslug: (slug: string) => Exercise
beforeEach(async () => {
  clinic = await openTestClinic()
  therapistId = (await seedTherapist(clinic)).id
  patientId = (await seedPatient(clinic)).id
  const catalog = await clinic.call('exercises.list', {})
  byslug = (slug) => catalog.find((e) => e.slug === slug)!
  const items = FOOT_CORE_16_WEEKS.items.map((i) => ({ exerciseId: byslug(i.slug).id, ...byslug(i.slug).dosage, plannedWeeks: i.plannedWeeks ?? null }))
  // Towel crumpling 3 days a week: the calendar has rest days.
  items[0]!.daysPerWeek = 3
  programId = (await clinic.call('programs.assign', { patientId, therapistId, startDate: START, items })).id
  await clinic.call('visits.record', visitInput(patientId, therapistId, { visitDate: START }))
})
afterEach(async () => clinic.close())

const followUp = (visitDate: string, over: object = {}) => visitInput(patientId, therapistId, { visitDate, kind: 'follow_up', ...over })
const item = async (slug: string) => (await clinic.call('programs.current', { patientId }))!.items.find((i) => i.exerciseId === byslug(slug).id)!

describe('planned progression', () => {
  it('assigns the template with its plan', async () => {
    expect((await item('short-foot')).plannedWeeks).toEqual([1, 5, 9, 13])
    expect((await item('barefoot-transition')).plannedWeeks).toEqual([1, 5, null, null])
  })

  it('records advance and hold with the visit; a hold moves the later planned weeks', async () => {
    // 2026-03-02 is day 28: week 5, when standing on both feet is planned.
    const v = await clinic.call(
      'visits.record',
      followUp('2026-03-02', {
        stageSteps: [
          { exerciseId: byslug('short-foot').id, decision: 'advance' },
          { exerciseId: byslug('towel-crumpling').id, decision: 'hold', reason: 'Toes still cramp' },
        ],
      }),
    )
    expect(v.stageSteps).toEqual([
      { exerciseId: byslug('short-foot').id, exerciseName: 'Short-foot exercise (arch doming)', decision: 'advance', stageBefore: 0, stageAfter: 1, reason: '' },
      { exerciseId: byslug('towel-crumpling').id, exerciseName: 'Towel crumpling', decision: 'hold', stageBefore: 0, stageAfter: 0, reason: 'Toes still cramp' },
    ])
    expect(await item('short-foot')).toMatchObject({ stage: 1, planShiftWeeks: 0 })
    // Towel: held at week 5 → towel only runs 4 more weeks: with a weight from week 9 (5 + 4), standing from 13.
    expect(await item('towel-crumpling')).toMatchObject({ stage: 0, planShiftWeeks: 4 })
    // The program's trail says what the visit changed.
    const trail = await clinic.call('audit.forPatient', { patientId })
    expect(trail.some((a) => a.entity === 'program' && a.reason === 'Stages confirmed at the visit of 2026-03-02')).toBe(true)
    // The shift survives a program change through the editor.
    const current = (await clinic.call('programs.current', { patientId }))!
    await clinic.call('programs.update', { programId, version: await clinic.versionOf('programs', programId), items: current.items.map(({ id: _i, exerciseName: _n, stages: _st, position: _p, planShiftWeeks: _s, ...rest }) => rest) })
    expect(await item('towel-crumpling')).toMatchObject({ planShiftWeeks: 4 })
  })

  it('wants a reason to step back, and refuses impossible steps next to the exercise', async () => {
    const noReason = await expectApiError(clinic.call('visits.record', followUp('2026-03-02', { stageSteps: [{ exerciseId: byslug('short-foot').id, decision: 'step_back' }] })))
    expect(noReason.issues).toEqual([{ path: ['stageSteps', 0, 'reason'], message: 'Say why the exercise steps back (for example what hurts)' }])
    const first = await expectApiError(
      clinic.call('visits.record', followUp('2026-03-02', { stageSteps: [{ exerciseId: byslug('short-foot').id, decision: 'step_back', reason: 'Arch cramps' }] })),
    )
    expect(first.issues).toEqual([{ path: ['stageSteps', 0, 'decision'], message: 'Short-foot exercise (arch doming): this exercise is at its first stage' }])
    expect((await clinic.call('visits.list', { patientId })).length).toBe(1)
    const twice = await expectApiError(
      clinic.call('visits.record', followUp('2026-03-02', { stageSteps: [{ exerciseId: byslug('short-foot').id, decision: 'advance' }, { exerciseId: byslug('short-foot').id, decision: 'hold' }] })),
    )
    expect(twice.issues).toEqual([{ path: ['stageSteps'], message: 'Confirm each exercise once' }])
  })

  it('refuses confirmations on a program that has ended', async () => {
    await clinic.call('programs.end', { programId, version: await clinic.versionOf('programs', programId), endDate: '2026-03-01' })
    const ended = await expectApiError(clinic.call('visits.record', followUp('2026-03-01', { stageSteps: [{ exerciseId: byslug('short-foot').id, decision: 'advance' }] })))
    expect([ended.code, ended.message]).toEqual(['conflict', 'This program has ended; its stages can no longer be changed'])
  })
})

describe('adherence', () => {
  it('counts the planned days since the last visit and stores the days done', async () => {
    // 2026-02-02 → 2026-03-02: 28 days; short-foot and barefoot 7 days a week → 28 planned days.
    const v = await clinic.call('visits.record', followUp('2026-03-02', { adherence: { daysDone: 21 } }))
    expect(v.adherence).toEqual({ daysPlanned: 28, daysDone: 21, byExercise: [] })
    // Next period 2026-03-02 → 2026-03-30: 28 again; more than planned is refused with the number.
    const tooMany = await expectApiError(clinic.call('visits.record', followUp('2026-03-30', { adherence: { daysDone: 29 } })))
    expect(tooMany.issues).toEqual([{ path: ['adherence', 'daysDone'], message: 'Days done can be at most the 28 planned days since the last visit (2026-03-02)' }])
  })

  it('takes the days per exercise in the detail: towel 3 days a week → 12 planned in 4 weeks', async () => {
    const v = await clinic.call(
      'visits.record',
      followUp('2026-03-02', {
        adherence: {
          daysDone: null,
          byExercise: [
            { exerciseId: byslug('towel-crumpling').id, daysDone: 6 },
            { exerciseId: byslug('short-foot').id, daysDone: 20 },
          ],
        },
      }),
    )
    // 6 + 20 of 12 + 28 planned = 26 of 40.
    expect(v.adherence).toMatchObject({ daysPlanned: 40, daysDone: 26 })
    expect(v.adherence!.byExercise.map((e) => [e.exerciseName, e.daysDone, e.daysPlanned])).toEqual([
      ['Towel crumpling', 6, 12],
      ['Short-foot exercise (arch doming)', 20, 28],
    ])
  })

  it('is corrected like any visit value, the old value kept in the trail', async () => {
    const v = await clinic.call('visits.record', followUp('2026-03-02', { adherence: { daysDone: 21 } }))
    const { patientId: _p, ...fields } = followUp('2026-03-02', { adherence: { daysDone: 14 } })
    const corrected = await clinic.call('visits.correct', { version: await clinic.versionOf('visits', v.id), ...fields, visitId: v.id, reason: 'Misread the calendar' })
    expect(corrected.adherence).toMatchObject({ daysPlanned: 28, daysDone: 14 })
    const trail = await clinic.call('audit.forPatient', { patientId })
    const correction = trail.find((a) => a.action === 'correct')! as unknown as { before: { adherence: { daysDone: number } }; after: { adherence: { daysDone: number } } }
    expect([correction.before.adherence.daysDone, correction.after.adherence.daysDone]).toEqual([21, 14])
  })
})
