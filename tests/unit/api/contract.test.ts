// The router: every contract method answers, errors come back as data with a stable code.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { METHOD_NAMES } from '@shared/api'
import { dispatch } from '../../../src-main/core/api/router'
import { openTestClinic, type TestClinic } from '../../support/db'

let clinic: TestClinic
beforeEach(async () => {
  clinic = await openTestClinic()
})
afterEach(async () => clinic.close())

const core = () => ({ db: clinic.database.db })

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

  it('refuses changes by an unknown or inactive therapist', async () => {
    const r = await dispatch(core(), 'patients.create', { firstName: 'A', lastName: 'B', dateOfBirth: '1990-01-01' }, 77)
    expect(r).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'Choose who is working before making changes' } })
    const r2 = await dispatch(core(), 'patients.create', { firstName: 'A', lastName: 'B', dateOfBirth: '1990-01-01' }, '1')
    expect(r2).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  })

  it('refuses a change to clinical data while nobody is chosen as working, writing nothing', async () => {
    const r = await dispatch(core(), 'patients.create', { firstName: 'Anna', lastName: 'Nowak', dateOfBirth: '1990-01-01' }, null)
    expect(r).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Choose who is working before making changes' } })
    expect(await clinic.count('patients')).toBe(0)
    // Clinic setup is allowed, so a fresh install can add its first therapist.
    expect((await dispatch(core(), 'therapists.create', { displayName: 'Anna Nowak' }, null)).ok).toBe(true)
  })

  it('answers unexpected failures in one plain sentence and logs no input', async () => {
    const writes: string[] = []
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk))
      return true
    })
    await clinic.database.close()
    const r = await dispatch(core(), 'patients.search', { query: 'Secretname' }, null)
    spy.mockRestore()
    expect(r).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong while saving or loading. Nothing was changed; please try again.' },
    })
    expect(writes.join('')).toContain('patients.search')
    expect(writes.join('')).not.toContain('Secretname')
    // Reopen so afterEach can close cleanly.
    clinic = await openTestClinic()
  })
})
