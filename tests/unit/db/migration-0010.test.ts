// Migration 0010 on a clinic file left at 0008: the clinic and its patients read English, its own
// exercise is English with no other texts, and the built-ins gain their Ukrainian, Polish, German
// and Spanish texts with as many stages as in English (a program's stage keeps its meaning).
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
  dir = mkdtempSync(join(tmpdir(), 'footcore-m0010-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function fileAt0008(file: string): Promise<void> {
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = wal')
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
  const upTo0008: Record<string, Migration> = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name <= '0009'))
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => upTo0008 } }).migrateToLatest()
  expect(error).toBeUndefined()
  const at = '2026-01-10T09:00:00.000Z'
  sqlite
    .prepare("insert into patients (first_name, last_name, first_name_key, last_name_key, date_of_birth, sex, created_at, updated_at) values ('Zoë', 'Nowak', 'zoe', 'nowak', '1984-02-29', 'female', ?, ?)")
    .run(at, at)
  sqlite
    .prepare(
      "insert into exercises (name, purpose, steps_json, mistakes_json, stages_json, safety, builtin, times_per_day, days_per_week, stage, dosage_notes, created_at, updated_at) values ('Marble pick-up', '', '[\"Pick up marbles\"]', '[]', '[\"Sitting\"]', '', 0, 1, 7, 0, '', ?, ?)",
    )
    .run(at, at)
  await db.destroy()
}

describe('migration 0010_languages', () => {
  it('keeps an existing clinic in English and adds the built-in exercises in four more languages', async () => {
    const file = join(dir, 'clinic.sqlite')
    await fileAt0008(file)
    const { sqlite, close } = await openDatabase(file, { beforeMigrate: null })
    try {
      expect(sqlite.prepare('select language from clinic_settings').pluck().get()).toBe('en')
      expect(sqlite.prepare('select preferred_language from patients').pluck().all()).toEqual(['en'])
      expect(sqlite.prepare('select distinct language from exercises').pluck().all()).toEqual(['en'])
      const own = sqlite.prepare("select id from exercises where name = 'Marble pick-up'").pluck().get() as number
      expect(sqlite.prepare('select count(*) from exercise_texts where exercise_id = ?').pluck().get(own)).toBe(0)

      const builtins = sqlite.prepare('select id, slug, stages_json from exercises where builtin = 1').all() as { id: number; slug: string; stages_json: string }[]
      expect(builtins).toHaveLength(6)
      for (const b of builtins) {
        const texts = sqlite.prepare('select language, name, stages_json, steps_json from exercise_texts where exercise_id = ? order by language').all(b.id) as {
          language: string
          name: string
          stages_json: string
          steps_json: string
        }[]
        expect(texts.map((t) => t.language), b.slug).toEqual(['de', 'es', 'pl', 'uk'])
        for (const t of texts) {
          expect(JSON.parse(t.stages_json), `${b.slug} ${t.language}`).toHaveLength(JSON.parse(b.stages_json).length)
          expect(JSON.parse(t.steps_json).length).toBeGreaterThan(0)
        }
      }
      const shortFoot = builtins.find((b) => b.slug === 'short-foot')!
      expect(sqlite.prepare("select name from exercise_texts where exercise_id = ? and language = 'uk'").pluck().get(shortFoot.id)).toBe('Вправа «коротка стопа» (підйом склепіння)')
      const towel = builtins.find((b) => b.slug === 'towel-crumpling')!
      expect(sqlite.prepare("select reps_text from exercise_texts where exercise_id = ? and language = 'pl'").pluck().get(towel.id)).toBe('aż ręcznik zostanie zebrany (około 10–15 przyciągnięć)')
    } finally {
      await close()
    }
  })
})
