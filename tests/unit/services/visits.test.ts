// Visits: both feet and symptoms in one transaction; corrections keep the old values.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectApiError, openTestClinic, type TestClinic } from '../../support/db'
import { seedPatient, seedTherapist, visitInput } from './fixtures'

let clinic: TestClinic
let therapistId: number
let patientId: number
beforeEach(async () => {
  clinic = await openTestClinic()
  therapistId = (await seedTherapist(clinic)).id
  patientId = (await seedPatient(clinic)).id
})
afterEach(async () => clinic.close())

const count = (table: string) => clinic.count(table)

describe('visits.record', () => {
  it('stores both feet, symptoms and the clinic method, and reads them back', async () => {
    const v = await clinic.call('visits.record', visitInput(patientId, therapistId), therapistId)
    expect(v.left).toEqual({
      footLengthMm: 250,
      truncatedFootLengthMm: 182,
      archHeightMm: 60,
      archHeightMethod: 'dorsal_50',
      navicularSittingMm: 45,
      navicularStandingMm: 36,
    })
    expect(v.right).toMatchObject({ footLengthMm: 251.5, archHeightMm: 61, navicularSittingMm: null })
    expect(v.symptoms).toEqual({ foot_heel: 6, knee: 3, low_back: 4, neck: 2, headache: 5 })
    expect(v).toMatchObject({ headacheDays: 8, therapistName: 'Anna Nowak', kind: 'baseline', corrected: false })
    expect([await count('visits'), await count('measurements'), await count('symptom_scores')]).toEqual([1, 2, 5])
  })

  it('accepts a visit with only one foot measured', async () => {
    const v = await clinic.call('visits.record', visitInput(patientId, therapistId, { right: null }))
    expect(v.right).toBeNull()
    expect(await count('measurements')).toBe(1)
  })

  it('names the field for out-of-range values and writes nothing', async () => {
    const e = await expectApiError(
      clinic.call('visits.record', visitInput(patientId, therapistId, { left: { footLengthMm: 400, archHeightMm: 23.45 }, symptoms: { knee: 11 } })),
    )
    expect(e.code).toBe('invalid_input')
    expect(e.issues).toEqual([
      { path: ['left', 'footLengthMm'], message: 'Foot length must be between 100 and 380 mm' },
      { path: ['left', 'archHeightMm'], message: 'Arch height can have at most one decimal (e.g. 23.5)' },
      { path: ['symptoms', 'knee'], message: 'Knee pain must be between 0 and 10' },
    ])
    expect(await count('visits')).toBe(0)
  })

  it('refuses a truncated foot length not shorter than the foot', async () => {
    const e = await expectApiError(clinic.call('visits.record', visitInput(patientId, therapistId, { left: { footLengthMm: 200, truncatedFootLengthMm: 200 } })))
    expect(e.issues).toEqual([{ path: ['left', 'truncatedFootLengthMm'], message: 'Truncated foot length must be shorter than foot length' }])
  })

  it('refuses an arch height index outside 0.200–0.500 next to the arch height, naming the two numbers, and writes nothing', async () => {
    // 39.8 / 200.0 = 0.199 (left) and 100.2 / 200.0 = 0.501 (right): refused, with or without the method in the call.
    const feet = { left: { footLengthMm: 260, truncatedFootLengthMm: 200, archHeightMm: 39.8 }, right: { footLengthMm: 260, truncatedFootLengthMm: 200, archHeightMm: 100.2 } }
    const expected = [
      { path: ['left', 'archHeightMm'], message: 'Arch height index 0.199 is outside 0.200–0.500: check the arch height (39.8 mm) and the truncated foot length (200.0 mm)' },
      { path: ['right', 'archHeightMm'], message: 'Arch height index 0.501 is outside 0.200–0.500: check the arch height (100.2 mm) and the truncated foot length (200.0 mm)' },
    ]
    const checkedBySchema = await expectApiError(clinic.call('visits.record', { ...visitInput(patientId, therapistId, feet), archHeightMethod: 'dorsal_50' }))
    expect(checkedBySchema.issues).toEqual(expected)
    const checkedByService = await expectApiError(clinic.call('visits.record', visitInput(patientId, therapistId, feet)))
    expect(checkedByService.issues).toEqual(expected)
    expect(await count('visits')).toBe(0)
    // The edges themselves: 40.0 / 200.0 = 0.200 and 100.0 / 200.0 = 0.500 are saved.
    const edges = await clinic.call('visits.record', visitInput(patientId, therapistId, { left: { ...feet.left, archHeightMm: 40 }, right: { ...feet.right, archHeightMm: 100 } }))
    expect([edges.left?.archHeightMm, edges.right?.archHeightMm]).toEqual([40, 100])
    // Navicular height has no index: the same numbers are fine for a navicular clinic.
    await clinic.call('settings.update', { ...(await clinic.call('settings.get', {})), archHeightMethod: 'navicular_standing' })
    const navicular = await clinic.call('visits.record', { ...visitInput(patientId, therapistId, feet), archHeightMethod: 'navicular_standing' })
    expect(navicular.left?.archHeightMm).toBe(39.8)
  })

  it('refuses dates in the future or before birth', async () => {
    const future = await expectApiError(clinic.call('visits.record', visitInput(patientId, therapistId, { visitDate: '2026-06-16' })))
    expect(future.issues).toEqual([{ path: ['visitDate'], message: 'Visit date cannot be in the future' }])
    const early = await expectApiError(clinic.call('visits.record', visitInput(patientId, therapistId, { visitDate: '1979-01-01' })))
    expect(early.issues).toEqual([{ path: ['visitDate'], message: 'Visit date cannot be before the date of birth' }])
  })

  it('refuses an empty visit', async () => {
    const e = await expectApiError(clinic.call('visits.record', { patientId, therapistId, visitDate: '2026-02-01', kind: 'follow_up' }))
    expect(e.issues[0]!.message).toBe('Enter a foot length, an arch height or a pain score: a truncated foot length alone is not a visit')
  })

  it('refuses a truncated foot length alone (or headache days alone) as a visit', async () => {
    const truncated = await expectApiError(
      clinic.call('visits.record', { patientId, therapistId, visitDate: '2026-02-01', kind: 'baseline', left: { truncatedFootLengthMm: 180 } }),
    )
    expect(truncated.issues).toEqual([{ path: ['left'], message: 'Enter a foot length, an arch height or a pain score: a truncated foot length alone is not a visit' }])
    await expectApiError(clinic.call('visits.record', { patientId, therapistId, visitDate: '2026-02-01', kind: 'baseline', headacheDays: 3 }))
    expect(await count('visits')).toBe(0)
    // One pain score is a visit.
    await clinic.call('visits.record', { patientId, therapistId, visitDate: '2026-02-01', kind: 'baseline', symptoms: { knee: 2 } })
    expect(await count('visits')).toBe(1)
  })

  it('refuses a follow-up or review dated before the baseline, next to the date', async () => {
    await clinic.call('visits.record', visitInput(patientId, therapistId, { visitDate: '2026-03-01' }))
    const e = await expectApiError(clinic.call('visits.record', visitInput(patientId, therapistId, { visitDate: '2026-02-20', kind: 'follow_up' })))
    expect(e.issues).toEqual([
      { path: ['visitDate'], message: 'Follow-up cannot be dated before the baseline of 1 Mar 2026: correct the date, or record this visit as the baseline' },
    ])
    // Recorded as the baseline instead, it is accepted; so is a follow-up on the baseline's day.
    await clinic.call('visits.record', visitInput(patientId, therapistId, { visitDate: '2026-02-20', kind: 'baseline' }))
    await clinic.call('visits.record', visitInput(patientId, therapistId, { visitDate: '2026-02-20', kind: 'follow_up' }))
    expect(await count('visits')).toBe(3)
  })

  it('answers not_found for unknown patient or inactive therapist, writing nothing', async () => {
    expect((await expectApiError(clinic.call('visits.record', visitInput(999, therapistId)))).issues[0]!.path).toEqual(['patientId'])
    const other = await seedTherapist(clinic, 'Piotr Zieliński')
    await clinic.call('users.deactivate', { version: await clinic.versionOf('therapists', other.id), id: other.id })
    const e = await expectApiError(clinic.call('visits.record', visitInput(patientId, other.id)))
    expect([e.code, e.issues[0]!.path]).toEqual(['not_found', ['therapistId']])
    expect(await count('visits')).toBe(0)
  })

  it('keeps the method each value was taken with when the clinic changes method', async () => {
    await clinic.call('visits.record', visitInput(patientId, therapistId))
    const settings = await clinic.call('settings.get', {})
    await clinic.call('settings.update', { ...settings, archHeightMethod: 'navicular_standing' })
    await clinic.call('visits.record', visitInput(patientId, therapistId, { visitDate: '2026-03-01', kind: 'follow_up', left: { archHeightMm: 38 } }))
    const [first, second] = await clinic.call('visits.list', { patientId })
    expect([first!.left!.archHeightMethod, second!.left!.archHeightMethod]).toEqual(['dorsal_50', 'navicular_standing'])
  })

  it('refuses an arch height sent under a method that is no longer the clinic\'s, asking to reload (a page opened before the switch)', async () => {
    const settings = await clinic.call('settings.get', {})
    await clinic.call('settings.update', { ...settings, archHeightMethod: 'navicular_standing' })
    const e = await expectApiError(clinic.call('visits.record', visitInput(patientId, therapistId, { archHeightMethod: 'dorsal_50' })))
    expect(e.code).toBe('conflict')
    expect(e.message).toBe(
      'The clinic now measures arch height as “Navicular height, standing”, but this page still showed “Dorsal arch height at 50 % of foot length”. Nothing was saved: reload the page and enter the visit again.',
    )
    expect(await count('visits')).toBe(0)
    const saved = await clinic.call('visits.record', visitInput(patientId, therapistId, { archHeightMethod: 'navicular_standing' }))
    expect(saved.left!.archHeightMethod).toBe('navicular_standing')
  })

  it('a correction keeps the method the values were taken with, after the clinic switched', async () => {
    const v = await clinic.call('visits.record', visitInput(patientId, therapistId, { archHeightMethod: 'dorsal_50' }))
    const settings = await clinic.call('settings.get', {})
    await clinic.call('settings.update', { ...settings, archHeightMethod: 'navicular_standing' })
    const { patientId: _p, ...fields } = visitInput(patientId, therapistId, { archHeightMethod: 'dorsal_50', notes: 'Typo fixed' })
    const fixed = await clinic.call('visits.correct', { version: await clinic.versionOf('visits', v.id), ...fields, visitId: v.id, reason: 'Typo' })
    expect(fixed.left!.archHeightMethod).toBe('dorsal_50')
  })
})

describe('visits.correct', () => {
  it('changes the values, marks the visit corrected and keeps the old values with the reason', async () => {
    const v = await clinic.call('visits.record', visitInput(patientId, therapistId), therapistId)
    const { patientId: _p, ...fields } = visitInput(patientId, therapistId, { left: { footLengthMm: 249, archHeightMm: 60 } })
    const fixed = await clinic.call('visits.correct', { version: await clinic.versionOf('visits', v.id), ...fields, visitId: v.id, reason: 'Typo: 249 not 250' }, therapistId)
    expect(fixed).toMatchObject({ corrected: true, left: { footLengthMm: 249 } })
    const [entry] = await clinic.call('audit.forPatient', { patientId })
    expect(entry).toMatchObject({ action: 'correct', entity: 'visit', entityId: v.id, reason: 'Typo: 249 not 250', therapistName: 'Anna Nowak' })
    expect((entry!.before as { left: { footLengthMm: number } }).left.footLengthMm).toBe(250)
    expect((entry!.after as { left: { footLengthMm: number } }).left.footLengthMm).toBe(249)
  })

  it('needs a reason', async () => {
    const v = await clinic.call('visits.record', visitInput(patientId, therapistId))
    const { patientId: _p, ...fields } = visitInput(patientId, therapistId)
    const e = await expectApiError(clinic.call('visits.correct', { version: await clinic.versionOf('visits', v.id), ...fields, visitId: v.id, reason: ' ' }))
    expect(e.issues).toEqual([{ path: ['reason'], message: 'Say why the visit is corrected' }])
  })

  it('answers not_found for an unknown visit', async () => {
    const { patientId: _p, ...fields } = visitInput(patientId, therapistId)
    const e = await expectApiError(clinic.call('visits.correct', { version: await clinic.versionOf('visits', 4242), ...fields, visitId: 4242, reason: 'x' }))
    expect([e.code, e.issues[0]!.path]).toEqual(['not_found', ['visitId']])
  })
})

describe('visits.void and visits.restore', () => {
  it('voids a visit with a reason: hidden from the list, the search and reports, kept in the audit, restorable', async () => {
    const baseline = await clinic.call('visits.record', visitInput(patientId, therapistId, { visitDate: '2026-02-01' }))
    const wrong = await clinic.call('visits.record', visitInput(patientId, therapistId, { visitDate: '2026-03-01', kind: 'follow_up' }))
    const voided = await clinic.call('visits.void', { visitId: wrong.id, version: wrong.version, reason: 'Entered for the wrong patient' })
    expect(voided.voided).toMatchObject({ byId: therapistId, byName: 'Anna Nowak', reason: 'Entered for the wrong patient' })
    expect((await clinic.call('visits.list', { patientId })).map((v) => v.id)).toEqual([baseline.id])
    expect((await clinic.call('visits.list', { patientId, includeVoided: true })).map((v) => v.id)).toEqual([baseline.id, wrong.id])
    expect((await clinic.call('patients.search', { query: 'obrien' })).items[0]!.lastVisitDate).toBe('2026-02-01')
    // A report needs a visit after the baseline: the voided one does not count.
    expect((await expectApiError(clinic.call('documents.progressReport', { patientId }))).code).toBe('conflict')

    const trail = await clinic.call('audit.forPatient', { patientId })
    expect(trail.find((e) => e.action === 'void')).toMatchObject({ entity: 'visit', entityId: wrong.id, reason: 'Entered for the wrong patient' })

    // A stale page cannot restore (version check), the current one can.
    const stale = await expectApiError(clinic.call('visits.restore', { visitId: wrong.id, version: wrong.version }))
    expect(stale.code).toBe('conflict')
    const restored = await clinic.call('visits.restore', { visitId: wrong.id, version: voided.version })
    expect(restored.voided).toBeNull()
    expect((await clinic.call('visits.list', { patientId })).map((v) => v.id)).toEqual([baseline.id, wrong.id])
    expect((await clinic.call('audit.forPatient', { patientId })).some((e) => e.action === 'restore' && e.entityId === wrong.id)).toBe(true)
  })

  it('needs a reason, and lets only the person who entered the visit void it', async () => {
    const v = await clinic.call('visits.record', visitInput(patientId, therapistId))
    const noReason = await expectApiError(clinic.call('visits.void', { visitId: v.id, version: v.version, reason: ' ' }))
    expect(noReason.issues).toEqual([{ path: ['reason'], message: 'Say why the visit is voided' }])
    const other = await seedTherapist(clinic, 'Piotr Zieliński')
    const refused = await expectApiError(clinic.call('visits.void', { visitId: v.id, version: v.version, reason: 'Duplicate' }, other.id))
    expect(refused).toMatchObject({ code: 'unauthorized', message: 'Only the person who entered this visit (or an administrator) can void or restore it' })
    expect((await clinic.call('visits.list', { patientId })).map((x) => x.id)).toEqual([v.id])
  })

  it('refuses to correct a voided visit', async () => {
    const v = await clinic.call('visits.record', visitInput(patientId, therapistId))
    const voided = await clinic.call('visits.void', { visitId: v.id, version: v.version, reason: 'Duplicate' })
    const { patientId: _p, ...fields } = visitInput(patientId, therapistId)
    const e = await expectApiError(clinic.call('visits.correct', { ...fields, visitId: v.id, version: voided.version, reason: 'typo' }))
    expect(e).toMatchObject({ code: 'conflict', message: 'This visit is voided; restore it before correcting it' })
  })
})

describe('visits.list', () => {
  it('returns visits oldest first with their feet', async () => {
    await clinic.call('visits.record', visitInput(patientId, therapistId, { visitDate: '2026-05-01', kind: 'review' }))
    await clinic.call('visits.record', visitInput(patientId, therapistId, { visitDate: '2026-01-10' }))
    const list = await clinic.call('visits.list', { patientId })
    expect(list.map((v) => [v.visitDate, v.kind])).toEqual([
      ['2026-01-10', 'baseline'],
      ['2026-05-01', 'review'],
    ])
  })
})
