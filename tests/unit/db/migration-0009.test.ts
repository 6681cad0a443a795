// Migration 0009 on a clinic file left at 0008: every therapist becomes a user with the role
// therapist, a sign-in name made from their name and no PIN; the first start then asks for an
// administrator, who may be one of them.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/core/api/router'
import { openDatabase } from '../../../src-main/core/db/connection'
import { MIGRATIONS } from '../../../src-main/core/db/migrations'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'footcore-m0009-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function fileAt0008(file: string): Promise<void> {
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = wal')
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
  const upTo0008: Record<string, Migration> = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name <= '0008'))
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => upTo0008 } }).migrateToLatest()
  expect(error).toBeUndefined()
  const at = '2026-01-10T09:00:00.000Z'
  const add = sqlite.prepare('insert into therapists (display_name, active, created_at, updated_at) values (?, ?, ?, ?)')
  for (const [name, active] of [
    ['Zoë Łukasiewicz-O’Brien', 1],
    ['Anna Nowak', 1],
    ['Anna  Nowak', 0],
    ['王芳', 1],
  ] as const) {
    add.run(name, active, at, at)
  }
  await db.destroy()
}

describe('migration 0009_users_and_sessions', () => {
  it('makes every therapist a user without a PIN, with a sign-in name of their own, and leaves the first start to choose an administrator', async () => {
    const file = join(dir, 'clinic.sqlite')
    await fileAt0008(file)
    const database = await openDatabase(file, { beforeMigrate: null })
    try {
      const users = database.sqlite.prepare('select display_name, role, login_name, secret_hash, active from therapists order by id').all()
      expect(users).toEqual([
        // Accents dropped, Ł read as L, other punctuation a dot.
        { display_name: 'Zoë Łukasiewicz-O’Brien', role: 'therapist', login_name: 'zoe.lukasiewicz.o.brien', secret_hash: null, active: 1 },
        { display_name: 'Anna Nowak', role: 'therapist', login_name: 'anna.nowak', secret_hash: null, active: 1 },
        // The same name twice: the second gets its id added.
        { display_name: 'Anna  Nowak', role: 'therapist', login_name: 'anna.nowak3', secret_hash: null, active: 0 },
        // No Latin letters at all: a name from the id (the administrator can change it).
        { display_name: '王芳', role: 'therapist', login_name: 'user4', secret_hash: null, active: 1 },
      ])
      expect(database.sqlite.prepare('select lock_after_minutes, recovery_code_hash from clinic_settings').get()).toEqual({ lock_after_minutes: 5, recovery_code_hash: null })
      const status = await dispatch({ db: database.db }, 'session.setupStatus', {}, null)
      expect(status).toMatchObject({ ok: true, value: { needsFirstAdministrator: true, existingUsers: [{ displayName: 'Anna Nowak' }, { displayName: 'Zoë Łukasiewicz-O’Brien' }, { displayName: '王芳' }] } })
      // Nobody can sign in before an administrator gives them a PIN.
      expect(await dispatch({ db: database.db }, 'session.signIn', { loginName: 'anna.nowak', secret: '' }, null)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      expect(await dispatch({ db: database.db }, 'session.signIn', { loginName: 'anna.nowak', secret: '000000' }, null)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
      expect(() => database.sqlite.prepare("update therapists set role = 'owner' where id = 1").run()).toThrow(/CHECK constraint failed/)
    } finally {
      await database.close()
    }
  })
})
