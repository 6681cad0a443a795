// A database file damaged on purpose: detected at open, left byte-for-byte alone, restored from the last backup.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { BackupInfo, RecoveryStatus, RestoreResult } from '@shared/domain/backup'
import { dispatch } from '../../../src-main/core/api/router'
import { AppState } from '../../../src-main/core/app-state'
import { asAdministrator } from '../../support/sessions'

process.env.FOOTCORE_LOG = 'silent'
const ROOT = resolve(__dirname, '../../..')

let dir: string
let file: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'footcore-recovery-'))
  file = join(dir, 'footcore.sqlite')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** Each open of the file signs in as the clinic's administrator, as a person at the app would. */
const admins = new WeakMap<AppState, ReturnType<typeof asAdministrator>>()
function adminOn(state: AppState) {
  if (!admins.has(state)) admins.set(state, asAdministrator(() => state))
  return admins.get(state)!
}

async function call(state: AppState, method: string, input: unknown = {}) {
  const r = await adminOn(state).call(method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
  return r.value
}

/** Names hold letters only: Beforeaa, Beforeab, … */
const nameOf = (i: number) => `Before${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`
const sha = (p: string) => (existsSync(p) ? createHash('sha256').update(readFileSync(p)).digest('hex') : 'absent')
const fileSet = (base: string) => ['', '-wal', '-shm'].map((s) => sha(base + s))

/** Leaves -wal and -shm beside the file, as a crash (or power cut) does. */
function crashWhileWriting(db: string): void {
  const script = `
    const Database = require('better-sqlite3')
    const db = new Database(${JSON.stringify(db)})
    db.pragma('wal_autocheckpoint = 0')
    db.prepare("update clinic_settings set address = 'after the backup' where id = 1").run()
    process.kill(process.pid, 'SIGKILL')`
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT })
  expect(r.signal).toBe('SIGKILL')
}

it('detects a file damaged in the middle, leaves it and its -wal/-shm untouched, and restores the last backup', async () => {
  const state = await AppState.open(file)
  const therapist = (await call(state, 'users.create', { displayName: 'Anna Nowak' })) as { id: number }
  const notes = 'Heel pain on the first steps in the morning, better after walking. '.repeat(40)
  const before: string[] = []
  for (let i = 0; i < 150; i++) {
    const p = (await call(state, 'patients.create', { firstName: 'Anna', lastName: nameOf(i), dateOfBirth: '1980-01-01', notes })) as { id: number }
    before.push(nameOf(i))
    if (i % 10 === 0) {
      await call(state, 'visits.record', {
        patientId: p.id,
        therapistId: therapist.id,
        visitDate: '2026-01-10',
        kind: 'baseline',
        left: { footLengthMm: 250, truncatedFootLengthMm: 182, archHeightMm: 60 },
        symptoms: { foot_heel: 6 },
      })
    }
  }
  const backup = (await call(state, 'backups.create')) as BackupInfo
  await call(state, 'patients.create', { firstName: 'Anna', lastName: 'AfterBackup', dateOfBirth: '1980-01-01' })
  await state.close()
  crashWhileWriting(file)
  expect(existsSync(`${file}-wal`) && existsSync(`${file}-shm`)).toBe(true)

  // Overwrite 8 KiB in the middle of the file.
  const size = statSync(file).size
  const fd = openSync(file, 'r+')
  writeSync(fd, Buffer.alloc(8192, 'DAMAGED!'), 0, 8192, Math.floor(size / 2))
  closeSync(fd)
  const damaged = fileSet(file)
  const filesBefore = readdirSync(dir).sort()

  const recovering = await AppState.open(file)
  expect(recovering.available).toBe(false)
  const status = (await call(recovering, 'recovery.status')) as RecoveryStatus
  expect(status.state).toBe('damaged')
  expect(status.message).toMatch(/^The clinic database is damaged/)
  expect(status.backups.map((b) => b.name)).toEqual([backup.name])
  // Everything else answers "unavailable" and writes nothing.
  for (const [method, input] of [
    ['patients.search', {}],
    ['patients.create', { firstName: 'New', lastName: 'Patient', dateOfBirth: '1990-01-01' }],
    ['backups.create', {}],
  ] as const) {
    const r = await dispatch(recovering, method, input, null)
    expect(r.ok ? 'ok' : r.error.code, method).toBe('unavailable')
  }
  expect(fileSet(file)).toEqual(damaged)
  expect(readdirSync(dir).sort()).toEqual(filesBefore)

  const restored = (await call(recovering, 'recovery.restore', { name: backup.name })) as RestoreResult
  expect(recovering.available).toBe(true)
  expect((await call(recovering, 'recovery.status')) as RecoveryStatus).toMatchObject({ state: 'ok' })
  // The damaged file and its journal files were moved aside whole, not changed and not deleted.
  expect(fileSet(join(dir, restored.keptAsideAs!))).toEqual(damaged)
  // Everything up to the backup is back; what came after it is not.
  const page = (await call(recovering, 'patients.search', { pageSize: 100 })) as { total: number; items: { lastName: string }[] }
  expect(page.total).toBe(150)
  const all: string[] = []
  for (let p = 0; p * 100 < page.total; p++) {
    const items = ((await call(recovering, 'patients.search', { page: p, pageSize: 100 })) as { items: { lastName: string }[] }).items
    all.push(...items.map((i) => i.lastName))
  }
  expect(all.sort()).toEqual(before)
  const first = page.items.find((i) => i.lastName === nameOf(0)) as unknown as { id: number }
  expect(((await call(recovering, 'visits.list', { patientId: first.id })) as unknown[]).length).toBe(1)
  // The restore is in the restored file's audit; from the recovery screen nobody working could be checked.
  const audit = await recovering.db.selectFrom('audit_log').select(['therapist_id', 'action', 'after_json']).where('entity', '=', 'database').execute()
  expect(audit).toHaveLength(1)
  expect(audit[0]).toMatchObject({ therapist_id: null, action: 'restore' })
  expect(JSON.parse(audit[0]!.after_json!)).toEqual({ backup: backup.name, from: 'recovery', by: null, keptAsideAs: restored.keptAsideAs })
  expect(restored.setAside).toBeNull()
  await recovering.close()
})

it('a file that is not a database at all opens the recovery screen and stays as it was', async () => {
  const { writeFileSync } = await import('node:fs')
  writeFileSync(file, 'These are not the clinic records you are looking for.\n'.repeat(100))
  const original = fileSet(file)
  const state = await AppState.open(file)
  expect(state.status().state).toBe('damaged')
  expect(fileSet(file)).toEqual(original)
  expect(readdirSync(dir)).toEqual(['footcore.sqlite'])
  await state.close()
})

it('a database saved by a newer Footcore is refused on the recovery screen and left as it was', async () => {
  const state = await AppState.open(file)
  await call(state, 'users.create', { displayName: 'Anna Nowak' })
  await state.close()
  const { default: Database } = await import('better-sqlite3')
  const raw = new Database(file)
  raw.prepare("insert into kysely_migration (name, timestamp) values ('9999_from_the_future', 'x')").run()
  raw.close()
  const original = fileSet(file)
  const refused = await AppState.open(file)
  const status = (await call(refused, 'recovery.status')) as RecoveryStatus
  expect(status.state).toBe('schema_too_new')
  expect(status.message).toMatch(/newer version of Footcore/)
  expect(fileSet(file)).toEqual(original)
  await refused.close()
})

it('a database path that cannot be read gives the "unreadable" recovery screen', async () => {
  const { mkdirSync } = await import('node:fs')
  mkdirSync(file)
  const state = await AppState.open(file)
  expect(state.status()).toMatchObject({ state: 'unreadable', backups: [] })
  const r = await dispatch(state, 'patients.search', {}, null)
  expect(r).toMatchObject({ ok: false, error: { code: 'unavailable' } })
  await state.close()
})

it('refuses to restore a damaged backup and keeps working on the current records', async () => {
  const state = await AppState.open(file)
  await call(state, 'patients.create', { firstName: 'Anna', lastName: 'Kept', dateOfBirth: '1980-01-01' })
  const { name } = (await call(state, 'backups.create')) as BackupInfo
  const copy = join(dir, 'backups', name)
  const fd = openSync(copy, 'r+')
  writeSync(fd, Buffer.alloc(4096, 'DAMAGED!'), 0, 4096, 0)
  closeSync(fd)
  const r = await adminOn(state).call('backups.restore', { name })
  expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: 'That backup is damaged and cannot be restored. Choose another one.' } })
  const page = (await call(state, 'patients.search', {})) as { items: { lastName: string }[] }
  expect(page.items.map((p) => p.lastName)).toEqual(['Kept'])
  expect(readdirSync(dir).filter((n) => n.includes('replaced'))).toEqual([])
  await state.close()
})

it('makes the daily backup by itself shortly after start', async () => {
  const state = await AppState.open(file)
  state.startAutomaticBackups(10)
  await expect.poll(() => state.listBackups().map((b) => b.reason), { timeout: 5000 }).toEqual(['daily'])
  await state.close()
})

it('removes a copy left by an interrupted integrity check (it holds patient records), but not one in use', async () => {
  const { mkdirSync, utimesSync, writeFileSync } = await import('node:fs')
  const first = await AppState.open(file)
  await first.close()
  const stale = join(dir, '.footcore-check-crashed')
  const fresh = join(dir, '.footcore-check-running')
  for (const d of [stale, fresh]) {
    mkdirSync(d)
    writeFileSync(join(d, 'footcore.sqlite'), 'copy')
  }
  const hourAgo = new Date(Date.now() - 60 * 60 * 1000)
  utimesSync(stale, hourAgo, hourAgo)
  const state = await AppState.open(file)
  expect(existsSync(stale)).toBe(false)
  expect(existsSync(fresh)).toBe(true)
  await state.close()
})

it('with the integrity check in the background, a damaged file still ends on the recovery screen', async () => {
  const first = await AppState.open(file)
  const notes = 'Heel pain on the first steps in the morning, better after walking. '.repeat(40)
  for (let i = 0; i < 100; i++) await call(first, 'patients.create', { firstName: 'Anna', lastName: nameOf(i), dateOfBirth: '1980-01-01', notes })
  await call(first, 'backups.create')
  await first.close()
  const size = statSync(file).size
  const fd = openSync(file, 'r+')
  writeSync(fd, Buffer.alloc(8192, 'DAMAGED!'), 0, 8192, Math.floor(size / 2 / 4096) * 4096)
  closeSync(fd)

  const state = await AppState.open(file, { integrityCheck: 'in_background' })
  await expect.poll(() => state.status().state, { timeout: 10_000 }).toBe('damaged')
  const r = await dispatch(state, 'patients.search', {}, null)
  expect(r).toMatchObject({ ok: false, error: { code: 'unavailable' } })
  expect(state.status().backups).toHaveLength(1)
  await state.close()
})
