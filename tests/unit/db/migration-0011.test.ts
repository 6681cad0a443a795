// Migration 0011 on a clinic file left at 0008: every patient is found by each word of the name,
// and visits can be voided (the new columns start empty, so no visit is hidden).
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
  dir = mkdtempSync(join(tmpdir(), 'footcore-m0011-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function fileAt0008(file: string): Promise<void> {
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = wal')
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
  const upTo0008: Record<string, Migration> = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name <= '0008_concurrency'))
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => upTo0008 } }).migrateToLatest()
  expect(error).toBeUndefined()
  const at = '2026-01-10T09:00:00.000Z'
  sqlite.prepare("insert into therapists (display_name, active, created_at, updated_at) values ('Priya Raman', 1, ?, ?)").run(at, at)
  const insert = sqlite.prepare(
    "insert into patients (first_name, last_name, first_name_key, last_name_key, date_of_birth, sex, created_at, updated_at) values (?, ?, ?, ?, '1984-02-29', 'female', ?, ?)",
  )
  insert.run('Siobhán', 'Ó Briain', 'siobhan', 'o briain', at, at)
  insert.run('Thị Minh Khai', 'Nguyễn', 'thi minh khai', 'nguyen', at, at)
  insert.run('Seán', "O'Neill", 'sean', "o'neill", at, at)
  sqlite.prepare("insert into visits (patient_id, therapist_id, visit_date, kind, created_at, updated_at) values (1, 1, '2026-01-10', 'baseline', ?, ?)").run(at, at)
  await db.destroy()
}

describe('migration 0011_name_words_and_void', () => {
  it('backfills the name words of every patient and adds empty void columns to visits', async () => {
    const file = join(dir, 'clinic.sqlite')
    await fileAt0008(file)
    const { sqlite, close } = await openDatabase(file, { beforeMigrate: null })
    try {
      const words = sqlite.prepare('select patient_id, word_key from patient_name_words order by patient_id, word_key').all()
      expect(words).toEqual([
        { patient_id: 1, word_key: 'briain' },
        { patient_id: 1, word_key: 'obriain' },
        { patient_id: 1, word_key: 'siobhan' },
        { patient_id: 2, word_key: 'khai' },
        { patient_id: 2, word_key: 'minhkhai' },
        { patient_id: 2, word_key: 'nguyen' },
        { patient_id: 2, word_key: 'thiminhkhai' },
        { patient_id: 3, word_key: 'neill' },
        { patient_id: 3, word_key: 'oneill' },
        { patient_id: 3, word_key: 'sean' },
      ])
      expect(sqlite.prepare('select voided_at, voided_by, void_reason from visits').all()).toEqual([{ voided_at: null, voided_by: null, void_reason: null }])
      // The prefix search is served by the primary key's index.
      const plan = (sqlite.prepare("explain query plan select patient_id from patient_name_words where word_key >= 'bri' and word_key < 'bri\uffff'").all() as { detail: string }[]).map((r) => r.detail)
      expect(plan.join('\n')).toMatch(/USING COVERING INDEX sqlite_autoindex_patient_name_words_1 \(word_key>\? AND word_key<\?\)/)
    } finally {
      await close()
    }
  })
})
