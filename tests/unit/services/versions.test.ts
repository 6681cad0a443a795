// No lost updates: a change based on an old version of a record is refused with who changed it and
// when; saved again on the new version it keeps both people's changes. Also under a race.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Patient } from '../../../src-shared/domain/patient'
import { expectApiError, openTestClinic, type TestClinic } from '../../support/db'

let clinic: TestClinic
let reception: number
let therapist: number
beforeEach(async () => {
  clinic = await openTestClinic()
  reception = (await clinic.call('users.create', { displayName: 'Ola Recepcja' })).id
  // Two administrators: each may change the clinic's settings and its users.
  therapist = (await clinic.call('users.create', { displayName: 'Anna Nowak', role: 'administrator' })).id
})
afterEach(async () => clinic.close())

const fields = (p: Patient) => ({ id: p.id, version: p.version, firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dateOfBirth, sex: p.sex, phone: p.phone, email: p.email, complaints: p.complaints, notes: p.notes })
const STALE = /^Ola Recepcja changed this patient at \d\d:\d\d while you were editing\. Your changes are still in the form; review theirs and save again\.$/

describe('row versions', () => {
  it('refuses a patient change based on an old version, naming who changed it and when; saved on the new version both changes stay', async () => {
    const opened = await clinic.call('patients.create', { firstName: 'Olena', lastName: 'Kovalenko', dateOfBirth: '1984-03-09', phone: '+380 44 000 0000' }, reception)
    expect(opened.version).toBe(1)
    // Both open the same patient; reception fixes the phone first.
    const fixed = await clinic.call('patients.update', { ...fields(opened), phone: '+380 44 111 1111' }, reception)
    expect(fixed.version).toBe(2)
    // The therapist's notes, based on version 1, are refused and nothing of them is saved.
    const e = await expectApiError(clinic.call('patients.update', { ...fields(opened), notes: 'Heel pain mornings' }, therapist))
    expect(e.code).toBe('conflict')
    expect(e.message).toMatch(STALE)
    expect((await clinic.call('patients.get', { id: opened.id })).notes).toBe('')
    // Reviewed and saved on version 2 (the page keeps their phone, since the therapist did not touch it).
    const both = await clinic.call('patients.update', { ...fields(fixed), notes: 'Heel pain mornings' }, therapist)
    expect([both.phone, both.notes, both.version]).toEqual(['+380 44 111 1111', 'Heel pain mornings', 3])
    const trail = await clinic.call('audit.forPatient', { patientId: opened.id })
    expect(trail.filter((a) => a.action === 'update').map((a) => a.therapistName)).toEqual(['Anna Nowak', 'Ola Recepcja'])
  })

  it('lets exactly one of two workstations save on the same version (200 rounds, in parallel)', async () => {
    const a = await clinic.workstation()
    const b = await clinic.workstation()
    try {
      let ok = 0
      let conflicts = 0
      const p = await clinic.call('patients.create', { firstName: 'Jan', lastName: 'Kowal', dateOfBirth: '1970-01-01' }, reception)
      let base = p
      for (let round = 0; round < 200; round++) {
        const [x, y] = await Promise.all([
          a.dispatch('patients.update', { ...fields(base), notes: `A ${round}` }, reception),
          b.dispatch('patients.update', { ...fields(base), phone: `+48 ${String(100000 + round)}` }, therapist),
        ])
        for (const r of [x, y]) {
          if (r.ok) ok++
          else if (r.error.code === 'conflict') conflicts++
          else throw new Error(`round ${round}: ${r.error.code} ${r.error.message}`)
        }
        base = await clinic.call('patients.get', { id: p.id })
        expect(base.version, `round ${round}`).toBe(round + 2)
      }
      expect([ok, conflicts]).toEqual([200, 200])
    } finally {
      await a.close()
      await b.close()
    }
  }, 120_000)

  it('guards settings, a program’s dosage, a visit correction, a therapist and an exercise the same way', async () => {
    const settings = await clinic.call('settings.get', {})
    await clinic.call('settings.update', { ...settings, clinicName: 'Footcore Kyiv' }, reception)
    expect((await expectApiError(clinic.call('settings.update', { ...settings, reviewIntervalWeeks: 12 }, therapist))).message).toMatch(/^Ola Recepcja changed the clinic settings at \d\d:\d\d while you were editing/)

    const patient = await clinic.call('patients.create', { firstName: 'Olena', lastName: 'Kovalenko', dateOfBirth: '1984-03-09' }, reception)
    const exerciseId = (await clinic.call('exercises.list', {}))[0]!.id
    const program = await clinic.call('programs.assign', { patientId: patient.id, therapistId: therapist, startDate: '2026-06-01', items: [{ exerciseId, sets: 3, reps: 10 }] }, therapist)
    await clinic.call('programs.update', { programId: program.id, version: program.version, items: [{ exerciseId, sets: 3, reps: 12 }] }, reception)
    expect((await expectApiError(clinic.call('programs.update', { programId: program.id, version: program.version, items: [{ exerciseId, sets: 4, reps: 10 }] }, therapist))).message).toMatch(/^Ola Recepcja changed this program at/)
    expect((await expectApiError(clinic.call('programs.end', { programId: program.id, version: program.version, endDate: '2026-06-10' }, therapist))).code).toBe('conflict')

    const visit = await clinic.call('visits.record', { patientId: patient.id, therapistId: therapist, visitDate: '2026-06-01', kind: 'baseline', left: { footLengthMm: 250 }, right: null }, therapist)
    const correction = { visitId: visit.id, version: visit.version, therapistId: therapist, visitDate: '2026-06-01', kind: 'baseline' as const, left: { footLengthMm: 251 }, right: null, reason: 'Typo' }
    await clinic.call('visits.correct', correction, therapist)
    expect((await expectApiError(clinic.call('visits.correct', { ...correction, left: { footLengthMm: 252 } }, reception))).message).toMatch(/^Anna Nowak changed this visit at/)

    const t = (await clinic.call('therapists.list', {})).find((x) => x.id === reception)!
    await clinic.call('users.update', { id: t.id, version: t.version, displayName: 'Ola Recepcja-Nowak' }, therapist)
    expect((await expectApiError(clinic.call('users.deactivate', { id: t.id, version: t.version }, therapist))).code).toBe('conflict')
  })
})
