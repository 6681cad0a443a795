// Migration 0008 on a clinic file left at 0003: every edited record gets version 1, the database
// itself now refuses a second person with the same name and birth date and a second running program.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src-main/core/db/connection'
import { MIGRATIONS } from '../../../src-main/core/db/migrations'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'footcore-m0008-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function fileAt0003(file: string): Promise<void> {
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = wal')
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
  const upTo0003: Record<string, Migration> = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name <= '0003'))
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => upTo0003 } }).migrateToLatest()
  expect(error).toBeUndefined()
  const at = '2026-01-10T09:00:00.000Z'
  sqlite.prepare("insert into therapists (display_name, active, created_at, updated_at) values ('Priya Raman', 1, ?, ?)").run(at, at)
  sqlite
    .prepare("insert into patients (first_name, last_name, first_name_key, last_name_key, date_of_birth, sex, created_at, updated_at) values ('Zoë', 'Nowak', 'zoe', 'nowak', '1984-02-29', 'female', ?, ?)")
    .run(at, at)
  sqlite
    .prepare("insert into programs (patient_id, therapist_id, name, start_date, review_date, status, created_at, updated_at) values (1, 1, 'Foot core — 16 weeks', '2026-01-10', '2026-05-02', 'active', ?, ?)")
    .run(at, at)
  await db.destroy()
}

describe('migration 0008_concurrency', () => {
  it('gives existing records version 1 and lets the database refuse duplicates and a second running program', async () => {
    const file = join(dir, 'clinic.sqlite')
    await fileAt0003(file)
    const { sqlite, close } = await openDatabase(file, { beforeMigrate: null })
    try {
      for (const table of ['patients', 'programs', 'therapists', 'clinic_settings', 'exercises']) {
        expect(sqlite.prepare(`select distinct version from ${table}`).pluck().all(), table).toEqual([1])
      }
      const at = '2026-02-01T09:00:00.000Z'
      expect(() =>
        sqlite
          .prepare("insert into patients (first_name, last_name, first_name_key, last_name_key, date_of_birth, sex, created_at, updated_at) values ('Zoe', 'NOWAK', 'zoe', 'nowak', '1984-02-29', 'female', ?, ?)")
          .run(at, at),
      ).toThrow(/UNIQUE constraint failed: patients/)
      expect(() =>
        sqlite.prepare("insert into programs (patient_id, therapist_id, name, start_date, review_date, status, created_at, updated_at) values (1, 1, 'Second', '2026-02-01', '2026-05-23', 'active', ?, ?)").run(at, at),
      ).toThrow(/UNIQUE constraint failed: programs\.patient_id/)
      // An ended program beside the running one is fine.
      sqlite.prepare("insert into programs (patient_id, therapist_id, name, start_date, review_date, status, created_at, updated_at) values (1, 1, 'Earlier', '2025-02-01', '2025-05-23', 'ended', ?, ?)").run(at, at)
      expect(sqlite.prepare('select count(*) from workstations').pluck().get()).toBe(0)
    } finally {
      await close()
    }
  })
})
