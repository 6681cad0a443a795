// Opens the clinic database: integrity and schema checks, pragmas, then migrations.
import { constants, copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect } from 'kysely'
import { createBackup } from './backup'
import { migrationProvider } from './migrations'
import { APP_MIGRATIONS, DatabaseOpenError, refuseNewerSchema } from './open-errors'
import type { DB } from './schema'
import { withStatementCache } from './statement-cache'
import { checkIntegrityInBackground, type IntegrityResult } from './integrity-check'

export { APP_MIGRATIONS, DatabaseOpenError, type OpenFailure } from './open-errors'

export interface SqliteClinicDatabase {
  dialect: 'sqlite'
  db: Kysely<DB>
  sqlite: Database.Database
  file: string
  close(): Promise<void>
  /** With integrityCheck 'in_background': the answer of the whole-file check, a few seconds later. */
  integrity?: Promise<IntegrityResult>
}

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for this runtime (Electron has its own ABI). */
  nativeBinding?: string
  /**
   * Called before pending migrations run on a database that already holds data. Defaults to a
   * verified backup into the backups folder (core/db/backup.ts); null turns that off.
   */
  beforeMigrate?: ((sqlite: Database.Database, pending: string[]) => void | Promise<void>) | null
  /**
   * When the whole-file integrity check runs (perf, issue 6). 'at_open' (default): before anything
   * else, on a private copy. 'in_background': at open only the schema check (about a millisecond);
   * the full check runs in a worker thread and `integrity` answers later, and the caller must act
   * on a failure (recovery screen). At 20,000 patients the copy and check take seconds (README).
   * 'auto' (what the app uses): 'at_open' while the file fits the start-up budget, else 'in_background'.
   */
  integrityCheck?: 'at_open' | 'in_background' | 'auto'
}

/**
 * Largest file (with its -wal) checked before open in 'auto' mode: the copy and integrity_check
 * run at about 8 ms/MB here, so 32 MB (some 2,000 patients with years of visits) stays within
 * the 300 ms start-up target of issue 6. Larger clinics are checked seconds after start instead.
 */
export const AT_OPEN_CHECK_MAX_BYTES = 32 * 1024 * 1024

function fileBytes(file: string): number {
  const size = (f: string) => (existsSync(f) ? statSync(f).size : 0)
  return size(file) + size(`${file}-wal`)
}

// synchronous=FULL: in WAL mode NORMAL can lose the last commits on power loss; a visit the
// therapist saw saved must stay saved, and FULL costs well under a millisecond per commit here.
const PRAGMAS: [string, string | number][] = [
  ['journal_mode', 'wal'],
  ['foreign_keys', 1],
  ['synchronous', 2],
  ['busy_timeout', 5000],
]


/** Names of migrations recorded in the file, read without writing anything. */
function appliedMigrations(sqlite: Database.Database): string[] {
  const table = sqlite.prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'").get()
  if (!table) return []
  return (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name)
}

/**
 * Checks a file before anything writes to it: integrity, and that its schema is not newer than
 * this app. Even a read-only SQLite connection writes to the -shm file and creates -wal/-shm when
 * they are missing, so the check runs on a private copy of the file and its -wal: a damaged
 * database and its journal files stay byte-for-byte as they were.
 */
export function inspectDatabaseFile(file: string, nativeBinding?: string): { applied: string[] } {
  removeStaleCheckCopies(dirname(file))
  let checkDir: string
  try {
    checkDir = mkdtempSync(join(dirname(file), CHECK_PREFIX))
  } catch (e) {
    throw new DatabaseOpenError('unreadable', `The folder of the database file cannot be written to (${(e as NodeJS.ErrnoException).code ?? 'error'}).`)
  }
  try {
    const copy = join(checkDir, basename(file))
    try {
      // FICLONE: an instant copy-on-write clone where the file system supports it, a plain copy elsewhere.
      copyFileSync(file, copy, constants.COPYFILE_FICLONE)
      if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`, constants.COPYFILE_FICLONE)
    } catch (e) {
      throw new DatabaseOpenError('unreadable', `The database file could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`)
    }
    return inspectCopy(copy, nativeBinding)
  } finally {
    rmSync(checkDir, { recursive: true, force: true })
  }
}

export const CHECK_PREFIX = '.footcore-check-'
/** A check interrupted by a crash leaves its copy behind; it holds patient records, so it goes. */
function removeStaleCheckCopies(dir: string): void {
  const tenMinutesAgo = Date.now() - 10 * 60 * 1000
  try {
    for (const name of readdirSync(dir)) {
      if (!name.startsWith(CHECK_PREFIX)) continue
      const path = join(dir, name)
      // Recent ones may belong to another Footcore checking the same file right now.
      if (statSync(path).mtimeMs < tenMinutesAgo) rmSync(path, { recursive: true, force: true })
    }
  } catch {
    // Unreadable folder: the check below reports it.
  }
}

function inspectCopy(file: string, nativeBinding?: string): { applied: string[] } {
  let ro: Database.Database
  try {
    ro = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  } catch (e) {
    throw new DatabaseOpenError('unreadable', `The database file could not be opened (${(e as Error).message}).`)
  }
  try {
    let result: string
    try {
      result = (ro.pragma('integrity_check', { simple: true }) as string) ?? ''
    } catch (e) {
      const message = (e as Error).message
      // "file is not a database": the header itself is gone; SQLite cannot tell damage from a foreign file.
      throw new DatabaseOpenError('damaged', `The database file is damaged (${message}).`)
    }
    if (result !== 'ok') throw new DatabaseOpenError('damaged', `The database file is damaged (integrity check: ${result.slice(0, 200)}).`)
    let applied: string[]
    try {
      applied = appliedMigrations(ro)
    } catch (e) {
      throw new DatabaseOpenError('damaged', `The database file is damaged (${(e as Error).message}).`)
    }
    refuseNewerSchema(applied)
    return { applied }
  } finally {
    ro.close()
  }
}

export async function openDatabase(file: string, options: OpenOptions = {}): Promise<SqliteClinicDatabase> {
  const mode = options.integrityCheck ?? 'at_open'
  const background = existsSync(file) && (mode === 'in_background' || (mode === 'auto' && fileBytes(file) > AT_OPEN_CHECK_MAX_BYTES))
  let { applied } = existsSync(file) && !background ? inspectDatabaseFile(file, options.nativeBinding) : { applied: [] as string[] }

  let sqlite: Database.Database
  try {
    sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  } catch (e) {
    throw new DatabaseOpenError('unreadable', `The database file could not be opened (${(e as Error).message}).`)
  }
  if (background) {
    // Only the schema check before anything is written; the whole-file check follows in a worker.
    try {
      applied = appliedMigrations(sqlite)
      refuseNewerSchema(applied)
    } catch (e) {
      sqlite.close()
      throw e instanceof DatabaseOpenError ? e : new DatabaseOpenError('damaged', `The database file is damaged (${(e as Error).message}).`)
    }
  }
  for (const [name, value] of PRAGMAS) sqlite.pragma(`${name} = ${value}`)
  for (const [name, value] of PRAGMAS) {
    const actual = sqlite.pragma(name, { simple: true })
    if (String(actual) !== String(value)) {
      sqlite.close()
      throw new DatabaseOpenError('unreadable', `Could not set ${name} to ${value} (got ${String(actual)}).`)
    }
  }

  // Statement cache (perf, issue 6): Kysely would re-prepare every query; reusing them halves small queries.
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
  const pending = APP_MIGRATIONS.filter((n) => !applied.includes(n))
  if (pending.length > 0) {
    const beforeMigrate =
      options.beforeMigrate === undefined
        ? (source: Database.Database) => createBackup(source, file, 'pre-migration', { nativeBinding: options.nativeBinding })
        : options.beforeMigrate
    if (applied.length > 0 && beforeMigrate) {
      try {
        await beforeMigrate(sqlite, pending)
      } catch (e) {
        await db.destroy()
        throw new DatabaseOpenError('migration_failed', `No backup could be made before updating the database, so it was not updated (${(e as Error).message}).`)
      }
    }
    const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest()
    const failed = results?.find((r) => r.status === 'Error')
    if (error || failed) {
      await db.destroy()
      throw new DatabaseOpenError(
        'migration_failed',
        `Updating the database failed at ${failed?.migrationName ?? 'an unknown step'}; nothing was changed.`,
      )
    }
  }

  return {
    dialect: 'sqlite',
    db,
    sqlite,
    file,
    async close() {
      await db.destroy()
    },
    ...(background ? { integrity: checkIntegrityInBackground(file, { nativeBinding: options.nativeBinding }) } : {}),
  }
}
