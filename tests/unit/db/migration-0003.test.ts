// Migration 0003 on a file left at 0002: the patients list indexes appear and the data is untouched.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PatientSearchInput } from '@shared/domain/patient'
import { openDatabase } from '../../../src-main/core/db/connection'
import { m0001_initial } from '../../../src-main/core/db/migrations/0001_initial'
import { m0002_builtin_exercises } from '../../../src-main/core/db/migrations/0002_builtin_exercises'
import { searchPatients } from '../../../src-main/core/services/patients'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'footcore-m0003-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const indexes = (sqlite: Database.Database, table: string) =>
  (sqlite.prepare("select name from sqlite_master where type = 'index' and tbl_name = ? and name not like 'sqlite_%' order by name").pluck().all(table) as string[])

/** A clinic file as Footcore left it before 0003: two migrations and some patients with programs. */
async function fileAt0002(file: string): Promise<void> {
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = wal')
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
  const upTo0002: Record<string, Migration> = { '0001_initial': m0001_initial, '0002_builtin_exercises': m0002_builtin_exercises }
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => upTo0002 } }).migrateToLatest()
  expect(error).toBeUndefined()
  const at = '2026-01-10T09:00:00.000Z'
  sqlite.prepare("insert into therapists (display_name, active, created_at, updated_at) values ('Priya Raman', 1, ?, ?)").run(at, at)
  const patient = sqlite.prepare(
    "insert into patients (first_name, last_name, first_name_key, last_name_key, date_of_birth, sex, created_at, updated_at) values (?, ?, ?, ?, ?, 'female', ?, ?)",
  )
  patient.run('Zoë', "Łukasiewicz-O'Brien", 'zoe', "lukasiewicz-o'brien", '1984-02-29', at, at)
  patient.run('Søren', 'Østergaard', 'soren', 'ostergaard', '1961-07-01', at, at)
  sqlite
    .prepare("insert into programs (patient_id, therapist_id, name, start_date, review_date, status, created_at, updated_at) values (1, 1, 'Foot core — 16 weeks', '2026-01-10', '2026-05-02', 'active', ?, ?)")
    .run(at, at)
  await db.destroy()
}

describe('migration 0003_search_indexes', () => {
  it('replaces the name and patient-program indexes and keeps every row', async () => {
    const file = join(dir, 'clinic.sqlite')
    await fileAt0002(file)
    const before = new Database(file, { readonly: true })
    expect(indexes(before, 'patients')).toEqual(['patients_date_of_birth', 'patients_first_name_key', 'patients_last_name_key'])
    expect(indexes(before, 'programs')).toEqual(['programs_patient', 'programs_status_review'])
    before.close()

    const { db, sqlite, close } = await openDatabase(file, { beforeMigrate: null })
    try {
      expect(sqlite.prepare('select name from kysely_migration order by name').pluck().all()).toContain('0003_search_indexes')
      // (patients_same_person and programs_one_active come from the later migration 0008.)
      expect(indexes(sqlite, 'patients')).toEqual(['patients_date_of_birth', 'patients_first_name_search', 'patients_last_name_search', 'patients_same_person'])
      expect(indexes(sqlite, 'programs')).toEqual(['programs_one_active', 'programs_patient_review', 'programs_status_review'])
      expect(sqlite.prepare("select sql from sqlite_master where name = 'patients_last_name_search'").pluck().get()).toMatch(
        /"last_name_key", "first_name_key", "id", "archived_at"/,
      )

      // The patients list still finds them, accents or not, with their next review.
      const ctx = { db, actorId: null, now: () => new Date('2026-04-25T10:00:00Z') }
      const page = await searchPatients(ctx, PatientSearchInput.parse({ query: 'lukas' }))
      expect(page.total).toBe(1)
      expect(page.items[0]).toMatchObject({ firstName: 'Zoë', lastName: "Łukasiewicz-O'Brien", nextReviewDate: '2026-05-02', reviewStatus: 'due' })
      expect((await searchPatients(ctx, PatientSearchInput.parse({ query: 'øster' }))).items.map((p) => p.firstName)).toEqual(['Søren'])
      expect(sqlite.prepare('pragma integrity_check').pluck().get()).toBe('ok')
    } finally {
      await close()
    }
  })
})
