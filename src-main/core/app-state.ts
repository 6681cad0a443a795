// Holds the open clinic database for both shells, so a restore can swap it and a file that will not
// open leaves the app in recovery instead of stopping it.
import type { Kysely } from 'kysely'
import type { BackupInfo, RecoveryState, RecoveryStatus, RestoreResult } from '@shared/domain/backup'
import type { DatabaseMoveResult, DatabaseStatus } from '@shared/domain/database'
import { ApiError } from '@shared/domain/errors'
import { createBackup, listBackups, restoreBackupFile } from './db/backup'
import { openClinicDatabase, type ClinicDatabase, type DatabaseLocation } from './db/clinic-database'
import { DatabaseOpenError, type OpenOptions } from './db/connection'
import { dumpPostgresDatabase, listServerBackups, SERVER_RESTORE_HELP } from './db/postgres-backup'
import type { DB } from './db/schema'
import { canStorePasswords, saveDatabaseChoice, type SecretBox } from './database-choice'
import { moveClinicToServer } from './db/move-to-server'
import { checkPostgresServer } from './db/postgres'
import { log } from './log'

export interface AppStateOptions extends OpenOptions {
  /** PostgreSQL: the local folder "Back up now" writes pg_dump files into. */
  serverBackupDir?: string
  /**
   * Where a server chosen in Settings is remembered (core/database-choice.ts). Absent when the
   * command line chose the database: then Settings shows the choice but cannot change it.
   */
  choice?: { dir: string; box?: SecretBox }
}

const DAY_MS = 24 * 60 * 60 * 1000
/** How often a long-running app looks whether today's backup is due. */
const DAILY_CHECK_MS = 60 * 60 * 1000

/** The SQLite file's failures open the recovery screen; a server's are refused at start (open throws). */
type RecoveryFailure = Exclude<RecoveryState, 'ok'>
const isRecoveryFailure = (e: DatabaseOpenError): e is DatabaseOpenError & { kind: RecoveryFailure } => e.kind in UNAVAILABLE

const UNAVAILABLE: Record<RecoveryFailure, string> = {
  damaged: 'The clinic database is damaged, so Footcore opened the recovery screen instead.',
  unreadable: 'The clinic database could not be read, so Footcore opened the recovery screen instead.',
  schema_too_new: 'The clinic database was saved by a newer version of Footcore. Install that version to open it.',
  migration_failed: 'Updating the clinic database failed, so Footcore opened the recovery screen instead.',
}

export class AppState {
  /** What the router reads (`Core.app`): the state itself. */
  readonly app = this
  private database: ClinicDatabase | null = null
  private failure: (DatabaseOpenError & { kind: RecoveryFailure }) | null = null
  private restoring = false
  /** Backups and restores run one at a time. */
  private queue: Promise<unknown> = Promise.resolve()
  private timers: NodeJS.Timeout[] = []

  private constructor(
    private currentLocation: DatabaseLocation,
    private readonly options: AppStateOptions,
    readonly now: () => Date,
  ) {}

  /**
   * Opens the clinic database. A SQLite file that cannot be opened gives a state in recovery, not
   * an exception; a PostgreSQL server that cannot be used is refused with a DatabaseOpenError (the
   * app does not start half-way; there is no file here to recover).
   */
  static async open(where: string | DatabaseLocation, options: AppStateOptions = {}, now: () => Date = () => new Date()): Promise<AppState> {
    const location: DatabaseLocation = typeof where === 'string' ? { kind: 'sqlite', file: where } : where
    // 'auto': small files are fully checked before open, large ones right after start (issue 6).
    const state = new AppState(location, { integrityCheck: 'auto', ...options }, now)
    await state.reopen()
    return state
  }

  get location(): DatabaseLocation {
    return this.currentLocation
  }

  /** The SQLite file (backups and restore live beside it). */
  get file(): string {
    if (this.location.kind !== 'sqlite') throw new ApiError({ code: 'unavailable', message: SERVER_RESTORE_HELP })
    return this.location.file
  }

  /** Where the data is, for the page and IT support: the file path, or server:port/database. */
  get where(): string {
    return this.location.kind === 'sqlite' ? this.location.file : (this.database?.dialect === 'postgres' ? this.database.where : 'the clinic database server')
  }

  private async reopen(): Promise<void> {
    try {
      const database = await openClinicDatabase(this.location, this.options)
      this.database = database
      this.failure = null
      // integrityCheck 'in_background': the whole-file check answers later; a damaged file then
      // closes and the next call gets the recovery screen, as if the check had run at open.
      if (database.dialect === 'postgres') return
      void database.integrity?.then(async (result) => {
        if (result.ok || this.database !== database) return
        this.database = null
        this.failure = new DatabaseOpenError('damaged', `The database file is damaged (integrity check: ${result.detail.slice(0, 200)}).`) as DatabaseOpenError & { kind: 'damaged' }
        log.warn('database failed its background integrity check; recovery screen', { kind: 'damaged' })
        await database.close()
      })
    } catch (e) {
      if (!(e instanceof DatabaseOpenError) || !isRecoveryFailure(e) || this.location.kind === 'postgres') throw e
      this.database = null
      this.failure = e
      log.warn('database not opened; recovery screen', { kind: e.kind })
    }
  }

  get available(): boolean {
    return this.database !== null
  }

  /** The open database, or an `unavailable` error the renderer shows as the recovery screen. */
  get db(): Kysely<DB> {
    if (!this.database) throw new ApiError({ code: 'unavailable', message: this.unavailableMessage() })
    return this.database.db
  }

  get openDatabase(): ClinicDatabase | null {
    return this.database
  }

  unavailableMessage(): string {
    if (this.restoring) return 'A backup is being restored. Try again in a moment.'
    return this.failure ? UNAVAILABLE[this.failure.kind] : 'The clinic database is not open.'
  }

  status(): RecoveryStatus {
    return {
      state: this.failure?.kind ?? 'ok',
      message: this.failure ? `${UNAVAILABLE[this.failure.kind]} ${this.failure.message}` : 'The clinic database is open and healthy.',
      file: this.where,
      backups: this.listBackups(),
    }
  }

  listBackups(): BackupInfo[] {
    return this.location.kind === 'sqlite' ? listBackups(this.location.file) : listServerBackups(this.serverBackupDir())
  }

  private serverBackupDir(): string {
    if (!this.options.serverBackupDir) throw new ApiError({ code: 'unavailable', message: 'Backups are not available here.' })
    return this.options.serverBackupDir
  }

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job)
    this.queue = run.catch(() => undefined)
    return run
  }

  backupNow(reason: 'manual' | 'daily' = 'manual'): Promise<BackupInfo> {
    return this.serial(async () => {
      const database = this.database
      if (!database) throw new ApiError({ code: 'unavailable', message: this.unavailableMessage() })
      if (database.dialect === 'postgres') return dumpPostgresDatabase(this.location.kind === 'postgres' ? this.location.url : '', this.serverBackupDir(), reason, this.now())
      const info = await createBackup(database.sqlite, this.file, reason, { now: this.now(), nativeBinding: this.options.nativeBinding })
      log.info('backup made', { reason, sizeBytes: info.sizeBytes })
      return info
    })
  }

  /** Makes the daily backup when the newest backup is a day old or there is none. */
  async dailyBackupIfDue(): Promise<BackupInfo | null> {
    // A clinic server is backed up on the server (its own schedule), not by every workstation.
    if (!this.database || this.database.dialect === 'postgres') return null
    const newest = listBackups(this.file)[0]
    if (newest && this.now().getTime() - new Date(newest.createdAt).getTime() < DAY_MS) return null
    return this.backupNow('daily')
  }

  /**
   * Checks for a due daily backup shortly after start (once the app is already serving, so start-up
   * is not slowed) and then every hour. Failures are logged; they never stop the app.
   */
  startAutomaticBackups(firstDelayMs = 2000): void {
    const check = () => {
      this.dailyBackupIfDue().catch((e: unknown) => log.error('daily backup failed', { error: e instanceof Error ? e.message : String(e) }))
    }
    const first = setTimeout(check, firstDelayMs)
    const hourly = setInterval(check, DAILY_CHECK_MS)
    first.unref()
    hourly.unref()
    this.timers.push(first, hourly)
  }

  /**
   * Closes the database, sets the current file (and its -wal/-shm) aside under a timestamped
   * name, puts the backup in place and opens it. Works from the recovery screen too.
   */
  restore(name: string): Promise<RestoreResult> {
    if (this.location.kind === 'postgres') return Promise.reject(new ApiError({ code: 'conflict', message: SERVER_RESTORE_HELP }))
    return this.serial(async () => {
      this.restoring = true
      const closing = this.database
      this.database = null
      try {
        await closing?.close()
        const { keptAsideAs } = restoreBackupFile(this.file, name, { now: this.now(), nativeBinding: this.options.nativeBinding })
        await this.reopen()
        log.info('backup restored', { ok: this.available })
        if (!this.database) throw new ApiError({ code: 'unavailable', message: this.unavailableMessage() })
        return { restored: name, keptAsideAs }
      } catch (e) {
        // Nothing was moved when the backup was refused: go on with the file we had.
        if (!this.database && !this.failure) await this.reopen()
        throw e
      } finally {
        this.restoring = false
      }
    })
  }

  databaseStatus(): DatabaseStatus {
    return {
      dialect: this.currentLocation.kind,
      where: this.where,
      canChoose: Boolean(this.options.choice),
      passwordStorage: canStorePasswords(this.options.choice?.box) ? 'encrypted' : 'not_stored',
    }
  }

  private requireChoice(): { dir: string; box?: SecretBox } {
    if (!this.options.choice) {
      throw new ApiError({ code: 'conflict', message: 'This Footcore was started with its database named on the command line (--db or --database); change it there.' })
    }
    return this.options.choice
  }

  /** Works on the server at `url` from now on (and after restarts): a clinic already on the server. */
  useServer(url: string): Promise<DatabaseStatus> {
    const choice = this.requireChoice()
    return this.serial(async () => {
      await checkPostgresServer(url)
      await this.switchTo({ kind: 'postgres', url })
      saveDatabaseChoice(choice.dir, choice.box, url)
      log.info('clinic database changed', { dialect: 'postgres' })
      return this.databaseStatus()
    })
  }

  /**
   * Copies this clinic's SQLite file into the empty server database (checked table by table), then
   * works on the server. The file stays where it is, untouched, as it was at the move.
   */
  moveToServer(url: string): Promise<DatabaseMoveResult> {
    const choice = this.requireChoice()
    if (this.currentLocation.kind !== 'sqlite') return Promise.reject(new ApiError({ code: 'conflict', message: 'This clinic already works on a database server.' }))
    const file = this.currentLocation.file
    return this.serial(async () => {
      const moved = await moveClinicToServer(file, url)
      await this.switchTo({ kind: 'postgres', url })
      saveDatabaseChoice(choice.dir, choice.box, url)
      log.info('clinic moved to a database server', { tables: moved.tables.length, ms: moved.ms })
      return { where: moved.where, tables: moved.tables.map(({ name, rows }) => ({ name, rows })), seconds: Math.round(moved.ms / 100) / 10 }
    })
  }

  /** Closes the database in use and opens `location`; if that fails, goes back to the one before. */
  private async switchTo(location: DatabaseLocation): Promise<void> {
    const before = this.currentLocation
    const closing = this.database
    this.database = null
    await closing?.close()
    this.currentLocation = location
    try {
      await this.reopen()
    } catch (e) {
      this.currentLocation = before
      await this.reopen()
      throw e
    }
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t)
    this.timers = []
    await this.queue
    const database = this.database
    this.database = null
    await database?.close()
  }
}
