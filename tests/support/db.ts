// A real clinic database for a test, with a service context and the router: a SQLite file in a temp
// folder, or (FOOTCORE_TEST_DIALECT=postgres, the vitest project "postgres") a fresh database on
// the throwaway PostgreSQL server that project's global setup started. The same tests run on both.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { sql } from 'kysely'
import { inject } from 'vitest'
import { dispatch } from '../../src-main/core/api/router'
import { newSessionToken, tokenHash } from '../../src-main/core/auth/secrets'
import { createUser } from '../../src-main/core/services/users'
import { UserCreateInput } from '../../src-shared/domain/user'
import type { DB } from '../../src-main/core/db/schema'
import type { Kysely } from 'kysely'
import { openClinicDatabase, type ClinicDatabase, type DatabaseLocation } from '../../src-main/core/db/clinic-database'
import type { ServiceContext } from '../../src-main/core/services/context'
import { ApiError, type ApiResult } from '../../src-shared/domain/errors'
import type { Input, MethodName, Output } from '../../src-shared/api'

export const FIXED_NOW = new Date('2026-06-15T10:00:00Z')

export type TestDialect = 'sqlite' | 'postgres'
export const TEST_DIALECT: TestDialect = process.env.FOOTCORE_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite'

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://…/postgres of the throwaway server (tests/support/postgres-global.ts). */
    postgresAdminUrl: string
  }
}

/**
 * Where a test's clinic lives: `dir/footcore.sqlite`, or a new empty database on the test server.
 * (The server and its databases are thrown away when the run ends.)
 */
export async function newTestLocation(dir: string): Promise<DatabaseLocation> {
  if (TEST_DIALECT === 'sqlite') return { kind: 'sqlite', file: join(dir, 'footcore.sqlite') }
  const admin = new URL(inject('postgresAdminUrl'))
  const name = `t_${process.pid}_${Date.now().toString(36)}_${(databaseCounter++).toString(36)}`
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    await client.query(`create database "${name}"`)
  } finally {
    await client.end()
  }
  admin.pathname = `/${name}`
  return { kind: 'postgres', url: admin.toString() }
}
let databaseCounter = 0

export interface TestClinic {
  dialect: TestDialect
  dir: string
  /** The SQLite file (empty on PostgreSQL). */
  file: string
  database: ClinicDatabase
  /** Rows of a read-only SQL text written for both dialects (tests only; values inline). */
  query<T = Record<string, unknown>>(text: string): Promise<T[]>
  /** The row version a page that loaded this record now would send with a change. */
  versionOf(table: 'patients' | 'visits' | 'programs' | 'therapists' | 'exercises' | 'clinic_settings', id: number): Promise<number>
  /** Number of rows in `table` (optionally `where` a condition written for both dialects). */
  count(table: string, where?: string): Promise<number>
  /** A service context acting as `actorId` at FIXED_NOW (or `now`). */
  ctx(actorId?: number | null, now?: Date): ServiceContext
  /**
   * Calls a contract method through the router as `actorId` (a session opened for that user),
   * throwing ApiError on failure. Without `actorId` it acts as the first user created through it:
   * the clinic's first administrator, as the first start makes them. `null`: no session.
   */
  call<M extends MethodName>(method: M, input: Input<M>, actorId?: number | null): Promise<Output<M>>
  /** A signed-in session's token for a user (no PIN typed: sign-in itself is tested on its own). */
  sessionFor(userId: number): Promise<string>
  /**
   * Another workstation on the same clinic database: on PostgreSQL its own connection pool (a
   * second computer); on SQLite the same connection (tabs of one app share its process, and a
   * second process on the file waits for the first's write lock).
   */
  workstation(): Promise<Workstation>
  close(): Promise<void>
}

export interface Workstation {
  /** The raw answer, so races can count the losers' codes; acting as `actorId` (null: no session). */
  dispatch(method: MethodName, input: unknown, actorId: number | null): Promise<ApiResult<unknown>>
  close(): Promise<void>
}

export async function openTestClinic(now: Date = FIXED_NOW): Promise<TestClinic> {
  const dir = mkdtempSync(join(tmpdir(), 'footcore-test-'))
  const location = await newTestLocation(dir)
  const database = await openClinicDatabase(location)
  let working: number | null = null
  const sessions = new Map<number, string>()
  const sessionFor = async (userId: number) => {
    const known = sessions.get(userId)
    if (known) return known
    const token = await openTestSession(database.db, userId, now)
    sessions.set(userId, token)
    return token
  }
  const query = async <T>(text: string) => (await sql.raw<T>(text).execute(database.db)).rows
  return {
    dialect: TEST_DIALECT,
    dir,
    file: location.kind === 'sqlite' ? location.file : '',
    database,
    query,
    async versionOf(table, id) {
      const row = await database.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirst()
      // An id that does not exist: any version, the call is refused as not found first.
      return row?.version ?? 1
    },
    async count(table, where) {
      const rows = await query<{ n: number | string }>(`select count(*) as n from ${table}${where ? ` where ${where}` : ''}`)
      return Number(rows[0]?.n)
    },
    ctx: (actorId = null, at = now) => ({ db: database.db, actorId, now: () => at }),
    sessionFor: (userId) => sessionFor(userId),
    async call(method, input, actorId) {
      if (method === 'users.create' && working === null && actorId === undefined) {
        // The first user: the clinic's first administrator (the first-start screen's job).
        const parsed = UserCreateInput.parse({ ...(input as object), role: 'administrator' })
        const created = await createUser({ db: database.db, actorId: null, now: () => now }, parsed)
        working = created.id
        return created as never
      }
      if (actorId === undefined && working === null) {
        // A call before anyone was added: the clinic's administrator, as after the first start.
        working = (await createUser({ db: database.db, actorId: null, now: () => now }, UserCreateInput.parse({ displayName: 'Clinic Administrator', role: 'administrator' }))).id
      }
      const who = actorId === undefined ? working : actorId
      const r = await dispatch({ db: database.db, now: () => now }, method, input, who === null ? null : await sessionFor(who))
      if (!r.ok) throw new ApiError(r.error)
      return r.value as never
    },
    async workstation() {
      const own = location.kind === 'postgres' ? await openClinicDatabase(location) : null
      const db = (own ?? database).db
      return {
        dispatch: async (method, input, actorId) => dispatch({ db, now: () => now }, method, input, actorId === null ? null : await sessionFor(actorId)),
        close: async () => own?.close(),
      }
    },
    async close() {
      await database.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * A session for `userId` as a sign-in would open it, without typing a PIN or writing the audit's
 * sign-in row (tests of sign-in go through session.signIn itself).
 */
export async function openTestSession(db: Kysely<DB>, userId: number, now: Date = FIXED_NOW): Promise<string> {
  const token = newSessionToken()
  const at = now.toISOString()
  await db
    .insertInto('sessions')
    .values({ id: `test-${token.slice(0, 12)}`, token_hash: tokenHash(token), user_id: userId, computer_name: 'test-computer', started_at: at, last_activity_at: at, locked: 0, ended_at: null })
    .execute()
  return token
}

/** The better-sqlite3 handle of a SQLite test clinic (tests of SQLite-only behaviour). */
export function sqliteOf(clinic: TestClinic): Database.Database {
  if (clinic.database.dialect !== 'sqlite') throw new Error('this test needs the SQLite file')
  return clinic.database.sqlite
}

/** Calls that must fail: returns the ApiError (fails the test when the call succeeds). */
export async function expectApiError(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (e) {
    if (e instanceof ApiError) return e
    throw e
  }
  throw new Error('expected the call to fail, but it succeeded')
}
