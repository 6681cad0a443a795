// Holds the open clinic database for both shells, so a restore can swap it and a file that will not
// open leaves the app in recovery instead of stopping it.
import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Kysely } from 'kysely'
import { localDateOf, localToday } from '@shared/calc/dates'
import type { BackupInfo, RecoveryState, RecoveryStatus, RestoreDifference, RestorePreview, RestoreResult } from '@shared/domain/backup'
import type { DatabaseMoveResult, DatabaseStatus } from '@shared/domain/database'
import { ApiError } from '@shared/domain/errors'
import { canStorePasswords, saveDatabaseChoice, type SecretBox } from './database-choice'
import { createBackup, listBackups, replacedName, restoreBackupFile, restoreDifference, undoRestore, type RestoreStep } from './db/backup'
import { openClinicDatabase, type ClinicDatabase, type DatabaseLocation } from './db/clinic-database'
import { DatabaseOpenError, type OpenOptions } from './db/connection'
import { readDatabaseIdentity } from './db/identity'
import { moveClinicToServer } from './db/move-to-server'
import { checkPostgresServer } from './db/postgres'
import { dumpPostgresDatabase, listServerBackups, SERVER_RESTORE_HELP } from './db/postgres-backup'
import type { DB } from './db/schema'
import { log } from './log'
import { recordAudit } from './services/audit'

/** Who asked for a restore: the therapist working (Settings), or nobody checkable (recovery screen). */
export interface RestoreRequest {
  name: string
  by: { therapistId: number; therapistName: string } | null
  from: 'settings' | 'recovery'
}

export interface AppStateOptions extends OpenOptions {
  /** Tests fail a restore step here to check that every step is undone. */
  beforeRestoreStep?: (step: RestoreStep) => void
  /** PostgreSQL: the local folder "Back up now" writes pg_dump files into. */
  serverBackupDir?: string
  /**
   * Where a server chosen in Settings is remembered (core/database-choice.ts). Absent when the
   * command line chose the database: then Settings shows the choice but cannot change it.
   */
  choice?: { dir: string; box?: SecretBox }
}

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
  private identity: string | null = null
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
    if (this.currentLocation.kind !== 'sqlite') throw new ApiError({ code: 'conflict', message: SERVER_RESTORE_HELP })
    return this.currentLocation.file
  }

  /** Where the data is, for the page and IT support: the file path, or server:port/database. */
  get where(): string {
    if (this.currentLocation.kind === 'sqlite') return this.currentLocation.file
    return this.database?.dialect === 'postgres' ? this.database.where : 'the clinic database server'
  }

  private async reopen(): Promise<void> {
    try {
      const database = await openClinicDatabase(this.currentLocation, this.options)
      this.identity = await readDatabaseIdentity(database.db)
      this.database = database
      this.failure = null
      if (database.dialect === 'postgres') return
      // integrityCheck 'in_background': the whole-file check answers later; a damaged file then
      // closes and the next call gets the recovery screen, as if the check had run at open.
      void database.integrity?.then(async (result) => {
        if (result.ok || this.database !== database) return
        this.database = null
        this.failure = new DatabaseOpenError('damaged', `The database file is damaged (integrity check: ${result.detail.slice(0, 200)}).`) as DatabaseOpenError & { kind: 'damaged' }
        log.warn('database failed its background integrity check; recovery screen', { kind: 'damaged' })
        await database.close()
      })
    } catch (e) {
      if (!(e instanceof DatabaseOpenError) || !isRecoveryFailure(e) || this.currentLocation.kind === 'postgres') throw e
      this.database = null
      this.failure = e
      log.warn('database not opened; recovery screen', { kind: e.kind })
    }
  }

  /** Identity of the open database (see db/identity.ts); null while none is open. */
  get databaseId(): string | null {
    return this.database ? this.identity : null
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
    return this.currentLocation.kind === 'sqlite' ? listBackups(this.currentLocation.file) : listServerBackups(this.serverBackupDir())
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
    return this.serial(() => this.makeBackup(reason))
  }

  private async makeBackup(reason: 'manual' | 'daily'): Promise<BackupInfo> {
    const database = this.database
    if (!database) throw new ApiError({ code: 'unavailable', message: this.unavailableMessage() })
    if (database.dialect === 'postgres') {
      const url = this.currentLocation.kind === 'postgres' ? this.currentLocation.url : ''
      return dumpPostgresDatabase(url, this.serverBackupDir(), reason, this.now())
    }
    const info = await createBackup(database.sqlite, this.file, reason, { now: this.now(), nativeBinding: this.options.nativeBinding })
    log.info('backup made', { reason, sizeBytes: info.sizeBytes })
    return info
  }

  /**
   * Makes today's backup at the first check of the clinic's calendar day. ("24 hours since the
   * newest", checked hourly, drifted later each day until a clinic open 8:00–17:00 missed days.)
   * Decided inside the queue: a "Back up now" running meanwhile counts as today's backup, and the
   * daily one made right after it would have rotated the clinic's own backup away.
   */
  dailyBackupIfDue(): Promise<BackupInfo | null> {
    return this.serial(async () => {
      // A clinic server is backed up on the server (its own schedule), not by every workstation.
      if (!this.database || this.database.dialect === 'postgres') return null
      const today = localToday(this.now())
      if (listBackups(this.file).some((b) => localDateOf(b.createdAt) === today)) return null
      return this.makeBackup('daily')
    })
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

  /** What a restore of `name` would set aside and bring back, and where the records in use would be kept. */
  previewRestore(name: string): Promise<RestorePreview> {
    return this.serial(async () => {
      const database = this.database
      if (!database) throw new ApiError({ code: 'unavailable', message: this.unavailableMessage() })
      if (database.dialect === 'postgres') throw new ApiError({ code: 'conflict', message: SERVER_RESTORE_HELP })
      const difference = restoreDifference(database.sqlite, this.file, name, this.options.nativeBinding)
      const backup = listBackups(this.file).find((b) => b.name === name)!
      return { backup, ...difference, keptAsideIn: dirname(this.file), keptAsideAs: replacedName(this.file, this.now()) }
    })
  }

  /**
   * Closes the database, sets the current file (and its -wal/-shm) aside under a timestamped
   * name, puts the backup in place (with a new identity, so pages opened before are refused) and
   * opens it; the restore is recorded in the restored file's audit. Works from the recovery screen
   * too. On any failure the file that was in use is reopened — never a fresh empty one.
   */
  restore(request: RestoreRequest): Promise<RestoreResult> {
    if (this.currentLocation.kind === 'postgres') return Promise.reject(new ApiError({ code: 'conflict', message: SERVER_RESTORE_HELP }))
    return this.serial(async () => {
      const { name } = request
      const at = this.now()
      const closing = this.database?.dialect === 'sqlite' ? this.database : null
      // Also checks the backup exists and is sound, before anything is closed or moved.
      const setAside: RestoreDifference | null = closing
        ? restoreDifference(closing.sqlite, this.file, name, this.options.nativeBinding)
        : null
      this.restoring = true
      this.database = null
      try {
        await closing?.close()
        let keptAsideAs: string | null
        try {
          ;({ keptAsideAs } = restoreBackupFile(this.file, name, { now: at, nativeBinding: this.options.nativeBinding, beforeStep: this.options.beforeRestoreStep }))
        } catch (e) {
          // Every step was undone: the file in use before is back under its own name.
          await this.reopenIfPresent()
          log.error('restore failed; the previous file is open again', { ok: this.available, error: e instanceof Error ? e.message : String(e) })
          if (e instanceof ApiError) throw e
          throw new ApiError({ code: 'conflict', message: 'The backup could not be put in place, so the records in use before were opened again. Nothing was changed.' })
        }
        await this.reopen()
        if (!this.database) {
          // The backup itself would not open (e.g. its update failed): put the previous file back.
          const back = keptAsideAs !== null && undoRestore(this.file, keptAsideAs, at)
          if (back) await this.reopen()
          log.error('restored backup did not open; previous file put back', { ok: this.available })
          throw new ApiError({
            code: 'conflict',
            message: back
              ? 'That backup could not be opened, so the records in use before were opened again. Nothing was changed.'
              : `That backup could not be opened, and the records in use before could not be put back by themselves: they are kept as ${keptAsideAs ?? 'a file'} next to the database.`,
          })
        }
        try {
          await this.recordRestore(request, at, keptAsideAs, setAside)
        } catch (e) {
          // The restored file is in place and open: answering "failed" would be false.
          log.error('backup restored, but its audit row could not be written', { error: e instanceof Error ? e.message : String(e) })
        }
        log.info('backup restored', { from: request.from })
        return { restored: name, keptAsideAs, setAside }
      } finally {
        this.restoring = false
      }
    })
  }

  /** Reopens the database file only if it is there: opening a missing file would create an empty clinic. */
  private async reopenIfPresent(): Promise<void> {
    if (existsSync(this.file)) return this.reopen()
    this.database = null
    this.failure = new DatabaseOpenError('unreadable', 'The database file is missing; look for footcore.sqlite.replaced-* next to where it was.') as DatabaseOpenError & { kind: 'unreadable' }
  }

  /** The restore in the restored file's own audit: it is the file the clinic works on from now. */
  private async recordRestore(request: RestoreRequest, at: Date, keptAsideAs: string | null, setAside: RestoreDifference | null): Promise<void> {
    const db = this.db
    // The backup holds the sessions open when it was made, some ended since: none of them may sign
    // anybody in again. Everyone signs in afresh on the restored records.
    await db.updateTable('sessions').set({ ended_at: at.toISOString() }).where('ended_at', 'is', null).execute()
    // The therapist may have been added after the backup was made: then only their name is kept.
    const known = request.by ? await db.selectFrom('therapists').select('id').where('id', '=', request.by.therapistId).executeTakeFirst() : undefined
    await recordAudit(
      db,
      { db, actorId: known?.id ?? null, now: () => at },
      {
        action: 'restore',
        entity: 'database',
        entityId: 0,
        patientId: null,
        after: { backup: request.name, from: request.from, by: request.by?.therapistName ?? null, keptAsideAs, ...(setAside ?? {}) },
      },
    )
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
