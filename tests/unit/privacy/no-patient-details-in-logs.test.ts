// Failing calls answer and log without patient details: no names, dates of birth, phone or notes
// in error messages, in the log on stderr, or on the console.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiResult } from '@shared/domain/errors'
import { dispatch } from '../../../src-main/core/api/router'
import { trustedHandler } from '../../../src-main/electron/ipc'
import { openPrivacyClinic, SECRET, type PrivacyClinic } from './fixtures'

const SECRETS = [SECRET.firstName, SECRET.lastName, 'Quackenbush', SECRET.dateOfBirth, SECRET.phone, '900462', SECRET.email, 'Reykjavik']

let pc: PrivacyClinic
let captured: string[]
let savedLogSetting: string | undefined
beforeEach(async () => {
  pc = await openPrivacyClinic()
  captured = []
  savedLogSetting = process.env.FOOTCORE_LOG
  delete process.env.FOOTCORE_LOG
  const keep = (chunk: unknown) => {
    captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'))
    return true
  }
  vi.spyOn(process.stderr, 'write').mockImplementation(keep)
  vi.spyOn(process.stdout, 'write').mockImplementation(keep)
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => keep(args.map(String).join(' ')))
})
afterEach(async () => {
  vi.restoreAllMocks()
  if (savedLogSetting === undefined) delete process.env.FOOTCORE_LOG
  else process.env.FOOTCORE_LOG = savedLogSetting
  await pc.clinic.close()
})

const core = () => ({ db: pc.clinic.database.db, now: () => new Date('2026-06-15T10:00:00Z') })
const details = { ...SECRET, sex: 'female' as const, complaints: [] }

function expectClean(result: ApiResult<unknown>, label: string): void {
  expect(result.ok, label).toBe(false)
  const text = JSON.stringify(result)
  for (const s of SECRETS) expect(text.includes(s), `${label} answer holds ${s}`).toBe(false)
}

describe('failing calls keep patient details out of answers and logs', () => {
  it('for refused input, conflicts and unknown records', async () => {
    const t = pc.therapistId
    const session = await pc.clinic.sessionFor(t)
    const calls: [string, string, unknown][] = [
      ['duplicate patient', 'patients.create', details],
      ['birth date in the future', 'patients.create', { ...details, firstName: 'Another', dateOfBirth: '2099-01-01' }],
      ['name as a number', 'patients.create', { ...details, lastName: 19610723 }],
      ['name far too long', 'patients.create', { ...details, lastName: SECRET.lastName.repeat(1000) }],
      ['control characters in notes', 'patients.update', { id: pc.patientId, version: await pc.clinic.versionOf('patients', pc.patientId), ...details, notes: `${SECRET.notes}\u0007` }],
      ['unknown patient', 'patients.update', { id: 9999, version: 1, ...details }],
      ['visit before birth', 'visits.record', { patientId: pc.patientId, therapistId: t, visitDate: '1950-01-01', kind: 'baseline', left: { footLengthMm: 250, archHeightMm: 20 }, notes: SECRET.notes }],
      ['erase with a wrong name', 'patients.erase', { id: pc.patientId, confirmLastName: `${SECRET.lastName}x` }],
      ['search with a bad page', 'patients.search', { query: SECRET.lastName, page: -1 }],
      ['export of an unknown id', 'patients.export', { id: 4242 }],
    ]
    for (const [label, method, input] of calls) expectClean(await dispatch(core(), method, input, session), label)
    await dispatch(core(), 'patients.archive', { id: pc.patientId, version: await pc.clinic.versionOf('patients', pc.patientId), archived: true }, session)
    expectClean(await dispatch(core(), 'visits.record', { patientId: pc.patientId, therapistId: t, visitDate: '2026-06-01', kind: 'follow_up', left: { footLengthMm: 250, archHeightMm: 20 } }, session), 'visit for an archived patient')
    const log = captured.join('')
    for (const s of SECRETS) expect(log.includes(s), `log holds ${s}`).toBe(false)
  })

  it('for unexpected failures, which are logged (method and error only)', async () => {
    // A broken database: every call fails inside the service and is logged.
    await pc.clinic.database.db.schema.alterTable('audit_log').renameTo('audit_log_gone').execute()
    const t = pc.therapistId
    const session = await pc.clinic.sessionFor(t)
    const failing: [string, unknown][] = [
      ['patients.update', { id: pc.patientId, version: await pc.clinic.versionOf('patients', pc.patientId), ...details, phone: '+44 7700 900999' }],
      ['patients.create', { ...details, firstName: 'Another' }],
      ['visits.record', { patientId: pc.patientId, therapistId: t, visitDate: '2026-06-01', kind: 'follow_up', left: { footLengthMm: 250, archHeightMm: 20 }, notes: SECRET.notes }],
      ['patients.erase', { id: pc.patientId, confirmLastName: SECRET.lastName }],
      ['patients.export', { id: pc.patientId }],
    ]
    for (const [method, input] of failing) {
      const r = await dispatch(core(), method, input, session)
      expectClean(r, method)
      expect(r).toMatchObject({ ok: false, error: { code: 'internal' } })
    }
    const log = captured.join('')
    expect(log).toContain('api call failed')
    expect(log).toContain('patients.erase')
    for (const s of SECRETS) expect(log.includes(s), `log holds ${s}`).toBe(false)
  })

  it('for IPC calls from a foreign frame', async () => {
    const handler = trustedHandler('api:patients.create', undefined, async () => ({ ok: true as const, value: 1 }))
    const r = await handler({ senderFrame: { url: `https://evil.example/?name=${SECRET.lastName}`, parent: null } })
    expectClean(r as ApiResult<unknown>, 'foreign frame')
    const log = captured.join('')
    expect(log).toContain('ipc call refused')
    for (const s of SECRETS) expect(log.includes(s), `log holds ${s}`).toBe(false)
  })
})
