// Backups and restore: verified copies beside the database, rotation, a daily backup, the old file kept aside.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BackupInfo } from '@shared/domain/backup'
import { asAdministrator } from '../../support/sessions'
import { AppState } from '../../../src-main/core/app-state'
import { backupDirFor, backupName, backupsToPrune, parseBackupName } from '../../../src-main/core/db/backup'
import { openDatabase } from '../../../src-main/core/db/connection'
import { MIGRATIONS } from '../../../src-main/core/db/migrations'

process.env.FOOTCORE_LOG = 'silent'
// Rotation counts local days and weeks; pin the zone so the expected days hold everywhere.
process.env.TZ = 'UTC'

let dir: string
let file: string
let clock: Date
let state: AppState

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'footcore-backup-'))
  file = join(dir, 'footcore.sqlite')
  clock = new Date('2026-06-15T10:00:00Z')
  state = await AppState.open(file, {}, () => clock)
  admin.reset()
})
afterEach(async () => {
  await state.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Calls as the clinic's administrator (backups and restore are theirs), signed in as in the app. */
const admin = asAdministrator(() => state)

async function call(method: string, input: unknown = {}) {
  const r = await admin.call(method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
  return r.value
}

async function addPatient(lastName: string) {
  return call('patients.create', { firstName: 'Anna', lastName, dateOfBirth: '1980-01-01' })
}

async function patientNames(): Promise<string[]> {
  const page = (await call('patients.search', { includeArchived: true })) as { items: { lastName: string }[] }
  return page.items.map((p) => p.lastName).sort()
}

describe('backups', () => {
  it('back up now writes a verified standalone copy into the backups folder beside the database', async () => {
    await addPatient('Kowalska')
    const info = (await call('backups.create')) as BackupInfo
    expect(info.reason).toBe('manual')
    expect(info.name).toBe('footcore-20260615T100000000Z-manual.sqlite')
    const copy = join(dir, 'backups', info.name)
    // One file, no -wal/-shm beside it, and it holds the patient.
    expect(readdirSync(join(dir, 'backups'))).toEqual([info.name])
    const db = new Database(copy, { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.prepare('select last_name from patients').all()).toEqual([{ last_name: 'Kowalska' }])
    db.close()
    expect(await call('backups.list')).toEqual([info])
  })

  it('makes one daily backup per calendar day, at the first check of the day', async () => {
    // A clinic open 8:00–17:00, started late on the first day.
    clock = new Date('2026-06-15T16:30:00Z')
    expect((await state.dailyBackupIfDue())?.reason).toBe('daily')
    clock = new Date('2026-06-15T17:00:00Z')
    expect(await state.dailyBackupIfDue()).toBeNull()
    // The next morning's first check makes that day's backup, though 24 hours have not passed.
    clock = new Date('2026-06-16T08:00:00Z')
    expect((await state.dailyBackupIfDue())?.name).toBe('footcore-20260616T080000000Z-daily.sqlite')
    clock = new Date('2026-06-16T16:00:00Z')
    expect(await state.dailyBackupIfDue()).toBeNull()
    clock = new Date('2026-06-17T08:00:00Z')
    expect((await state.dailyBackupIfDue())?.reason).toBe('daily')
    expect(state.listBackups()).toHaveLength(3)
  })

  it('keeps the last 7 daily and 4 weekly backups when a new one is verified', async () => {
    // Two a day through April 2026 (the 30th is a Thursday).
    for (let day = 1; day <= 30; day++) {
      for (const hour of [8, 17]) {
        clock = new Date(Date.UTC(2026, 3, day, hour, 0, 0))
        await state.backupNow('daily')
      }
    }
    const kept = state.listBackups().map((b) => b.createdAt)
    // The evening backup of the last 7 days, and of the Sundays ending the two weeks before them.
    expect(kept).toEqual(['30', '29', '28', '27', '26', '25', '24', '19', '12'].map((d) => `2026-04-${d}T17:00:00.000Z`))
    // Every file left is a complete, healthy database.
    for (const b of state.listBackups()) {
      const db = new Database(join(backupDirFor(file), b.name), { readonly: true })
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      db.close()
    }
  })

  it('rotation keeps the last three backups made by hand, even when a daily backup follows the same day', () => {
    const at = (iso: string, reason: BackupInfo['reason']): BackupInfo => {
      const name = backupName(new Date(iso), reason)
      return { name, ...parseBackupName(name)!, sizeBytes: 1 }
    }
    // "Back up now" at 10:00:01, the daily backup (started a moment before) finishing at 10:00:02.
    const list = [at('2026-06-15T10:00:01Z', 'manual'), at('2026-06-15T10:00:02Z', 'daily')]
    expect(backupsToPrune(list)).toEqual([])
    const manuals = [1, 2, 3, 4].map((d) => at(`2026-06-0${d}T09:00:00Z`, 'manual'))
    const daily = Array.from({ length: 9 }, (_, i) => at(`2026-06-${String(5 + i).padStart(2, '0')}T09:00:00Z`, 'daily'))
    // Daily rule: Jun 7–13; weekly rule: Jun 13 and Jun 7 (newest of their weeks); by hand: Jun 2, 3 and 4.
    const pruned = backupsToPrune([...manuals, ...daily])
    expect(pruned).toContain(manuals[0]!.name)
    for (const m of manuals.slice(1)) expect(pruned).not.toContain(m.name)
  })

  it('rotation keeps the last few backups made before an update while they are under 35 days old, and never touches foreign files', async () => {
    const at = (iso: string, reason: BackupInfo['reason']): BackupInfo => {
      const name = backupName(new Date(iso), reason)
      return { name, ...parseBackupName(name)!, sizeBytes: 1 }
    }
    const list = [
      at('2026-01-05T10:00:00Z', 'pre-migration'),
      at('2026-01-05T11:00:00Z', 'daily'),
      at('2026-03-10T07:00:00Z', 'pre-migration'),
      ...Array.from({ length: 60 }, (_, i) => at(new Date(Date.UTC(2026, 1, 1 + i, 12)).toISOString(), 'daily')),
    ]
    const pruned = backupsToPrune(list)
    // The January pre-update backup is older than 35 days: it goes (it may hold an erased patient).
    expect(pruned).toContain(list[0]!.name)
    expect(pruned).toContain(list[1]!.name)
    expect(pruned).not.toContain(list[2]!.name)
    // 2026-04-01 is a Wednesday: the 7 days Mar 26–Apr 1 cover this week and last week; the
    // newest of the two weeks before (Sundays Mar 22 and Mar 15) make four weeks.
    const kept = list.filter((b) => !pruned.includes(b.name)).map((b) => `${b.createdAt.slice(0, 10)} ${b.reason}`)
    expect(kept.sort()).toEqual(
      ['03-10 pre-migration', '03-15', '03-22', '03-26', '03-27', '03-28', '03-29', '03-30', '03-31', '04-01'].map((d) =>
        d.includes(' ') ? `2026-${d}` : `2026-${d} daily`,
      ),
    )

    mkdirSync(backupDirFor(file), { recursive: true })
    writeFileSync(join(backupDirFor(file), 'my-notes.txt'), 'keep me')
    await state.backupNow()
    expect(readFileSync(join(backupDirFor(file), 'my-notes.txt'), 'utf8')).toBe('keep me')
  })

  it('deletes files a restore set aside, and pre-update backups, once they are 35 days old (the erase dialog promises it)', async () => {
    // A restore on 1 May sets the records in use aside; an update on 2 May made a backup first.
    clock = new Date('2026-05-01T09:00:00Z')
    const { name } = (await call('backups.create')) as BackupInfo
    await addPatient('Erasedlater')
    await call('backups.restore', { name })
    writeFileSync(join(backupDirFor(file), backupName(new Date('2026-05-02T08:00:00Z'), 'pre-migration')), 'stands in for a backup')
    writeFileSync(join(dir, 'footcore.sqlite.replaced-20260520T090000000Z'), 'a later restore')
    writeFileSync(join(dir, 'footcore.sqlite.replaced-notes.txt'), 'not ours')
    const setAside = () => readdirSync(dir).filter((n) => n.startsWith('footcore.sqlite.')).sort()
    expect(setAside()).toEqual(['footcore.sqlite.replaced-20260501T090000000Z', 'footcore.sqlite.replaced-20260520T090000000Z', 'footcore.sqlite.replaced-notes.txt'])

    clock = new Date('2026-06-06T09:00:00Z')
    await state.dailyBackupIfDue()
    expect(setAside()).toEqual(['footcore.sqlite.replaced-20260520T090000000Z', 'footcore.sqlite.replaced-notes.txt'])
    expect(state.listBackups().map((b) => b.reason)).toEqual(['daily'])
  })

  it('restore puts the backup in place, keeps the replaced file aside and reopens it for work', async () => {
    await addPatient('Before')
    const { name } = (await call('backups.create')) as BackupInfo
    await addPatient('After')
    clock = new Date('2026-06-15T11:00:00Z')
    const result = (await call('backups.restore', { name })) as { keptAsideAs: string }
    expect(result.keptAsideAs).toBe('footcore.sqlite.replaced-20260615T110000000Z')
    expect(await patientNames()).toEqual(['Before'])
    // The replaced file still holds everything that was in it.
    const aside = new Database(join(dir, result.keptAsideAs), { readonly: true })
    expect(aside.prepare('select last_name from patients order by last_name').all()).toEqual([{ last_name: 'After' }, { last_name: 'Before' }])
    aside.close()
    // The restored database takes new work.
    await addPatient('Later')
    expect(await patientNames()).toEqual(['Before', 'Later'])
  })

  it('refuses an unknown backup name or a path, and keeps the open database', async () => {
    await addPatient('Stays')
    for (const name of ['footcore-20990101T000000000Z-manual.sqlite', '../footcore.sqlite', 'footcore.sqlite']) {
      const r = await admin.call('backups.restore', { name })
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(['not_found', 'invalid_input']).toContain(r.error.code)
        expect(r.error.issues?.[0]?.path).toEqual(['name'])
      }
    }
    expect(await patientNames()).toEqual(['Stays'])
  })

  it('takes a backup before migrating a database that holds data', async () => {
    await state.close()
    const old = join(dir, 'old.sqlite')
    // A file left by a version that had only the first migration, with a therapist in it.
    const sqlite = new Database(old)
    const k = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
    const r = await new Migrator({ db: k, provider: { getMigrations: async () => ({ '0001_initial': MIGRATIONS['0001_initial']! }) } }).migrateToLatest()
    expect(r.error).toBeUndefined()
    sqlite.prepare("insert into therapists (display_name, active, created_at, updated_at) values ('Anna', 1, 'x', 'x')").run()
    await k.destroy()
    const second = await openDatabase(old)
    await second.close()
    const backups = readdirSync(join(dir, 'backups')).filter((n) => n.endsWith('-pre-migration.sqlite'))
    expect(backups).toHaveLength(1)
    // The backup is the file as it was before the update: first migration only, the therapist in it.
    const copy = new Database(join(dir, 'backups', backups[0]!), { readonly: true })
    expect(copy.prepare('select name from kysely_migration').all()).toEqual([{ name: '0001_initial' }])
    expect(copy.prepare('select display_name from therapists').all()).toEqual([{ display_name: 'Anna' }])
    copy.close()
    expect(existsSync(join(dir, 'backups', `${backups[0]}.partial`))).toBe(false)
    state = await AppState.open(file, {}, () => clock)
  })
})
