// Restore: pages opened before it are refused, it is recorded in the audit, the page is told what
// will be set aside, and a failure at any step leaves the clinic on the file it was using.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BackupInfo, RestorePreview, RestoreResult } from '@shared/domain/backup'
import { dispatch } from '../../../src-main/core/api/router'
import { asAdministrator, firstAdministrator } from '../../support/sessions'
import { openTestSession } from '../../support/db'
import { AppState } from '../../../src-main/core/app-state'
import { RESTORE_STEPS, type RestoreStep } from '../../../src-main/core/db/backup'

process.env.FOOTCORE_LOG = 'silent'
process.env.TZ = 'UTC'

let dir: string
let file: string
let clock: Date
let state: AppState
let failAt: RestoreStep | null
let therapistId: number
/** The administrator's session (backups and restore are theirs). */
let token: string | null

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'footcore-restore-'))
  file = join(dir, 'footcore.sqlite')
  clock = new Date('2026-06-15T10:00:00Z')
  failAt = null
  state = await AppState.open(
    file,
    {
      beforeRestoreStep: (step) => {
        if (step === failAt) throw new Error(`disk said no at ${step}`)
      },
    },
    () => clock,
  )
  const first = await firstAdministrator(state)
  therapistId = first.id
  token = first.token
  admin.reset()
})
afterEach(async () => {
  await state.close()
  rmSync(dir, { recursive: true, force: true })
})

/** The administrator at the app: signs in again or unlocks when the test's clock moved on. */
const admin = asAdministrator(() => state)

/** A call as a page makes it: its session, and the database identity the page loaded from. */
async function call<T>(method: string, input: unknown = {}, page: { databaseId?: string | null; session?: string | null } = {}): Promise<T> {
  const r = page.session === undefined ? await admin.call(method, input, page.databaseId ?? null) : await dispatch(state, method, input, page.session, page.databaseId ?? null)
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code })
  return r.value as T
}

const addPatient = (lastName: string) => call<{ id: number }>('patients.create', { firstName: 'Anna', lastName, dateOfBirth: '1980-01-01' })
const addVisit = (patientId: number, page: { databaseId?: string | null } = {}) =>
  call<{ id: number }>('visits.record', { patientId, therapistId, visitDate: '2026-06-01', kind: 'baseline', left: { footLengthMm: 250, archHeightMm: 60 } }, page)
async function patientNames(): Promise<string[]> {
  const page = await call<{ items: { lastName: string }[] }>('patients.search', { includeArchived: true })
  return page.items.map((p) => p.lastName).sort()
}

describe('a page opened before a restore', () => {
  it('cannot write into the patient who got its ids after the restore; it is told to reload', async () => {
    await addPatient('Adams')
    const { name } = await call<BackupInfo>('backups.create')
    const b = await addPatient('Brown')
    // The second tab loaded Brown's record: it holds the identity of the database it came from.
    const oldPage = (await dispatch(state, 'patients.get', { id: b.id }, token, null)).databaseId!
    expect(oldPage).toMatch(/^[0-9a-f-]{36}$/)

    await call<RestoreResult>('backups.restore', { name })
    // Sessions the backup held (this one included) sign nobody in on the restored records.
    expect(await dispatch(state, 'patients.search', {}, token)).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'Sign in to continue' } })
    const c = await addPatient('Clark')
    expect(c.id).toBe(b.id)

    const refused = await dispatch(
      state,
      'visits.record',
      { patientId: b.id, therapistId, visitDate: '2026-06-01', kind: 'baseline', left: { footLengthMm: 250, archHeightMm: 60 } },
      token,
      oldPage,
    )
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'stale_page',
        message: 'The clinic records were restored from a backup after this page was opened, so nothing was saved. The page reloads to show the restored records.',
      },
    })
    expect(await call('visits.list', { patientId: c.id })).toEqual([])
    // Reloaded, the page has the new identity and works again.
    const fresh = refused.databaseId!
    expect(fresh).not.toBe(oldPage)
    await addVisit(c.id, { databaseId: fresh })
    expect(await call<unknown[]>('visits.list', { patientId: c.id })).toHaveLength(1)
  })
})

describe('restore from Settings', () => {
  it('is the administrator’s: nobody signed in and a therapist are refused', async () => {
    const { name } = await call<BackupInfo>('backups.create')
    await addPatient('After')
    await expect(call('backups.restore', { name }, { session: null })).rejects.toMatchObject({ code: 'unauthorized', message: 'Sign in to continue' })
    const ben = await call<{ id: number }>('users.create', { displayName: 'Ben Okafor' })
    const bensSession = await openTestSession(state.db, ben.id, clock)
    await expect(call('backups.restore', { name }, { session: bensSession })).rejects.toMatchObject({ code: 'unauthorized', message: 'Your role (Therapist) does not allow this' })
    expect(await patientNames()).toEqual(['After'])
  })

  it('says before confirming what will be set aside and where the records in use are kept', async () => {
    const erased = await addPatient('Erased')
    const { name } = await call<BackupInfo>('backups.create')
    await call('patients.erase', { id: erased.id, confirmLastName: 'Erased' })
    const later = await addPatient('Later')
    await addVisit(later.id)
    await addVisit(later.id)
    clock = new Date('2026-06-15T11:00:00Z')
    const preview = await call<RestorePreview>('backups.preview', { name })
    expect(preview).toMatchObject({
      backup: { name },
      patientsSetAside: 1,
      visitsSetAside: 2,
      patientsComingBack: 1,
      keptAsideIn: dir,
      keptAsideAs: 'footcore.sqlite.replaced-20260615T110000000Z',
    })
  })

  it("is recorded in the restored database's audit: who, when, which backup and what the replaced file held", async () => {
    await addPatient('Before')
    const { name } = await call<BackupInfo>('backups.create')
    const after = await addPatient('After')
    await addVisit(after.id)
    clock = new Date('2026-06-15T11:30:00Z')
    const result = await call<RestoreResult>('backups.restore', { name })
    expect(result.setAside).toEqual({ patientsSetAside: 1, visitsSetAside: 1, patientsComingBack: 0 })

    const db = new Database(file, { readonly: true })
    const row = db.prepare("select at, therapist_id, action, entity, after_json from audit_log where entity = 'database'").get() as Record<string, unknown>
    db.close()
    expect(row).toMatchObject({ at: '2026-06-15T11:30:00.000Z', therapist_id: therapistId, action: 'restore', entity: 'database' })
    expect(JSON.parse(row.after_json as string)).toEqual({
      backup: name,
      from: 'settings',
      by: 'Anna Nowak',
      keptAsideAs: 'footcore.sqlite.replaced-20260615T113000000Z',
      patientsSetAside: 1,
      visitsSetAside: 1,
      patientsComingBack: 0,
    })
  })
})

describe('a restore that fails', () => {
  for (const step of RESTORE_STEPS) {
    it(`at "${step}" leaves the clinic working on the file it had, with nothing left half-done`, async () => {
      await addPatient('Before')
      const { name } = await call<BackupInfo>('backups.create')
      await addPatient('After')
      const identity = state.databaseId
      failAt = step
      await expect(call('backups.restore', { name })).rejects.toMatchObject({
        code: 'conflict',
        message: 'The backup could not be put in place, so the records in use before were opened again. Nothing was changed.',
      })
      expect(state.available).toBe(true)
      expect(state.databaseId).toBe(identity)
      expect(await patientNames()).toEqual(['After', 'Before'])
      expect(readdirSync(dir).filter((n) => n.includes('.replaced-') || n.endsWith('.restoring') || n.includes('.stray-'))).toEqual([])
      // And it still takes work.
      await addPatient('Later')
      expect(await patientNames()).toEqual(['After', 'Before', 'Later'])
    })
  }

  it('when the backup itself will not open, puts the file in use back and opens it — never an empty clinic', async () => {
    await addPatient('Before')
    const { name } = await call<BackupInfo>('backups.create')
    await addPatient('After')
    // A backup written by a newer Footcore passes its integrity check but is refused at open.
    const copy = new Database(join(dir, 'backups', name))
    copy.prepare("insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2030-01-01T00:00:00.000Z')").run()
    copy.close()
    await expect(call('backups.restore', { name })).rejects.toMatchObject({
      code: 'conflict',
      message: 'That backup could not be opened, so the records in use before were opened again. Nothing was changed.',
    })
    expect(state.available).toBe(true)
    expect(await patientNames()).toEqual(['After', 'Before'])
    expect(existsSync(file)).toBe(true)
    expect(readdirSync(dir).filter((n) => n.includes('.replaced-'))).toEqual([])
  })
})
