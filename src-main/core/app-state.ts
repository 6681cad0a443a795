// Holds the open clinic database for both shells, so a restore can swap it and a file that will not
// open leaves the app in recovery instead of stopping it.
import type { Kysely } from 'kysely'
import { localDateOf, localToday } from '@shared/calc/dates'
import type { BackupInfo, RecoveryState, RecoveryStatus, RestoreResult } from '@shared/domain/backup'
import { ApiError } from '@shared/domain/errors'
import { createBackup, listBackups, restoreBackupFile } from './db/backup'
import { DatabaseOpenError, openDatabase, type ClinicDatabase, type OpenOptions } from './db/connection'
import type { DB } from './db/schema'
import { log } from './log'

/** How often a long-running app looks whether today's backup is due. */
const DAILY_CHECK_MS = 60 * 60 * 1000

const UNAVAILABLE: Record<Exclude<RecoveryState, 'ok'>, string> = {
  damaged: 'The clinic database is damaged, so Footcore opened the recovery screen instead.',
  unreadable: 'The clinic database could not be read, so Footcore opened the recovery screen instead.',
  schema_too_new: 'The clinic database was saved by a newer version of Footcore. Install that version to open it.',
  migration_failed: 'Updating the clinic database failed, so Footcore opened the recovery screen instead.',
}

export class AppState {
  /** What the router reads (`Core.app`): the state itself. */
  readonly app = this
  private database: ClinicDatabase | null = null
  private failure: DatabaseOpenError | null = null
  private restoring = false
  /** Backups and restores run one at a time. */
  private queue: Promise<unknown> = Promise.resolve()
  private timers: NodeJS.Timeout[] = []

  private constructor(
    readonly file: string,
    private readonly options: OpenOptions,
    readonly now: () => Date,
  ) {}

  /** Opens `file`; a file that cannot be opened gives a state in recovery, not an exception. */
  static async open(file: string, options: OpenOptions = {}, now: () => Date = () => new Date()): Promise<AppState> {
    // 'auto': small files are fully checked before open, large ones right after start (issue 6).
    const state = new AppState(file, { integrityCheck: 'auto', ...options }, now)
    await state.reopen()
    return state
  }

  private async reopen(): Promise<void> {
    try {
      const database = await openDatabase(this.file, this.options)
      this.database = database
      this.failure = null
      // integrityCheck 'in_background': the whole-file check answers later; a damaged file then
      // closes and the next call gets the recovery screen, as if the check had run at open.
      void database.integrity?.then(async (result) => {
        if (result.ok || this.database !== database) return
        this.database = null
        this.failure = new DatabaseOpenError('damaged', `The database file is damaged (integrity check: ${result.detail.slice(0, 200)}).`)
        log.warn('database failed its background integrity check; recovery screen', { kind: 'damaged' })
        await database.close()
      })
    } catch (e) {
      if (!(e instanceof DatabaseOpenError)) throw e
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
      file: this.file,
      backups: listBackups(this.file),
    }
  }

  listBackups(): BackupInfo[] {
    return listBackups(this.file)
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
      const info = await createBackup(database.sqlite, this.file, reason, { now: this.now(), nativeBinding: this.options.nativeBinding })
      log.info('backup made', { reason, sizeBytes: info.sizeBytes })
      return info
    })
  }

  /**
   * Makes today's backup at the first check of the clinic's calendar day. ("24 hours since the
   * newest", checked hourly, drifted later each day until a clinic open 8:00–17:00 missed days.)
   */
  async dailyBackupIfDue(): Promise<BackupInfo | null> {
    if (!this.database) return null
    const today = localToday(this.now())
    if (listBackups(this.file).some((b) => localDateOf(b.createdAt) === today)) return null
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

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t)
    this.timers = []
    await this.queue
    const database = this.database
    this.database = null
    await database?.close()
  }
}
