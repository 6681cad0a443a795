// Migrations on a real SQLite file: empty → latest, rerun is a no-op, a newer schema is refused untouched.
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { APP_MIGRATIONS, DatabaseOpenError, openDatabase } from '../../../src-main/core/db/connection'
import { BUILTIN_SLUGS, FOOT_CORE_16_WEEKS } from '@shared/exercises/catalog'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'footcore-migrations-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const tables = (file: string) => {
  const db = new Database(file, { readonly: true })
  const names = (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[]).map(
    (r) => r.name,
  )
  db.close()
  return names
}

describe('migrations', () => {
  it('create the whole clinical model on an empty file', async () => {
    const file = join(dir, 'a.sqlite')
    const { close } = await openDatabase(file)
    await close()
    expect(tables(file)).toEqual([
      'audit_log',
      'clinic_settings',
      'database_identity',
      'exercise_texts',
      'exercises',
      'kysely_migration',
      'kysely_migration_lock',
      'measurements',
      'patient_name_words',
      'patients',
      'program_items',
      'programs',
      'sessions',
      'sign_in_failures',
      'symptom_scores',
      'therapists',
      'visit_adherence',
      'visit_stage_steps',
      'visits',
      'workstations',
    ])
  })

  it('seed the built-in catalog with every exercise the 16-week template uses', async () => {
    const { db, close } = await openDatabase(join(dir, 'b.sqlite'))
    const rows = await db.selectFrom('exercises').select(['slug', 'name', 'builtin', 'sets', 'reps', 'hold_seconds']).orderBy('id').execute()
    await close()
    expect(rows.map((r) => r.slug)).toEqual(Object.values(BUILTIN_SLUGS))
    for (const item of FOOT_CORE_16_WEEKS.items) expect(rows.some((r) => r.slug === item.slug)).toBe(true)
    // CLINICAL.md: short-foot 5–10 s hold, 10 repetitions, 2–3 sets
    expect(rows.find((r) => r.slug === 'short-foot')).toMatchObject({ name: 'Short-foot exercise (arch doming)', builtin: 1, sets: 3, reps: 10, hold_seconds: 5 })
  })

  it('set WAL, foreign keys, synchronous FULL and a busy timeout', async () => {
    const { sqlite, close } = await openDatabase(join(dir, 'c.sqlite'))
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    await close()
  })

  it('rerun on an up-to-date file changes nothing', async () => {
    const file = join(dir, 'd.sqlite')
    await (await openDatabase(file)).close()
    const snapshot = () => {
      const db = new Database(file, { readonly: true })
      const rows = db.prepare('select name from kysely_migration order by name').all()
      const exercises = db.prepare('select count(*) as n from exercises').get()
      db.close()
      return { rows, exercises }
    }
    const before = snapshot()
    await (await openDatabase(file)).close()
    expect(snapshot()).toEqual(before)
    expect(before.rows).toEqual(APP_MIGRATIONS.map((name) => ({ name })))
  })

  it('refuse a database written by a newer Footcore and leave the file untouched', async () => {
    const file = join(dir, 'e.sqlite')
    await (await openDatabase(file)).close()
    const raw = new Database(file)
    raw.prepare("insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2030-01-01T00:00:00.000Z')").run()
    raw.pragma('wal_checkpoint(TRUNCATE)')
    raw.close()
    const hash = () => createHash('sha256').update(readFileSync(file)).digest('hex')
    const before = hash()
    const error = await openDatabase(file).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseOpenError)
    expect((error as DatabaseOpenError).kind).toBe('schema_too_new')
    expect((error as Error).message).toContain('newer version of Footcore')
    expect(hash()).toBe(before)
  })

  it('refuse a file that is not a database', async () => {
    const file = join(dir, 'f.sqlite')
    writeFileSync(file, 'this is a text file, not a clinic database '.repeat(200))
    const error = await openDatabase(file).catch((e: unknown) => e)
    expect((error as DatabaseOpenError).kind).toBe('damaged')
  })

  it('migrate a database left at the first migration and back it up first', async () => {
    const file = join(dir, 'g.sqlite')
    // Build a 0001-only database by running the first migration alone.
    const { Kysely, Migrator, SqliteDialect } = await import('kysely')
    const { MIGRATIONS } = await import('../../../src-main/core/db/migrations')
    const sqlite = new Database(file)
    const k = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
    const r = await new Migrator({ db: k, provider: { getMigrations: async () => ({ '0001_initial': MIGRATIONS['0001_initial']! }) } }).migrateToLatest()
    expect(r.error).toBeUndefined()
    await k.destroy()

    const pendingSeen: string[][] = []
    const { db, close } = await openDatabase(file, { beforeMigrate: (_s, pending) => void pendingSeen.push(pending) })
    const n = await db.selectFrom('exercises').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    await close()
    expect(pendingSeen).toEqual([APP_MIGRATIONS.slice(1)])
    expect(Number(n.n)).toBe(Object.keys(BUILTIN_SLUGS).length)
  })
})
