// Moves a clinic from its SQLite file to an empty PostgreSQL database: every table, ids kept, one
// transaction, row counts and checksums compared on both sides before anything is committed.
import { createHash } from 'node:crypto'
import { constants, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type Database from 'better-sqlite3'
import { sql, type QueryResult, type RawBuilder, type Transaction } from 'kysely'
import { CHECK_PREFIX, openDatabase } from './connection'
import { DatabaseOpenError } from './open-errors'
import { describePostgresUrl, openPostgresDatabase, parsePostgresUrl } from './postgres'

export interface MovedTable {
  name: string
  rows: number
  /** sha256 over every row in primary-key order, values as JSON: equal on both sides. */
  checksum: string
}

export interface MoveResult {
  where: string
  tables: MovedTable[]
  ms: number
}

/** Rows a clinic has only after someone worked in it; a database holding none of them is empty. */
const CLINIC_TABLES = ['patients', 'visits', 'programs', 'therapists', 'audit_log'] as const

/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 30_000
/** Rows read from the server at a time while checking. */
const READ_BATCH = 5_000

interface TableInfo {
  name: string
  columns: string[]
  primaryKey: string[]
  /** Has an `id` column the server numbers itself (its sequence must move past the copied ids). */
  identity: boolean
}

/** Tables in an order where every table comes after the tables it references. */
function tablesInDependencyOrder(sqlite: Database.Database): TableInfo[] {
  const names = (sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name").pluck().all() as string[])
  const info = new Map<string, TableInfo & { references: string[] }>()
  for (const name of names) {
    const cols = sqlite.prepare(`select name, pk from pragma_table_info(?) order by cid`).all(name) as { name: string; pk: number }[]
    const references = (sqlite.prepare('select "table" as t from pragma_foreign_key_list(?)').pluck().all(name) as string[]).filter((t) => t !== name)
    const primaryKey = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name)
    info.set(name, { name, columns: cols.map((c) => c.name), primaryKey: primaryKey.length > 0 ? primaryKey : cols.map((c) => c.name), identity: primaryKey.length === 1 && primaryKey[0] === 'id' && name !== 'clinic_settings', references })
  }
  const ordered: TableInfo[] = []
  const placed = new Set<string>()
  const place = (name: string, path: string[]) => {
    if (placed.has(name)) return
    if (path.includes(name)) throw new Error(`tables reference each other in a cycle: ${[...path, name].join(' → ')}`)
    const t = info.get(name)!
    for (const r of t.references) if (info.has(r)) place(r, [...path, name])
    placed.add(name)
    ordered.push({ name: t.name, columns: t.columns, primaryKey: t.primaryKey, identity: t.identity })
  }
  for (const name of names) place(name, [])
  return ordered
}

const hashRow = (hash: ReturnType<typeof createHash>, columns: string[], row: Record<string, unknown>) => {
  hash.update(JSON.stringify(columns.map((c) => row[c] ?? null)))
  hash.update('\n')
}

/** Count and checksum of a table in the SQLite copy, read in primary-key order. */
function checksumSqlite(sqlite: Database.Database, t: TableInfo): MovedTable {
  const hash = createHash('sha256')
  let rows = 0
  const select = sqlite.prepare(`select ${t.columns.map((c) => `"${c}"`).join(', ')} from "${t.name}" order by ${t.primaryKey.map((c) => `"${c}"`).join(', ')}`)
  for (const row of select.iterate() as Iterable<Record<string, unknown>>) {
    hashRow(hash, t.columns, row)
    rows++
  }
  return { name: t.name, rows, checksum: hash.digest('hex') }
}

/** The same on the server, in batches (keyset pagination on the primary key; both dialects order keys bytewise). */
/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- the move copies every table generically */
async function checksumServer(trx: Transaction<any>, t: TableInfo): Promise<MovedTable> {
  const hash = createHash('sha256')
  let rows = 0
  let after: unknown[] | null = null
  const key = sql.join(t.primaryKey.map((c) => sql.ref(c)))
  for (;;) {
    const where: RawBuilder<unknown> = after ? sql`where (${key}) > (${sql.join(after)})` : sql``
    const batch: QueryResult<Record<string, unknown>> = await sql<Record<string, unknown>>`select ${sql.join(t.columns.map((c) => sql.ref(c)))} from ${sql.table(t.name)} ${where} order by ${key} limit ${READ_BATCH}`.execute(trx)
    for (const row of batch.rows) hashRow(hash, t.columns, row)
    rows += batch.rows.length
    if (batch.rows.length < READ_BATCH) break
    const last: Record<string, unknown> = batch.rows[batch.rows.length - 1]!
    after = t.primaryKey.map((c) => last[c])
  }
  return { name: t.name, rows, checksum: hash.digest('hex') }
}

/**
 * Copies the SQLite clinic in `sqliteFile` into the empty PostgreSQL database at `url`. The file is
 * read from a private copy (migrated there to this app's schema when it is older), so its bytes
 * stay as they were. Everything happens in one transaction on the server, including the check: a
 * count or checksum that differs rolls it all back and the server stays empty.
 */
export async function moveClinicToServer(sqliteFile: string, url: string, onProgress: (line: string) => void = () => undefined): Promise<MoveResult> {
  const started = Date.now()
  const where = describePostgresUrl(parsePostgresUrl(url))
  if (!existsSync(sqliteFile)) throw new DatabaseOpenError('unreadable', `There is no clinic database file at ${sqliteFile}.`)
  // The start-up check's prefix: a copy a crash leaves behind is removed at the next start.
  const copyDir = mkdtempSync(join(dirname(sqliteFile), CHECK_PREFIX))
  try {
    const copy = join(copyDir, basename(sqliteFile))
    copyFileSync(sqliteFile, copy, constants.COPYFILE_FICLONE)
    if (existsSync(`${sqliteFile}-wal`)) copyFileSync(`${sqliteFile}-wal`, `${copy}-wal`, constants.COPYFILE_FICLONE)
    const source = await openDatabase(copy, { beforeMigrate: null, integrityCheck: 'at_open' })
    try {
      const target = await openPostgresDatabase(url)
      try {
        for (const table of CLINIC_TABLES) {
          const n = Number((await target.db.selectFrom(table).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
          if (n > 0) {
            throw new DatabaseOpenError('foreign_database', `The database ${where} already holds a clinic's records. Footcore moves records only into an empty database; nothing was changed.`)
          }
        }
        const tables = tablesInDependencyOrder(source.sqlite)
        const moved = await target.db.transaction().execute(async (trx) => {
          // The server's own first rows (clinic settings, built-in exercises) make way for the clinic's.
          for (const t of [...tables].reverse()) await trx.deleteFrom(t.name as never).execute()
          const result: MovedTable[] = []
          for (const t of tables) {
            await copyTable(source.sqlite, trx, t)
            const here = checksumSqlite(source.sqlite, t)
            const there = await checksumServer(trx, t)
            if (here.rows !== there.rows || here.checksum !== there.checksum) {
              throw new Error(`table ${t.name} differs after the copy (${here.rows} rows here, ${there.rows} on the server); nothing was changed`)
            }
            onProgress(`${t.name}: ${here.rows} rows, checksum ${here.checksum.slice(0, 12)} on both sides`)
            result.push(here)
          }
          return result
        })
        return { where, tables: moved, ms: Date.now() - started }
      } finally {
        await target.close()
      }
    } finally {
      await source.close()
    }
  } finally {
    rmSync(copyDir, { recursive: true, force: true })
  }
}

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- the move copies every table generically */
async function copyTable(sqlite: Database.Database, trx: Transaction<any>, t: TableInfo): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / t.columns.length))
  const select = sqlite.prepare(`select ${t.columns.map((c) => `"${c}"`).join(', ')} from "${t.name}" order by ${t.primaryKey.map((c) => `"${c}"`).join(', ')}`)
  let batch: Record<string, unknown>[] = []
  const flush = async () => {
    if (batch.length === 0) return
    await trx.insertInto(t.name).values(batch).execute()
    batch = []
  }
  for (const row of select.iterate() as Iterable<Record<string, unknown>>) {
    batch.push(row)
    if (batch.length >= perStatement) await flush()
  }
  await flush()
  if (t.identity) {
    // Ids were copied as they were; new rows on the server must be numbered after them.
    await sql`select setval(pg_get_serial_sequence(${t.name}, 'id'), coalesce((select max(id) from ${sql.table(t.name)}), 0) + 1, false)`.execute(trx)
  }
}
