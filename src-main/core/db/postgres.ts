// Opens the clinic database on a PostgreSQL server: connection and version checks, then migrations.
import { Kysely, Migrator, PostgresDialect } from 'kysely'
import pg from 'pg'
import { DatabaseOpenError, refuseNewerSchema } from './open-errors'
import { migrationProvider } from './migrations'
import type { DB } from './schema'

export interface PostgresClinicDatabase {
  dialect: 'postgres'
  db: Kysely<DB>
  /** The server and database, without user name or password (for the page and the logs). */
  where: string
  close(): Promise<void>
}

export interface PostgresOpenOptions {
  /** Pool size: one workstation needs few connections; the server is shared by the whole clinic. */
  maxConnections?: number
  connectTimeoutMs?: number
}

export const MIN_SERVER_VERSION = 130000

/** `postgres://user:pass@host:5432/db?sslmode=…` → a parsed URL, or a plain sentence why not. */
export function parsePostgresUrl(url: string): URL {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new DatabaseOpenError('bad_address', 'The clinic database address is not valid. It looks like postgres://user:password@server:5432/footcore.')
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new DatabaseOpenError('bad_address', 'The clinic database address must start with postgres:// (for example postgres://user:password@server:5432/footcore).')
  }
  if (!parsed.hostname || parsed.pathname.replace(/^\//, '') === '') {
    throw new DatabaseOpenError('bad_address', 'The clinic database address needs a server name and a database name, as in postgres://user:password@server:5432/footcore.')
  }
  const sslmode = parsed.searchParams.get('sslmode')
  if (sslmode !== null && !['disable', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify'].includes(sslmode)) {
    throw new DatabaseOpenError('bad_address', `The clinic database address has sslmode=${sslmode}; use disable, require, verify-ca or verify-full.`)
  }
  return parsed
}

/** "server:5432/footcore": what the page and the log may show (never the user or password). */
export function describePostgresUrl(url: URL): string {
  return `${url.hostname}:${url.port || '5432'}${url.pathname}`
}

// pg answers bigint (count(*), sum of integers) and numeric as strings; the app's counts and sums
// are far below 2^53, so they are read as numbers, as SQLite answers them.
const INT8_OID = 20
const NUMERIC_OID = 1700
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format)
  },
} as pg.CustomTypesConfig

/** The error codes and system errors of a server that cannot be reached, as one plain sentence. */
export function connectionProblem(e: unknown, where: string): DatabaseOpenError | null {
  const code = (e as { code?: string }).code
  if (code === undefined) return null
  if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNRESET', 'EPIPE'].includes(code)) {
    return new DatabaseOpenError('server_unreachable', `The clinic database server at ${where} cannot be reached. Check that the server is running and that this computer may connect to it.`)
  }
  if (code === '28P01' || code === '28000') {
    return new DatabaseOpenError('server_refused', `The clinic database server at ${where} refused the user name or password.`)
  }
  if (code === '3D000') return new DatabaseOpenError('server_refused', `The database ${where} does not exist on the server. Ask the administrator to create it.`)
  if (code === '57P03' || code === '57P01' || code === '57P02' || code === '08006' || code === '08001' || code === '08003') {
    return new DatabaseOpenError('server_unreachable', `The clinic database server at ${where} is not accepting connections right now (it may be starting or stopping).`)
  }
  return null
}

export const SERVER_UNREACHABLE =
  'The clinic database server cannot be reached right now. Nothing you typed is lost: keep the page open and try again in a moment.'

/**
 * A call that failed because the server went away (stopped, restarted, network): the page says so
 * in a plain sentence instead of "something went wrong". The pool replaces dead connections, so
 * the next call works again once the server is back, without a restart.
 */
export function isServerUnreachable(e: unknown): boolean {
  if (connectionProblem(e, '')?.kind === 'server_unreachable') return true
  const message = e instanceof Error ? e.message : ''
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection due to administrator command|the database system is (shutting down|starting up)/i.test(message)
}

/** A connect timeout shows up as an Error without a code. */
function isTimeout(e: unknown): boolean {
  return e instanceof Error && /timeout/i.test(e.message)
}

export function createPostgresPool(url: string, options: PostgresOpenOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 8,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
    application_name: 'footcore',
    types: typeParsers,
  })
  // A connection the server dropped (restart, network) emits 'error': idle ones on the pool, ones
  // in use on the client itself. Unheard, either would end the app; the query in flight fails on
  // its own (the router answers "cannot be reached") and the pool replaces the connection.
  pool.on('error', () => undefined)
  pool.on('connect', (client) => client.on('error', () => undefined))
  return pool
}

/** The server's version, and that the database is empty or Footcore's own and not from a newer Footcore. */
async function checkServerAndSchema(client: pg.PoolClient, where: string): Promise<DatabaseOpenError | null> {
  const version = Number((await client.query<{ v: string }>("select current_setting('server_version_num') as v")).rows[0]?.v)
  if (!(version >= MIN_SERVER_VERSION)) {
    return new DatabaseOpenError('server_too_old', `The clinic database server runs PostgreSQL ${Math.floor(version / 10000)}; Footcore needs PostgreSQL 13 or newer.`)
  }
  const tables = (await client.query<{ name: string }>('select table_name as name from information_schema.tables where table_schema = current_schema()')).rows.map((r) => r.name)
  const applied = tables.includes('kysely_migration') ? (await client.query<{ name: string }>('select name from kysely_migration order by name')).rows.map((r) => r.name) : []
  const ours = tables.filter((t) => t !== 'kysely_migration' && t !== 'kysely_migration_lock')
  if (applied.length === 0 && ours.length > 0) {
    return new DatabaseOpenError('foreign_database', `The database ${where} holds tables of another application. Footcore needs an empty database of its own; nothing was changed.`)
  }
  refuseNewerSchema(applied)
  return null
}

/** "postgres://user@host/db" + a password typed apart → one URL (the password URL-encoded). */
export function withPassword(address: string, password: string): string {
  const url = parsePostgresUrl(address)
  if (password) url.password = encodeURIComponent(password)
  return url.toString()
}

/**
 * "Test connection": the same checks as opening, without writing anything (no migration). Answers
 * the server's version and whether the database is empty or already holds a Footcore clinic.
 */
export async function checkPostgresServer(url: string): Promise<{ where: string; serverVersion: string; applied: string[]; patients: number }> {
  const where = describePostgresUrl(parsePostgresUrl(url))
  const pool = createPostgresPool(url, { maxConnections: 1 })
  try {
    let client: pg.PoolClient
    try {
      client = await pool.connect()
    } catch (e) {
      throw connectionProblem(e, where) ?? new DatabaseOpenError('server_unreachable', `The clinic database server at ${where} did not answer in time.`)
    }
    try {
      const problem = await checkServerAndSchema(client, where)
      if (problem) throw problem
      const serverVersion = (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v.split(' ')[0] ?? ''
      const tables = (await client.query<{ name: string }>('select table_name as name from information_schema.tables where table_schema = current_schema()')).rows.map((r) => r.name)
      const applied = tables.includes('kysely_migration') ? (await client.query<{ name: string }>('select name from kysely_migration')).rows.map((r) => r.name) : []
      const patients = tables.includes('patients') ? Number((await client.query<{ n: string }>('select count(*) as n from patients')).rows[0]?.n) : 0
      return { where, serverVersion, applied, patients }
    } catch (e) {
      if (e instanceof DatabaseOpenError) throw e
      throw connectionProblem(e, where) ?? new DatabaseOpenError('server_refused', `The clinic database at ${where} could not be read (${(e as Error).message}).`)
    } finally {
      client.release()
    }
  } finally {
    await pool.end().catch(() => undefined)
  }
}

/** Checks the server and the database before anything is written, then migrates. */
export async function openPostgresDatabase(url: string, options: PostgresOpenOptions = {}): Promise<PostgresClinicDatabase> {
  const parsed = parsePostgresUrl(url)
  const where = describePostgresUrl(parsed)
  const pool = createPostgresPool(url, options)
  const fail = async (e: DatabaseOpenError): Promise<never> => {
    await pool.end().catch(() => undefined)
    throw e
  }
  let client: pg.PoolClient
  try {
    client = await pool.connect()
  } catch (e) {
    return fail(connectionProblem(e, where) ?? (isTimeout(e) ? new DatabaseOpenError('server_unreachable', `The clinic database server at ${where} did not answer in time.`) : new DatabaseOpenError('server_refused', `The clinic database server at ${where} refused the connection (${(e as Error).message}).`)))
  }
  let problem: DatabaseOpenError | null
  try {
    problem = await checkServerAndSchema(client, where)
  } catch (e) {
    problem = e instanceof DatabaseOpenError ? e : (connectionProblem(e, where) ?? new DatabaseOpenError('server_refused', `The clinic database at ${where} could not be read (${(e as Error).message}).`))
  } finally {
    // Released before fail() ends the pool: pool.end() waits for every client to come back.
    client.release()
  }
  if (problem) return fail(problem)

  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  // Several workstations may start at once: Kysely's Migrator holds a PostgreSQL advisory lock.
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    await db.destroy()
    const reach = connectionProblem(error, where)
    if (reach) throw reach
    throw new DatabaseOpenError('migration_failed', `Updating the database failed at ${failed?.migrationName ?? 'an unknown step'}; nothing was changed.`)
  }
  return {
    dialect: 'postgres',
    db,
    where,
    async close() {
      await db.destroy()
    },
  }
}
