// Backups of the clinic database: verified copies in a `backups` folder beside it, rotation, restore.
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { BACKUP_NAME, type BackupInfo, type BackupReason } from '@shared/domain/backup'
import { ApiError } from '@shared/domain/errors'
import { assignNewIdentity } from './identity'
import { checkIntegrityInBackground } from './integrity-check'

export const BACKUP_FOLDER = 'backups'
/** Rotation: the newest backup of each of the last 7 days with one, and of each of the last 4 weeks. */
export const KEEP_DAILY = 7
export const KEEP_WEEKLY = 4
/** Backups taken before an update are what the clinic needs if the update goes wrong; keep a few more. */
export const KEEP_PRE_MIGRATION = 3
/**
 * Nothing older is kept, whatever its kind: not the backups, not the files a restore set aside. An
 * erased patient is still in the copies made before the erase, and the erase dialog promises they
 * are gone after this many days (counting from when the copy was made, deleted when Footcore next runs).
 */
export const MAX_AGE_DAYS = 35
const MAX_AGE_MS = MAX_AGE_DAYS * 24 * 60 * 60 * 1000
/**
 * A backup someone made by hand is kept until three newer ones are made by hand: the daily backup
 * of the same day must not rotate it out a moment after "Back up now" said it was made.
 */
export const KEEP_MANUAL = 3

export interface BackupOptions {
  now?: Date
  nativeBinding?: string
}

export const backupDirFor = (dbFile: string): string => join(dirname(dbFile), BACKUP_FOLDER)

/** 2026-11-26T10:15:00.123Z → 20261126T101500123Z: sortable and safe in every file system. */
export function compactStamp(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '')
}

export function backupName(at: Date, reason: BackupReason): string {
  return `footcore-${compactStamp(at)}-${reason}.sqlite`
}

export function parseBackupName(name: string): { createdAt: string; reason: BackupReason } | null {
  const m = BACKUP_NAME.exec(name)
  if (!m) return null
  const s = m[1]!
  const createdAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`
  if (Number.isNaN(new Date(createdAt).getTime())) return null
  return { createdAt, reason: m[2] as BackupReason }
}

/** Backups of `dbFile`, newest first. Files that do not look like ours are ignored, never touched. */
export function listBackups(dbFile: string): BackupInfo[] {
  const dir = backupDirFor(dbFile)
  if (!existsSync(dir)) return []
  const found: BackupInfo[] = []
  for (const name of readdirSync(dir)) {
    const parsed = parseBackupName(name)
    if (!parsed) continue
    try {
      found.push({ name, ...parsed, sizeBytes: statSync(join(dir, name)).size })
    } catch {
      // Removed while listing: not a backup any more.
    }
  }
  return found.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0))
}

/** Throws unless `file` opens as a database and passes integrity_check. Opens read-only. */
export function verifyBackupFile(file: string, nativeBinding?: string): void {
  let db: Database.Database | null = null
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
    const result = db.pragma('integrity_check', { simple: true })
    if (result !== 'ok') throw new Error(`integrity check: ${String(result).slice(0, 200)}`)
  } finally {
    db?.close()
  }
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Makes a rename durable. Windows cannot open folders; there the rename is already durable enough. */
function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    // Not supported on this platform.
  }
}

const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`

/** The Monday that starts the (local) week of `d`. */
function localWeek(d: Date): string {
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7))
  return localDay(monday)
}

/**
 * Names to delete so that 7 daily, 4 weekly and the last few pre-update and by-hand backups remain,
 * none older than MAX_AGE_DAYS before `now` (default: the newest backup, the one just made). Pure.
 */
export function backupsToPrune(backups: readonly BackupInfo[], now?: Date): string[] {
  const newestFirst = [...backups].sort((a, b) => (a.name < b.name ? 1 : -1))
  const newest = newestFirst[0]
  const oldestKept = (now ?? (newest ? new Date(newest.createdAt) : new Date())).getTime() - MAX_AGE_MS
  const keep = new Set<string>()
  const pick = (keyOf: (d: Date) => string, count: number) => {
    const seen = new Set<string>()
    for (const b of newestFirst) {
      const key = keyOf(new Date(b.createdAt))
      if (seen.has(key)) continue
      if (seen.size >= count) break
      seen.add(key)
      keep.add(b.name)
    }
  }
  pick(localDay, KEEP_DAILY)
  pick(localWeek, KEEP_WEEKLY)
  for (const b of newestFirst.filter((x) => x.reason === 'pre-migration').slice(0, KEEP_PRE_MIGRATION)) keep.add(b.name)
  for (const b of newestFirst.filter((x) => x.reason === 'manual').slice(0, KEEP_MANUAL)) keep.add(b.name)
  return newestFirst.filter((b) => !keep.has(b.name) || new Date(b.createdAt).getTime() < oldestKept).map((b) => b.name)
}

/** `footcore.sqlite.replaced-<stamp>` (and -wal/-shm), `.failed-restore-<stamp>`, `.stray-<stamp>`: files a restore set aside. */
export function setAsideFiles(dbFile: string): { name: string; createdAt: string }[] {
  const base = basename(dbFile).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = new RegExp(`^${base}\\.(?:replaced|failed-restore|stray)-(\\d{8}T\\d{9}Z)(?:-wal|-shm|-journal)?$`)
  const found: { name: string; createdAt: string }[] = []
  for (const name of readdirSync(dirname(dbFile))) {
    const m = pattern.exec(name)
    const parsed = m ? parseBackupName(`footcore-${m[1]}-manual.sqlite`) : null
    if (parsed) found.push({ name, createdAt: parsed.createdAt })
  }
  return found
}

function prune(dbFile: string, now: Date): void {
  const dir = backupDirFor(dbFile)
  const stale = [
    ...backupsToPrune(listBackups(dbFile), now).map((name) => join(dir, name)),
    ...setAsideFiles(dbFile)
      .filter((f) => new Date(f.createdAt).getTime() < now.getTime() - MAX_AGE_MS)
      .map((f) => join(dirname(dbFile), f.name)),
  ]
  for (const file of stale) {
    try {
      unlinkSync(file)
    } catch {
      // Already gone; the next rotation tries again.
    }
  }
}

/**
 * Copies the open database into the backups folder with SQLite's online backup (safe while the app
 * writes), then reopens the copy and checks its integrity. Only a verified copy gets its final
 * name, and only then are older backups rotated out.
 */
export async function createBackup(
  source: Database.Database,
  dbFile: string,
  reason: BackupReason,
  options: BackupOptions = {},
): Promise<BackupInfo> {
  const dir = backupDirFor(dbFile)
  mkdirSync(dir, { recursive: true })
  // A partial file can only be left by a backup that was interrupted: it was never a backup.
  for (const name of readdirSync(dir)) if (name.endsWith('.sqlite.partial')) unlinkSync(join(dir, name))

  const name = backupName(options.now ?? new Date(), reason)
  const partial = join(dir, `${name}.partial`)
  try {
    await source.backup(partial)
    const copy = new Database(partial, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
    try {
      // A standalone file: no -wal/-shm beside a backup, so it can be copied or mailed as one file.
      copy.pragma('journal_mode = DELETE')
    } finally {
      copy.close()
    }
    // In a worker: on a large clinic the check takes seconds and must not freeze the app.
    const check = await checkIntegrityInBackground(partial, { nativeBinding: options.nativeBinding })
    if (!check.ok) throw new Error(`integrity check: ${check.detail.slice(0, 200)}`)
    fsyncFile(partial)
    renameSync(partial, join(dir, name))
    fsyncDir(dir)
  } catch (e) {
    if (existsSync(partial)) unlinkSync(partial)
    throw e
  }
  prune(dbFile, options.now ?? new Date())
  return { name, ...parseBackupName(name)!, sizeBytes: statSync(join(dir, name)).size }
}

/** The steps of a restore, in order; tests fail each in turn (`beforeStep`). */
export const RESTORE_STEPS = ['copy_backup', 'new_identity', 'set_current_aside', 'set_journals_aside', 'put_backup_in_place', 'sync_folder'] as const
export type RestoreStep = (typeof RESTORE_STEPS)[number]

export interface RestoreOptions extends BackupOptions {
  /** Called before each step; a test throws here to fail that step. */
  beforeStep?: (step: RestoreStep) => void
}

const damaged = () =>
  new ApiError({
    code: 'conflict',
    message: 'That backup is damaged and cannot be restored. Choose another one.',
    issues: [{ path: ['name'], message: 'That backup is damaged' }],
  })

/** The backup's path; `verify` runs the whole-file integrity check (seconds on a large clinic), done once, by the restore itself. */
function requireBackup(dbFile: string, name: string, nativeBinding: string | undefined, verify: boolean): string {
  if (!parseBackupName(name) || !listBackups(dbFile).some((b) => b.name === name)) {
    throw new ApiError({ code: 'not_found', message: 'That backup was not found', issues: [{ path: ['name'], message: 'That backup was not found' }] })
  }
  const source = join(backupDirFor(dbFile), name)
  if (!verify) return source
  try {
    verifyBackupFile(source, nativeBinding)
  } catch {
    throw damaged()
  }
  return source
}

export const replacedName = (dbFile: string, at: Date): string => `${basename(dbFile)}.replaced-${compactStamp(at)}`

/** What a restore would set aside: rows the current file holds that the backup does not, and the reverse. */
export interface RestoreDifference {
  patientsSetAside: number
  visitsSetAside: number
  /** Patients the backup holds that are gone now (erased or entered later and removed): they come back. */
  patientsComingBack: number
}

const ids = (db: Database.Database, table: string): Set<number> => new Set(db.prepare(`select id from ${table}`).pluck().all() as number[])
const missingFrom = (a: Set<number>, b: Set<number>) => [...a].filter((id) => !b.has(id)).length

/**
 * Compares the open database with backup `name` by row id. Ids are never reused within a file, so a
 * row of the current file that the backup lacks was entered after the backup.
 */
export function restoreDifference(current: Database.Database, dbFile: string, name: string, nativeBinding?: string): RestoreDifference {
  const source = requireBackup(dbFile, name, nativeBinding, false)
  let backup: Database.Database | null = null
  let then: { patients: Set<number>; visits: Set<number> }
  try {
    backup = new Database(source, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
    then = { patients: ids(backup, 'patients'), visits: ids(backup, 'visits') }
  } catch {
    throw damaged()
  } finally {
    backup?.close()
  }
  const nowPatients = ids(current, 'patients')
  return {
    patientsSetAside: missingFrom(nowPatients, then.patients),
    visitsSetAside: missingFrom(ids(current, 'visits'), then.visits),
    patientsComingBack: missingFrom(then.patients, nowPatients),
  }
}

/**
 * Puts backup `name` in place of the (closed) database `dbFile`. The current file and its -wal/-shm
 * are renamed aside with a timestamp, never deleted, so whatever was in them can still be rescued.
 * Every step is undone when a later one fails: the file that was in use is back under its own name
 * (with its journal files) before the error is thrown, so the caller reopens it, never an empty file.
 */
export function restoreBackupFile(dbFile: string, name: string, options: RestoreOptions = {}): { keptAsideAs: string | null } {
  const source = requireBackup(dbFile, name, options.nativeBinding, true)
  const step = (s: RestoreStep) => options.beforeStep?.(s)
  const dir = dirname(dbFile)
  const incoming = `${dbFile}.restoring`
  const at = options.now ?? new Date()
  const keptAsideAs = existsSync(dbFile) ? replacedName(dbFile, at) : null
  const stray = `${basename(dbFile)}.stray-${compactStamp(at)}`
  // Renames done so far, undone in reverse order on failure.
  const moved: [from: string, to: string][] = []
  const move = (from: string, to: string) => {
    renameSync(from, to)
    moved.push([from, to])
  }
  try {
    step('copy_backup')
    copyFileSync(source, incoming)
    step('new_identity')
    assignNewIdentity(incoming, at, options.nativeBinding)
    fsyncFile(incoming)
    step('set_current_aside')
    if (keptAsideAs) move(dbFile, join(dir, keptAsideAs))
    step('set_journals_aside')
    // The journal files belong to the file set aside; SQLite finds them by name next to it.
    for (const suffix of ['-wal', '-shm', '-journal']) {
      if (existsSync(dbFile + suffix)) move(dbFile + suffix, join(dir, (keptAsideAs ?? stray) + suffix))
    }
    step('put_backup_in_place')
    move(incoming, dbFile)
    step('sync_folder')
    fsyncDir(dir)
    return { keptAsideAs }
  } catch (e) {
    for (const [from, to] of moved.reverse()) {
      try {
        renameSync(to, from)
      } catch {
        // Left where it is; the caller checks that the file is back before reopening anything.
      }
    }
    try {
      if (existsSync(incoming)) unlinkSync(incoming)
    } catch {
      // A leftover copy of a backup; the next restore overwrites it.
    }
    fsyncDir(dir)
    throw e
  }
}

/**
 * After the restored file failed to open: moves it aside as `.failed-restore-*` and puts the file
 * set aside back under its own name (with its journal files). Answers whether the file is back.
 */
export function undoRestore(dbFile: string, keptAsideAs: string, at: Date): boolean {
  const dir = dirname(dbFile)
  const failed = `${basename(dbFile)}.failed-restore-${compactStamp(at)}`
  try {
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      if (existsSync(dbFile + suffix)) renameSync(dbFile + suffix, join(dir, failed + suffix))
    }
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      const aside = join(dir, keptAsideAs + suffix)
      if (existsSync(aside)) renameSync(aside, dbFile + suffix)
    }
    fsyncDir(dir)
  } catch {
    return false
  }
  return existsSync(dbFile)
}
