// The role × method matrix, derived from the permission table itself: every contract method is
// tried by every role (and by nobody, an ended session, an expired one and a deactivated user) and
// is either allowed or answered `unauthorized`. A method added without a rule fails to compile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { METHOD_NAMES, type MethodName } from '@shared/api'
import { USER_ROLES, type UserRole } from '@shared/domain/user'
import { dispatch } from '../../../src-main/core/api/router'
import { PERMISSIONS } from '../../../src-main/core/auth/permissions'
import { FIXED_NOW, openTestClinic, openTestSession, type TestClinic } from '../../support/db'

let clinic: TestClinic
const users: Partial<Record<UserRole, number>> = {}
let deactivated: number
beforeAll(async () => {
  clinic = await openTestClinic()
  users.administrator = (await clinic.call('users.create', { displayName: 'Ada Admin' })).id
  users.therapist = (await clinic.call('users.create', { displayName: 'Tom Therapist', role: 'therapist' })).id
  users.reception = (await clinic.call('users.create', { displayName: 'Rita Reception', role: 'reception' })).id
  deactivated = (await clinic.call('users.create', { displayName: 'Gone Administrator', role: 'administrator' })).id
  await clinic.call('users.deactivate', { id: deactivated, version: await clinic.versionOf('therapists', deactivated) })
})
afterAll(async () => clinic.close())

const core = () => ({ db: clinic.database.db, now: () => FIXED_NOW })

/** What a role may do by the table (`anyone`/`signedIn` methods: every role). */
const allowed = (method: MethodName, role: UserRole) => {
  const rule = PERMISSIONS[method]
  return rule === 'anyone' || rule === 'signedIn' || rule.includes(role)
}

/** The answer's code for `method` with an empty input: `unauthorized` or anything else (allowed through). */
async function codeFor(method: MethodName, session: string | null): Promise<string> {
  const r = await dispatch(core(), method, {}, session)
  return r.ok ? 'ok' : r.error.code
}

describe('the permission table', () => {
  it('has a rule for every contract method, and nothing else', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...METHOD_NAMES].sort())
  })

  for (const role of USER_ROLES) {
    it(`${role}: each method allowed or refused as the table says`, async () => {
      const wrong: string[] = []
      for (const method of METHOD_NAMES) {
        // A fresh session per call: signing out or locking must not change the next answer.
        const code = await codeFor(method, await openTestSession(clinic.database.db, users[role]!))
        if (allowed(method, role) === (code === 'unauthorized')) wrong.push(`${method}: ${code}`)
      }
      expect(wrong).toEqual([])
    })
  }

  it('without a session, with an ended, expired or deactivated user’s session: only the `anyone` methods answer', async () => {
    const ended = await openTestSession(clinic.database.db, users.therapist!)
    await dispatch(core(), 'session.signOut', {}, ended)
    const expired = await openTestSession(clinic.database.db, users.administrator!, new Date(FIXED_NOW.getTime() - 13 * 3_600_000))
    const ofDeactivated = await openTestSession(clinic.database.db, deactivated)
    for (const [label, session] of [['none', null], ['ended', ended], ['expired', expired], ['deactivated user', ofDeactivated]] as const) {
      const wrong: string[] = []
      for (const method of METHOD_NAMES) {
        const code = await codeFor(method, session)
        if ((PERMISSIONS[method] === 'anyone') === (code === 'unauthorized')) wrong.push(`${method}: ${code}`)
      }
      expect(wrong, label).toEqual([])
    }
  })

  it('a locked session may only unlock or sign out (everything else answers `locked`)', async () => {
    const wrong: string[] = []
    for (const method of METHOD_NAMES) {
      const session = await openTestSession(clinic.database.db, users.administrator!)
      await dispatch(core(), 'session.lock', {}, session)
      const code = await codeFor(method, session)
      const rule = PERMISSIONS[method]
      const expected = rule === 'anyone' || rule === 'signedIn' ? 'not locked' : 'locked'
      if ((code === 'locked') !== (expected === 'locked')) wrong.push(`${method}: ${code}`)
    }
    expect(wrong).toEqual([])
  })

  it('reception: contact details yes, notes and measurements never', async () => {
    const rita = await openTestSession(clinic.database.db, users.reception!)
    const created = await dispatch(core(), 'patients.create', { firstName: 'Olena', lastName: 'Kovalenko', dateOfBirth: '1984-03-09', phone: '+380 44 000 0000' }, rita)
    expect(created.ok).toBe(true)
    const id = (created as { value: { id: number } }).value.id
    const contact = await dispatch(core(), 'patients.contact', { id }, rita)
    expect(contact).toMatchObject({ ok: true, value: { firstName: 'Olena', phone: '+380 44 000 0000' } })
    expect(JSON.stringify(contact)).not.toContain('notes')
    expect(await dispatch(core(), 'patients.get', { id }, rita)).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'Your role (Reception) does not allow this' } })
    expect(await dispatch(core(), 'visits.list', { patientId: id }, rita)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(await dispatch(core(), 'documents.progressReport', { patientId: id }, rita)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(await dispatch(core(), 'audit.forPatient', { patientId: id }, rita)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    // A new patient's notes are the therapist's to write.
    const withNotes = await dispatch(core(), 'patients.create', { firstName: 'Ivan', lastName: 'Petrenko', dateOfBirth: '1990-01-01', notes: 'Heel pain' }, rita)
    expect(withNotes).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    // Contact details change; what the therapist wrote stays.
    const tom = await openTestSession(clinic.database.db, users.therapist!)
    const notes = await dispatch(core(), 'patients.update', { id, version: 1, firstName: 'Olena', lastName: 'Kovalenko', dateOfBirth: '1984-03-09', sex: 'female', phone: '+380 44 000 0000', notes: 'Heel pain, mornings', complaints: ['plantar_heel_pain'] }, tom)
    expect(notes.ok).toBe(true)
    const now = (await dispatch(core(), 'patients.contact', { id }, rita)) as { ok: true; value: { version: number } }
    const changed = await dispatch(core(), 'patients.updateContact', { id, version: now.value.version, firstName: 'Olena', lastName: 'Kovalenko', dateOfBirth: '1984-03-09', sex: 'female', phone: '+380 44 111 2233', email: null }, rita)
    expect(changed).toMatchObject({ ok: true, value: { phone: '+380 44 111 2233' } })
    const after = (await dispatch(core(), 'patients.get', { id }, tom)) as { ok: true; value: { notes: string; complaints: string[]; phone: string } }
    expect([after.value.notes, after.value.complaints, after.value.phone]).toEqual(['Heel pain, mornings', ['plantar_heel_pain'], '+380 44 111 2233'])
  })
})
