// Migration 0004 on files left at 0003: untouched old thresholds move to CLINICAL.md's new
// defaults, thresholds a clinic chose stay, the index threshold appears, and the shoe texts change.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src-main/core/db/connection'
import { m0001_initial } from '../../../src-main/core/db/migrations/0001_initial'
import { m0002_builtin_exercises } from '../../../src-main/core/db/migrations/0002_builtin_exercises'
import { m0003_search_indexes } from '../../../src-main/core/db/migrations/0003_search_indexes'
import { readSettings } from '../../../src-main/core/services/settings'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'footcore-m0004-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

type Thresholds = { smcArchHeightMm: number; smcFootLengthMm: number; smcNavicularDropMm: number }

/**
 * A clinic file as Footcore left it before 0004. `saves` are settings saves as the app made them
 * (the row updated and an audit row with every value before and after).
 */
async function fileAt0003(file: string, saves: { before: Thresholds; after: Thresholds }[]): Promise<void> {
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = wal')
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
  const upTo0003: Record<string, Migration> = { '0001_initial': m0001_initial, '0002_builtin_exercises': m0002_builtin_exercises, '0003_search_indexes': m0003_search_indexes }
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => upTo0003 } }).migrateToLatest()
  expect(error).toBeUndefined()
  const at = '2026-03-02T09:00:00.000Z'
  for (const s of saves) {
    sqlite
      .prepare("update clinic_settings set clinic_name = 'Fizjo Łódź', smc_arch_height_mm = ?, smc_foot_length_mm = ?, smc_navicular_drop_mm = ?, updated_at = ? where id = 1")
      .run(s.after.smcArchHeightMm, s.after.smcFootLengthMm, s.after.smcNavicularDropMm, at)
    const row = (t: Thresholds, name: string) => JSON.stringify({ clinicName: name, pageSize: 'A4', archHeightMethod: 'dorsal_50', ...t, reviewIntervalWeeks: 16 })
    sqlite
      .prepare("insert into audit_log (at, therapist_id, action, entity, entity_id, patient_id, before_json, after_json) values (?, null, 'update', 'settings', 1, null, ?, ?)")
      .run(at, row(s.before, 'My clinic'), row(s.after, 'Fizjo Łódź'))
  }
  await db.destroy()
}

async function migrate(file: string) {
  const database = await openDatabase(file, { beforeMigrate: null })
  try {
    const settings = await readSettings(database.db)
    const barefoot = database.sqlite.prepare("select steps_json, stages_json from exercises where slug = 'barefoot-transition'").get() as { steps_json: string; stages_json: string }
    return { settings, barefoot: { steps: JSON.parse(barefoot.steps_json) as string[], stages: JSON.parse(barefoot.stages_json) as string[] } }
  } finally {
    await database.close()
  }
}

const OLD = { smcArchHeightMm: 2, smcFootLengthMm: 2, smcNavicularDropMm: 2 }

describe('migration 0004_clinical_corrections', () => {
  it('moves a clinic that never touched its thresholds to 3 / 2 / 4 mm and 0.025', async () => {
    const file = join(dir, 'untouched.sqlite')
    await fileAt0003(file, [])
    const { settings } = await migrate(file)
    expect(settings).toMatchObject({ clinicName: 'My clinic', smcArchHeightMm: 3, smcFootLengthMm: 2, smcNavicularDropMm: 4, smcArchHeightIndex: 0.025 })
  })

  it('also when the clinic saved its settings (name changed) with the thresholds left at 2 mm', async () => {
    const file = join(dir, 'named.sqlite')
    await fileAt0003(file, [{ before: OLD, after: OLD }])
    const { settings } = await migrate(file)
    expect(settings).toMatchObject({ clinicName: 'Fizjo Łódź', smcArchHeightMm: 3, smcFootLengthMm: 2, smcNavicularDropMm: 4 })
  })

  it('keeps thresholds a clinic chose: a different value, and one changed and later set back to 2 mm', async () => {
    const file = join(dir, 'customised.sqlite')
    await fileAt0003(file, [
      { before: OLD, after: { smcArchHeightMm: 2.5, smcFootLengthMm: 2, smcNavicularDropMm: 3 } },
      { before: { smcArchHeightMm: 2.5, smcFootLengthMm: 2, smcNavicularDropMm: 3 }, after: { smcArchHeightMm: 2.5, smcFootLengthMm: 2, smcNavicularDropMm: 2 } },
    ])
    const { settings } = await migrate(file)
    // Arch 2.5 chosen; navicular drop was 3 then set back to 2 on purpose: both kept.
    expect(settings).toMatchObject({ smcArchHeightMm: 2.5, smcFootLengthMm: 2, smcNavicularDropMm: 2, smcArchHeightIndex: 0.025 })
  })

  it('rewrites the minimalist-shoe texts: walking first, running over at least 3–4 months, no "+10 % a week"', async () => {
    const file = join(dir, 'texts.sqlite')
    await fileAt0003(file, [])
    const { barefoot } = await migrate(file)
    expect(barefoot.stages).toHaveLength(4)
    expect(barefoot.stages[1]).toBe('Minimalist shoes for everyday walking')
    expect(barefoot.steps.join(' ')).toContain('takes at least 3–4 months')
    expect(barefoot.steps.join(' ')).not.toMatch(/10 %/)
  })
})
