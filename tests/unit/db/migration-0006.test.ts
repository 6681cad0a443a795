// Migration 0006 on a file left at 0003: the database gets an identity, every row stays.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { openDatabase } from '../../../src-main/core/db/connection'
import { readDatabaseIdentity } from '../../../src-main/core/db/identity'
import { m0001_initial } from '../../../src-main/core/db/migrations/0001_initial'
import { m0002_builtin_exercises } from '../../../src-main/core/db/migrations/0002_builtin_exercises'
import { m0003_search_indexes } from '../../../src-main/core/db/migrations/0003_search_indexes'

process.env.FOOTCORE_LOG = 'silent'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'footcore-m0006-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function fileAt0003(file: string): Promise<void> {
  const sqlite = new Database(file)
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
  const upTo0003: Record<string, Migration> = { '0001_initial': m0001_initial, '0002_builtin_exercises': m0002_builtin_exercises, '0003_search_indexes': m0003_search_indexes }
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => upTo0003 } }).migrateToLatest()
  expect(error).toBeUndefined()
  const at = '2026-01-10T09:00:00.000Z'
  sqlite.prepare("insert into therapists (display_name, active, created_at, updated_at) values ('Priya Raman', 1, ?, ?)").run(at, at)
  await db.destroy()
}

it('gives each database its own random identity and keeps every row', async () => {
  const a = join(dir, 'a.sqlite')
  const b = join(dir, 'b.sqlite')
  await fileAt0003(a)
  await fileAt0003(b)
  const [da, db] = [await openDatabase(a, { beforeMigrate: null }), await openDatabase(b, { beforeMigrate: null })]
  const [ia, ib] = [await readDatabaseIdentity(da.db), await readDatabaseIdentity(db.db)]
  expect(ia).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  expect(ib).not.toBe(ia)
  expect(await da.db.selectFrom('therapists').select('display_name').execute()).toEqual([{ display_name: 'Priya Raman' }])
  await da.close()
  await db.close()
})
