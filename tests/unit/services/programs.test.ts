// Programs and exercises: assign the 16-week template, change dosage with history, end; due reviews.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FOOT_CORE_16_WEEKS } from '@shared/exercises/catalog'
import { dosageSentence } from '@shared/exercises/dosage'
import type { Exercise } from '@shared/domain/exercise'
import { expectApiError, openTestClinic, type TestClinic } from '../../support/db'
import { seedPatient, seedTherapist, visitInput } from './fixtures'

let clinic: TestClinic
let therapistId: number
let patientId: number
let catalog: Exercise[]
beforeEach(async () => {
  clinic = await openTestClinic()
  therapistId = (await seedTherapist(clinic)).id
  patientId = (await seedPatient(clinic)).id
  catalog = await clinic.call('exercises.list', {})
})
afterEach(async () => clinic.close())

const templateItems = () =>
  FOOT_CORE_16_WEEKS.items.map((i) => {
    const e = catalog.find((x) => x.slug === i.slug)!
    return { exerciseId: e.id, ...e.dosage }
  })

describe('exercises', () => {
  it('lists the built-ins with their default dosage', () => {
    const shortFoot = catalog.find((e) => e.slug === 'short-foot')!
    expect(shortFoot.builtin).toBe(true)
    expect(dosageSentence(shortFoot.dosage)).toBe('Hold 5 seconds. Do it 10 times, 3 sets, once a day.')
    expect(shortFoot.stages[0]).toBe('Sitting')
  })

  it('creates and edits a custom exercise, but never a built-in', async () => {
    const input = { name: 'Marble pick-up', steps: ['Pick up marbles with your toes.'], stages: ['Sitting'], dosage: { sets: 2, reps: 20 } }
    const created = await clinic.call('exercises.create', input, therapistId)
    expect(created).toMatchObject({ builtin: false, name: 'Marble pick-up', dosage: { sets: 2, reps: 20, timesPerDay: 1 } })
    const edited = await clinic.call('exercises.update', { version: await clinic.versionOf('exercises', created.id), ...input, id: created.id, name: 'Marble pick-up (10 marbles)' })
    expect(edited.name).toBe('Marble pick-up (10 marbles)')
    const builtin = catalog[0]!
    const e = await expectApiError(clinic.call('exercises.update', { version: await clinic.versionOf('exercises', builtin.id), ...input, id: builtin.id }))
    expect(e.code).toBe('conflict')
  })
})

describe('programs', () => {
  it('assigns the template with a review 16 weeks after the start', async () => {
    const p = await clinic.call('programs.assign', { patientId, therapistId, startDate: '2026-02-01', items: templateItems() }, therapistId)
    expect(p).toMatchObject({ name: 'Foot core — 16 weeks', startDate: '2026-02-01', reviewDate: '2026-05-24', status: 'active', therapistName: 'Anna Nowak' })
    expect(p.items.map((i) => i.exerciseName)).toEqual(['Towel crumpling', 'Short-foot exercise (arch doming)', 'Minimalist shoes / barefoot transition'])
    expect((await clinic.call('programs.current', { patientId }))?.id).toBe(p.id)
  })

  it('uses the clinic review interval', async () => {
    const s = await clinic.call('settings.get', {})
    await clinic.call('settings.update', { ...s, reviewIntervalWeeks: 12 })
    const p = await clinic.call('programs.assign', { patientId, therapistId, startDate: '2026-02-01', items: templateItems() })
    expect(p.reviewDate).toBe('2026-04-26')
  })

  it('refuses a second active program, unknown exercises and impossible stages', async () => {
    await clinic.call('programs.assign', { patientId, therapistId, startDate: '2026-02-01', items: templateItems() })
    expect((await expectApiError(clinic.call('programs.assign', { patientId, therapistId, startDate: '2026-03-01', items: templateItems() }))).code).toBe(
      'conflict',
    )
    const other = (await seedPatient(clinic, { firstName: 'Anna', lastName: 'Nowak' })).id
    const e = await expectApiError(
      clinic.call('programs.assign', { patientId: other, therapistId, startDate: '2026-03-01', items: [{ exerciseId: 999 }, { exerciseId: catalog[1]!.id, stage: 7 }] }),
    )
    expect(e.issues).toEqual([
      { path: ['items', 0, 'exerciseId'], message: 'Exercise was not found' },
      { path: ['items', 1, 'stage'], message: 'Short-foot exercise (arch doming) has 4 stages' },
    ])
  })

  it('changes dosage and keeps what changed in the history', async () => {
    const p = await clinic.call('programs.assign', { patientId, therapistId, startDate: '2026-02-01', items: templateItems() }, therapistId)
    const items = templateItems()
    items[1] = { ...items[1]!, sets: 2, stage: 1 }
    const updated = await clinic.call('programs.update', { version: await clinic.versionOf('programs', p.id), programId: p.id, items, reason: 'Progress to standing' }, therapistId)
    expect(updated.items[1]).toMatchObject({ sets: 2, stage: 1 })
    const [entry] = await clinic.call('programs.history', { patientId })
    expect(entry!.changes.map((c) => c.action)).toEqual(['update', 'create'])
    const change = entry!.changes[0]!
    expect(change.reason).toBe('Progress to standing')
    expect((change.before as { items: { sets: number }[] }).items[1]!.sets).toBe(3)
    expect((change.after as { items: { sets: number }[] }).items[1]!.sets).toBe(2)
  })

  it('ends a program, after which it cannot be changed', async () => {
    const p = await clinic.call('programs.assign', { patientId, therapistId, startDate: '2026-02-01', items: templateItems() })
    const ended = await clinic.call('programs.end', { version: await clinic.versionOf('programs', p.id), programId: p.id, endDate: '2026-05-30', reason: 'Goals reached' })
    expect(ended).toMatchObject({ status: 'ended', endDate: '2026-05-30', endReason: 'Goals reached' })
    expect(await clinic.call('programs.current', { patientId })).toBeNull()
    expect((await expectApiError(clinic.call('programs.update', { version: await clinic.versionOf('programs', p.id), programId: p.id, items: templateItems() }))).code).toBe('conflict')
  })

  it('validates dosage fields by name', async () => {
    const items = templateItems()
    items[0] = { ...items[0]!, sets: 0, timesPerDay: 2.5 }
    const e = await expectApiError(clinic.call('programs.assign', { patientId, therapistId, startDate: '2026-02-01', items }))
    expect(e.issues).toEqual([
      { path: ['items', 0, 'sets'], message: 'Sets must be between 1 and 10' },
      { path: ['items', 0, 'timesPerDay'], message: 'Times a day must be a whole number' },
    ])
  })
})

describe('reviews.due', () => {
  it('lists a patient before the review visit and not after it', async () => {
    // Start 2026-02-28 → review 2026-06-20, five days after "today" (2026-06-15)
    await clinic.call('visits.record', visitInput(patientId, therapistId, { visitDate: '2026-02-28' }))
    const p = await clinic.call('programs.assign', { patientId, therapistId, startDate: '2026-02-28', items: templateItems() })
    const due = await clinic.call('reviews.due', { withinDays: 14 })
    expect(due).toEqual([
      expect.objectContaining({ patientId, programId: p.id, reviewDate: '2026-06-20', status: 'due', lastVisitDate: '2026-02-28' }),
    ])
    expect(await clinic.call('reviews.due', { withinDays: 3 })).toEqual([])
    await clinic.call('visits.record', visitInput(patientId, therapistId, { visitDate: '2026-06-15', kind: 'review' }))
    expect(await clinic.call('reviews.due', {})).toEqual([])
  })

  it('marks overdue reviews', async () => {
    await clinic.call('programs.assign', { patientId, therapistId, startDate: '2026-01-01', items: templateItems() })
    const [row] = await clinic.call('reviews.due', {})
    expect(row).toMatchObject({ reviewDate: '2026-04-23', status: 'overdue' })
  })

  it('a new program started on the day the previous one was reviewed comes due, whatever the order of entry or later corrections', async () => {
    // P1 2026-01-01 → review 2026-04-23; today is 2026-06-15.
    const p1 = await clinic.call('programs.assign', { patientId, therapistId, startDate: '2026-01-01', items: templateItems() })
    await clinic.call('visits.record', visitInput(patientId, therapistId, { visitDate: '2026-01-01' }))
    const review = await clinic.call('visits.record', visitInput(patientId, therapistId, { visitDate: '2026-04-23', kind: 'review' }))
    await clinic.call('programs.end', { version: await clinic.versionOf('programs', p1.id), programId: p1.id, endDate: '2026-04-23', reason: 'Review done' })
    const p2 = await clinic.call('programs.assign', { patientId, therapistId, startDate: '2026-04-23', reviewDate: '2026-06-20', items: templateItems() })
    // A correction of P1's review (a typo in the notes) must not move it under P2.
    const { patientId: _omit, ...fields } = visitInput(patientId, therapistId, { visitDate: '2026-04-23', kind: 'review', notes: 'Corrected notes' })
    await clinic.call('visits.correct', { version: await clinic.versionOf('visits', review.id), ...fields, visitId: review.id, reason: 'Typo' })
    const visits = await clinic.call('visits.list', { patientId })
    expect(visits.find((v) => v.id === review.id)?.programId).toBe(p1.id)
    expect(await clinic.call('reviews.due', { withinDays: 14 })).toEqual([expect.objectContaining({ programId: p2.id, reviewDate: '2026-06-20', status: 'due' })])
    const current = await clinic.call('programs.current', { patientId })
    expect(current).toMatchObject({ id: p2.id, reviewRecordedOn: null })
    const [, ended] = await clinic.call('programs.history', { patientId })
    expect(ended!.program).toMatchObject({ id: p1.id, reviewRecordedOn: '2026-04-23' })
  })

  it("a review entered after the next program was assigned on the same day is the ending program's review", async () => {
    const p1 = await clinic.call('programs.assign', { patientId, therapistId, startDate: '2026-01-01', items: templateItems() })
    await clinic.call('programs.end', { version: await clinic.versionOf('programs', p1.id), programId: p1.id, endDate: '2026-04-23' })
    const p2 = await clinic.call('programs.assign', { patientId, therapistId, startDate: '2026-04-23', reviewDate: '2026-06-20', items: templateItems() })
    const review = await clinic.call('visits.record', visitInput(patientId, therapistId, { visitDate: '2026-04-23', kind: 'review' }))
    const baseline = await clinic.call('visits.record', visitInput(patientId, therapistId, { visitDate: '2026-04-23', kind: 'baseline' }))
    expect([review.programId, baseline.programId]).toEqual([p1.id, p2.id])
    expect((await clinic.call('reviews.due', {})).map((r) => r.programId)).toEqual([p2.id])
  })

  it('the baseline recorded before the program was assigned, on its start day, opens that program', async () => {
    const baseline = await clinic.call('visits.record', visitInput(patientId, therapistId, { visitDate: '2026-03-01' }))
    expect(baseline.programId).toBeNull()
    const p = await clinic.call('programs.assign', { patientId, therapistId, startDate: '2026-03-01', items: templateItems() })
    expect((await clinic.call('visits.list', { patientId }))[0]!.programId).toBe(p.id)
  })
})
