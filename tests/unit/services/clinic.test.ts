// Therapists and clinic settings.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/domain/settings'
import { expectApiError, openTestClinic, type TestClinic } from '../../support/db'

let clinic: TestClinic
beforeEach(async () => {
  clinic = await openTestClinic()
})
afterEach(async () => clinic.close())

describe('therapists', () => {
  it('creates, lists by name, renames and deactivates', async () => {
    const a = await clinic.call('users.create', { displayName: 'Anna Nowak' })
    const b = await clinic.call('users.create', { displayName: 'Piotr Zieliński', credentials: 'MSc PT' })
    expect((await clinic.call('therapists.list', {})).map((t) => t.displayName)).toEqual(['Anna Nowak', 'Piotr Zieliński'])
    await clinic.call('users.update', { version: await clinic.versionOf('therapists', a.id), id: a.id, displayName: 'Anna Nowak-Kowalska' })
    await clinic.call('users.deactivate', { version: await clinic.versionOf('therapists', b.id), id: b.id })
    expect((await clinic.call('therapists.list', {})).map((t) => t.displayName)).toEqual(['Anna Nowak-Kowalska'])
    expect((await clinic.call('therapists.list', { includeInactive: true })).find((t) => t.id === b.id)?.active).toBe(false)
    await clinic.call('users.reactivate', { version: await clinic.versionOf('therapists', b.id), id: b.id })
    expect((await clinic.call('therapists.list', {})).length).toBe(2)
  })

  it('keeps at least one administrator active', async () => {
    const a = await clinic.call('users.create', { displayName: 'Anna Nowak' })
    const e = await expectApiError(clinic.call('users.deactivate', { version: await clinic.versionOf('therapists', a.id), id: a.id }))
    expect([e.code, e.message]).toEqual(['conflict', 'At least one administrator must stay active: make someone else an administrator first'])
  })
})

describe('settings', () => {
  it('starts with CLINICAL.md defaults', async () => {
    expect(await clinic.call('settings.get', {})).toEqual(DEFAULT_SETTINGS)
  })

  it('saves every field and records the change', async () => {
    const next = {
      ...DEFAULT_SETTINGS,
      clinicName: 'Fizjo Łódź',
      address: 'ul. Piotrkowska 1\n90-001 Łódź',
      phone: '+48 42 000 00 00',
      email: 'kontakt@fizjo.example',
      pageSize: 'Letter' as const,
      smcArchHeightMm: 1.5,
      reviewIntervalWeeks: 12,
    }
    expect(await clinic.call('settings.update', next)).toEqual({ ...next, version: next.version + 1 })
    expect(await clinic.count('audit_log', "entity = 'settings'")).toBe(1)
  })

  it('starts with 3 mm arch height, 2 mm foot length, 4 mm navicular drop and 0.025 for the index', async () => {
    expect(await clinic.call('settings.get', {})).toMatchObject({ smcArchHeightMm: 3, smcFootLengthMm: 2, smcNavicularDropMm: 4, smcArchHeightIndex: 0.025 })
  })

  it('accepts one decimal for millimetres and three for the index, and refuses more next to the field', async () => {
    const e = await expectApiError(clinic.call('settings.update', { ...DEFAULT_SETTINGS, smcArchHeightMm: 2.24, smcArchHeightIndex: 0.0255 }))
    expect(e.issues).toEqual([
      { path: ['smcArchHeightMm'], message: 'Smallest meaningful change for arch height can have at most one decimal (e.g. 2.5)' },
      { path: ['smcArchHeightIndex'], message: 'Smallest meaningful change for the arch height index can have at most three decimals (e.g. 0.025)' },
    ])
    const saved = await clinic.call('settings.update', { ...DEFAULT_SETTINGS, smcArchHeightMm: 2.2, smcArchHeightIndex: 0.03 })
    expect([saved.smcArchHeightMm, saved.smcArchHeightIndex]).toEqual([2.2, 0.03])
    const range = await expectApiError(clinic.call('settings.update', { ...DEFAULT_SETTINGS, smcArchHeightIndex: 0.2 }))
    expect(range.issues).toEqual([{ path: ['smcArchHeightIndex'], message: 'Smallest meaningful change for the arch height index must be between 0.005 and 0.100' }])
  })

  it('refuses out-of-range thresholds with a message naming them', async () => {
    const e = await expectApiError(clinic.call('settings.update', { ...DEFAULT_SETTINGS, smcFootLengthMm: 0, reviewIntervalWeeks: 60 }))
    expect(e.issues).toEqual([
      { path: ['smcFootLengthMm'], message: 'Smallest meaningful change for foot length must be between 0.5 and 10 mm' },
      { path: ['reviewIntervalWeeks'], message: 'Review interval must be between 2 and 52 weeks' },
    ])
  })
})
