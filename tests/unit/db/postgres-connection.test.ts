// The clinic database on a real PostgreSQL server: the schema it gets, what it refuses at start (one
// plain sentence, nothing written), and a server that stops in the middle of recording visits.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { firstAdministrator } from '../../support/sessions'
import { dispatch } from '../../../src-main/core/api/router'
import { openDatabase } from '../../../src-main/core/db/connection'
import { openPostgresDatabase } from '../../../src-main/core/db/postgres'
import type { DB } from '../../../src-main/core/db/schema'
import { startPostgresServer, type PostgresServer } from '../../support/postgres-server'

let server: PostgresServer
let dir: string
beforeAll(async () => {
  // Its own server: one test here stops and starts it.
  server = await startPostgresServer()
  dir = mkdtempSync(join(tmpdir(), 'footcore-pg-conn-'))
})
afterAll(() => {
  server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function openFails(url: string): Promise<string> {
  try {
    const d = await openPostgresDatabase(url, { connectTimeoutMs: 3000 })
    await d.close()
  } catch (e) {
    return (e as Error).message
  }
  throw new Error('expected the database to be refused')
}

async function tablesOf(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return (await c.query<{ t: string }>("select table_name as t from information_schema.tables where table_schema = 'public' order by 1")).rows.map((r) => r.t)
  } finally {
    await c.end()
  }
}

/** Table → sorted column names, and the built-in exercises, as each dialect stores them. */
async function shape(db: Kysely<DB>) {
  const tables = await db.introspection.getTables()
  const columns = Object.fromEntries(tables.map((t) => [t.name, t.columns.map((c) => c.name).sort()]).sort())
  const builtins = await db.selectFrom('exercises').select(['slug', 'name', 'purpose', 'steps_json', 'stages_json', 'sets', 'reps', 'hold_seconds']).where('builtin', '=', 1).orderBy('slug').execute()
  return { columns, builtins }
}

describe('the schema on PostgreSQL', () => {
  it('gives an empty database the whole schema on first connect, the same tables, columns and built-in exercises as SQLite', async () => {
    const pgDb = await openPostgresDatabase(await server.createDatabase())
    const sqliteDb = await openDatabase(join(dir, 'shape.sqlite'))
    try {
      const [a, b] = [await shape(pgDb.db), await shape(sqliteDb.db)]
      expect(Object.keys(a.columns).length).toBeGreaterThanOrEqual(9)
      expect(a.columns).toEqual(b.columns)
      expect(a.builtins.length).toBeGreaterThanOrEqual(6)
      expect(a.builtins).toEqual(b.builtins)
    } finally {
      await pgDb.close()
      await sqliteDb.close()
    }
  })

  it('keeps the same constraints: a bad value is refused by the database itself on both', async () => {
    const pgDb = await openPostgresDatabase(await server.createDatabase())
    const sqliteDb = await openDatabase(join(dir, 'constraints.sqlite'))
    try {
      for (const db of [pgDb.db, sqliteDb.db]) {
        const at = '2026-06-15T10:00:00.000Z'
        const row = { first_name: 'A', last_name: 'B', first_name_key: 'a', last_name_key: 'b', date_of_birth: '1990-01-01', complaints_json: '[]', notes: '', created_at: at, updated_at: at }
        await expect(db.insertInto('patients').values({ ...row, sex: 'robot' as 'female' }).execute()).rejects.toThrow(/check/i)
        await expect(db.insertInto('clinic_settings').values({ id: 2 } as never).execute()).rejects.toThrow()
        await db.insertInto('patients').values({ ...row, sex: 'female' }).execute()
        expect(Number((await db.selectFrom('patients').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(1)
      }
    } finally {
      await pgDb.close()
      await sqliteDb.close()
    }
  })

  it('keeps one decimal of a measurement exactly (double precision, not 4-byte real)', async () => {
    const pgDb = await openPostgresDatabase(await server.createDatabase())
    try {
      const admin = await firstAdministrator({ db: pgDb.db })
      const therapistId = admin.id
      const p = await dispatch({ db: pgDb.db }, 'patients.create', { firstName: 'Zoë', lastName: 'Kowalska', dateOfBirth: '1980-02-29' }, admin.token)
      const patientId = (p as { ok: true; value: { id: number } }).value.id
      const v = await dispatch({ db: pgDb.db }, 'visits.record', { patientId, therapistId, visitDate: '2026-06-01', kind: 'baseline', left: { footLengthMm: 262.3, archHeightMm: 62.3 }, right: { footLengthMm: 261.7 } }, admin.token)
      expect(v.ok).toBe(true)
      const rows = await sql<{ a: number }>`select arch_height_mm as a from measurements where arch_height_mm is not null`.execute(pgDb.db)
      expect(rows.rows[0]!.a).toBe(62.3)
    } finally {
      await pgDb.close()
    }
  })
})

describe('what a server is refused for, in one sentence, with nothing written', () => {
  it('refuses addresses that are not a PostgreSQL URL', async () => {
    expect(await openFails('not a url')).toBe('The clinic database address is not valid. It looks like postgres://user:password@server:5432/footcore.')
    expect(await openFails('mysql://u:p@127.0.0.1/footcore')).toMatch(/^The clinic database address must start with postgres:\/\//)
    expect(await openFails('postgres://u:p@127.0.0.1:5432')).toMatch(/needs a server name and a database name/)
    expect(await openFails(`${server.url('postgres')}?sslmode=sometimes`)).toMatch(/sslmode=sometimes/)
  })

  it('says a server cannot be reached when nothing listens there', async () => {
    const message = await openFails('postgres://footcore:x@127.0.0.1:1/footcore')
    expect(message).toBe('The clinic database server at 127.0.0.1:1/footcore cannot be reached. Check that the server is running and that this computer may connect to it.')
  })

  it('says the user name or password was refused, without repeating the password', async () => {
    const url = new URL(await server.createDatabase())
    url.password = 'wrong-secret-123'
    const message = await openFails(url.toString())
    expect(message).toBe(`The clinic database server at 127.0.0.1:${server.port}${url.pathname} refused the user name or password.`)
    expect(message).not.toContain('wrong-secret-123')
  })

  it('says a database that does not exist does not exist', async () => {
    expect(await openFails(server.url('no_such_clinic'))).toBe(`The database 127.0.0.1:${server.port}/no_such_clinic does not exist on the server. Ask the administrator to create it.`)
  })

  it('refuses a database of another application and leaves it as it was', async () => {
    const url = await server.createDatabase()
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    await c.query('create table invoices (id serial primary key, total numeric)')
    await c.end()
    expect(await openFails(url)).toMatch(/holds tables of another application\. Footcore needs an empty database of its own; nothing was changed\.$/)
    expect(await tablesOf(url)).toEqual(['invoices'])
  })

  it('refuses a database written by a newer Footcore with the same sentence as a newer SQLite file, and changes nothing', async () => {
    const url = await server.createDatabase()
    await (await openPostgresDatabase(url)).close()
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    await c.query("insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2099-01-01')")
    const before = (await c.query('select count(*)::int as n from kysely_migration')).rows[0]
    expect(await openFails(url)).toBe('This database was saved by a newer version of Footcore. Install the newer version to open it; the database was not changed.')
    expect((await c.query('select count(*)::int as n from kysely_migration')).rows[0]).toEqual(before)
    await c.end()
  })
})

describe('a server that stops while visits are recorded', () => {
  it('stores each visit whole or not at all, answers "cannot be reached", and carries on without a restart once the server is back', async () => {
    const database = await openPostgresDatabase(await server.createDatabase())
    const core = { db: database.db }
    const ok = async <T,>(method: string, input: unknown, session: string | null) => {
      const r = await dispatch(core, method, input, session)
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
      return r.value as T
    }
    try {
      const admin = await firstAdministrator(core)
      const therapist = admin.id
      const session = admin.token
      const patientId = (await ok<{ id: number }>('patients.create', { firstName: 'Zoë', lastName: 'Kowalska', dateOfBirth: '1980-02-29' }, session)).id
      const visit = (day: number) => ({
        patientId,
        therapistId: therapist,
        visitDate: `2026-05-${String(day).padStart(2, '0')}`,
        kind: day === 1 ? 'baseline' : 'follow_up',
        left: { footLengthMm: 260, archHeightMm: 60 },
        right: { footLengthMm: 261, archHeightMm: 61 },
        symptoms: { foot_heel: 3, knee: 2, low_back: 1, neck: 0, headache: 4 },
      })
      // Record visits one after another while the server is stopped (immediate: as a crash) mid-way.
      const answers: { day: number; ok: boolean; code?: string; message?: string }[] = []
      let halted = false
      for (let day = 1; day <= 28; day++) {
        if (day === 12) {
          const pending = dispatch(core, 'visits.record', visit(day), session)
          server.halt('immediate')
          halted = true
          const r = await pending
          answers.push({ day, ok: r.ok, ...(r.ok ? {} : { code: r.error.code, message: r.error.message }) })
          continue
        }
        const r = await dispatch(core, 'visits.record', visit(day), session)
        answers.push({ day, ok: r.ok, ...(r.ok ? {} : { code: r.error.code, message: r.error.message }) })
        if (halted && day === 16) {
          server.resume()
          halted = false
        }
      }
      expect(halted).toBe(false)
      const refused = answers.filter((a) => !a.ok)
      expect(refused.length).toBeGreaterThanOrEqual(4)
      for (const a of refused) {
        expect(a.code, `day ${a.day}`).toBe('unavailable')
        expect(a.message).toBe('The clinic database server cannot be reached right now. Nothing you typed is lost: keep the page open and try again in a moment.')
      }
      // After the server came back every call works again, without reopening anything.
      expect(answers.filter((a) => a.day > 16).every((a) => a.ok)).toBe(true)
      const stored = await ok<{ id: number; visitDate: string }[]>('visits.list', { patientId }, session)
      const storedDays = new Set(stored.map((v) => Number(v.visitDate.slice(8))))
      for (const a of answers) if (a.ok) expect(storedDays.has(a.day), `day ${a.day} answered ok`).toBe(true)
      // Whole or nothing: every stored visit has both feet and all five pain scores.
      const parts = await sql<{ id: number; feet: number; scores: number }>`
        select v.id, (select count(*) from measurements m where m.visit_id = v.id) as feet,
               (select count(*) from symptom_scores s where s.visit_id = v.id) as scores
        from visits v`.execute(database.db)
      expect(parts.rows.length).toBe(stored.length)
      for (const r of parts.rows) expect([r.feet, r.scores]).toEqual([2, 5])
    } finally {
      await database.close()
    }
  }, 60_000)
})

describe('"Back up now" on a server', () => {
  it('writes a pg_dump custom-format file into the backups folder, lists it, and explains restore instead of doing it', async () => {
    const { AppState } = await import('../../../src-main/core/app-state')
    const { execFileSync } = await import('node:child_process')
    const url = await server.createDatabase()
    const backups = join(dir, 'server-backups')
    const state = await AppState.open({ kind: 'postgres', url }, { serverBackupDir: backups }, () => new Date('2026-06-15T10:00:00Z'))
    try {
      const info = await state.backupNow('manual')
      expect(info.name).toBe('footcore-20260615T100000000Z-manual.dump')
      expect(state.listBackups().map((b) => b.name)).toEqual([info.name])
      // pg_restore reads it back: the clinic's tables are in it.
      const listing = execFileSync(join(server.binDir, 'pg_restore'), ['--list', join(backups, info.name)]).toString()
      expect(listing).toMatch(/TABLE public patients/)
      expect(listing).toMatch(/TABLE DATA public exercises/)
      await expect(state.restore({ name: info.name, by: null, from: 'settings' })).rejects.toThrow(/restored on the server by the administrator with pg_restore/)
      expect(state.status()).toMatchObject({ state: 'ok', file: `127.0.0.1:${server.port}${new URL(url).pathname}` })
    } finally {
      await state.close()
    }
  })
})
