// The router: every contract method answers, errors come back as data with a stable code.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { METHOD_NAMES } from '@shared/api'
import { dispatch } from '../../../src-main/core/api/router'
import { FIXED_NOW, openTestClinic, type TestClinic } from '../../support/db'

let clinic: TestClinic
beforeEach(async () => {
  clinic = await openTestClinic()
})
afterEach(async () => clinic.close())

const core = () => ({ db: clinic.database.db, now: () => FIXED_NOW })

describe('dispatch', () => {
  it('answers every contract method with data, never a throw', async () => {
    for (const method of METHOD_NAMES) {
      const r = await dispatch(core(), method, {}, null)
      // Empty input is either valid (lists) or a typed answer; never an unexpected failure.
      if (!r.ok) expect(r.error.code, method).not.toBe('internal')
    }
  })

  it('refuses an unknown method', async () => {
    expect(await dispatch(core(), 'patients.drop', {}, null)).toEqual({ ok: false, error: { code: 'not_found', message: 'Unknown method patients.drop' } })
  })

  it('refuses every call that needs a session when there is none, a made-up one or a signed-out one, writing nothing', async () => {
    const patient = { firstName: 'A', lastName: 'B', dateOfBirth: '1990-01-01' }
    for (const token of [null, 77, 'x'.repeat(43), { actorId: 1 }]) {
      expect(await dispatch(core(), 'patients.create', patient, token)).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Sign in to continue', issues: [{ path: ['session'], message: 'Sign in to continue' }] } })
    }
    const admin = await clinic.call('users.create', { displayName: 'Anna Nowak' })
    const token = await clinic.sessionFor(admin.id)
    expect((await dispatch(core(), 'session.signOut', {}, token)).ok).toBe(true)
    expect(await dispatch(core(), 'patients.create', patient, token)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(await clinic.count('patients')).toBe(0)
  })

  it('answers unexpected failures in one plain sentence and logs no input', async () => {
    const writes: string[] = []
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk))
      return true
    })
    const admin = await clinic.call('users.create', { displayName: 'Anna Nowak' })
    const token = await clinic.sessionFor(admin.id)
    // The session is looked up (and its activity noted) on the clinic; then the service finds its database closed.
    const closed = await openTestClinic()
    await closed.database.close()
    let uses = 0
    const broken = { now: () => FIXED_NOW, get db() { return uses++ < 2 ? clinic.database.db : closed.database.db } }
    const r = await dispatch(broken, 'patients.search', { query: 'Secretname' }, token)
    spy.mockRestore()
    expect(r).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong while saving or loading. Nothing was changed; please try again.' },
    })
    expect(writes.join('')).toContain('patients.search')
    expect(writes.join('')).not.toContain('Secretname')
    closed.close = async () => undefined
  })
})
