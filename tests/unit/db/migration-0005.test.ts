// Migration 0005 on a file left at 0004: programs running from the 16-week template get its plan,
// other programs none; visits gain empty adherence; stage confirmations and adherence tables appear.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src-main/core/db/connection'
import { MIGRATIONS } from '../../../src-main/core/db/migrations'
import { currentProgram } from '../../../src-main/core/services/programs'
import { listVisits } from '../../../src-main/core/services/visits'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'footcore-m0005-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function fileAt0004(file: string): Promise<void> {
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = wal')
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
  const upTo0004: Record<string, Migration> = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0005'))
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => upTo0004 } }).migrateToLatest()
  expect(error).toBeUndefined()
  const at = '2026-03-02T09:00:00.000Z'
  sqlite.prepare("insert into therapists (display_name, active, created_at, updated_at) values ('Priya Raman', 1, ?, ?)").run(at, at)
  const patient = sqlite.prepare(
    "insert into patients (first_name, last_name, first_name_key, last_name_key, date_of_birth, sex, created_at, updated_at) values (?, ?, ?, ?, '1980-01-01', 'female', ?, ?)",
  )
  patient.run('Zoë', 'Nowak', 'zoe', 'nowak', at, at)
  patient.run('Ana', 'Muñoz', 'ana', 'munoz', at, at)
  const program = sqlite.prepare("insert into programs (patient_id, therapist_id, name, start_date, review_date, status, created_at, updated_at) values (?, 1, ?, '2026-03-02', '2026-06-22', 'active', ?, ?)")
  program.run(1, 'Foot core — 16 weeks', at, at)
  program.run(2, 'Heel pain, own plan', at, at)
  const slug = (s: string) => (sqlite.prepare('select id from exercises where slug = ?').get(s) as { id: number }).id
  const item = sqlite.prepare('insert into program_items (program_id, exercise_id, position, times_per_day, days_per_week, stage) values (?, ?, ?, 1, 7, ?)')
  item.run(1, slug('towel-crumpling'), 0, 0)
  item.run(1, slug('short-foot'), 1, 1)
  item.run(1, slug('barefoot-transition'), 2, 0)
  item.run(2, slug('short-foot'), 0, 0)
  sqlite.prepare("insert into visits (patient_id, therapist_id, program_id, visit_date, kind, created_at, updated_at) values (1, 1, 1, '2026-03-02', 'baseline', ?, ?)").run(at, at)
  await db.destroy()
}

describe('migration 0005_plan_and_adherence', () => {
  it('plans programs running from the 16-week template and keeps their current stage', async () => {
    const file = join(dir, 'clinic.sqlite')
    await fileAt0004(file)
    const { db, close } = await openDatabase(file, { beforeMigrate: null })
    try {
      const ctx = { db, actorId: null, now: () => new Date('2026-04-01T10:00:00Z') }
      const template = (await currentProgram(ctx, { patientId: 1 }))!
      expect(template.items.map((i) => [i.exerciseName, i.stage, i.plannedWeeks, i.planShiftWeeks])).toEqual([
        ['Towel crumpling', 0, [1, 5, 9], 0],
        ['Short-foot exercise (arch doming)', 1, [1, 5, 9, 13], 0],
        ['Minimalist shoes / barefoot transition', 0, [1, 5, null, null], 0],
      ])
      const own = (await currentProgram(ctx, { patientId: 2 }))!
      expect(own.items.map((i) => i.plannedWeeks)).toEqual([null])
      const visits = await listVisits(ctx, { patientId: 1 })
      expect(visits.map((v) => [v.adherence, v.stageSteps])).toEqual([[null, []]])
    } finally {
      await close()
    }
  })
})
