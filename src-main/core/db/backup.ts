// Backups of the clinic database: verified copies in a `backups` folder beside it, rotation, restore.
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { BACKUP_NAME, type BackupInfo, type BackupReason } from '@shared/domain/backup'
import { ApiError } from '@shared/domain/errors'
import { checkIntegrityInBackground } from './integrity-check'

export const BACKUP_FOLDER = 'backups'
/** Rotation: the newest backup of each of the last 7 days with one, and of each of the last 4 weeks. */
export const KEEP_DAILY = 7
export const KEEP_WEEKLY = 4
/** Backups taken before an update are what the clinic needs if the update goes wrong; keep a few more. */
export const KEEP_PRE_MIGRATION = 3
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

/** Names to delete so that 7 daily, 4 weekly and the last few pre-update and by-hand backups remain. Pure. */
export function backupsToPrune(backups: readonly BackupInfo[]): string[] {
  const newestFirst = [...backups].sort((a, b) => (a.name < b.name ? 1 : -1))
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
  return newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name)
}

function prune(dbFile: string): void {
  const dir = backupDirFor(dbFile)
  for (const name of backupsToPrune(listBackups(dbFile))) {
    try {
      unlinkSync(join(dir, name))
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
  prune(dbFile)
  return { name, ...parseBackupName(name)!, sizeBytes: statSync(join(dir, name)).size }
}

/**
 * Puts backup `name` in place of the (closed) database `dbFile`. The current file and its -wal/-shm
 * are renamed aside with a timestamp, never deleted, so whatever was in them can still be rescued.
 */
export function restoreBackupFile(dbFile: string, name: string, options: BackupOptions = {}): { keptAsideAs: string | null } {
  if (!parseBackupName(name) || !listBackups(dbFile).some((b) => b.name === name)) {
    throw new ApiError({ code: 'not_found', message: 'That backup was not found', issues: [{ path: ['name'], message: 'That backup was not found' }] })
  }
  const source = join(backupDirFor(dbFile), name)
  try {
    verifyBackupFile(source, options.nativeBinding)
  } catch {
    throw new ApiError({
      code: 'conflict',
      message: 'That backup is damaged and cannot be restored. Choose another one.',
      issues: [{ path: ['name'], message: 'That backup is damaged' }],
    })
  }
  const dir = dirname(dbFile)
  const incoming = `${dbFile}.restoring`
  copyFileSync(source, incoming)
  fsyncFile(incoming)

  let keptAsideAs: string | null = null
  if (existsSync(dbFile)) {
    keptAsideAs = `${basename(dbFile)}.replaced-${compactStamp(options.now ?? new Date())}`
    try {
      renameSync(dbFile, join(dir, keptAsideAs))
    } catch (e) {
      unlinkSync(incoming)
      throw e
    }
  }
  // The journal files belong to the file set aside; SQLite finds them by name next to it.
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (existsSync(dbFile + suffix)) renameSync(dbFile + suffix, join(dir, (keptAsideAs ?? `${basename(dbFile)}.stray`) + suffix))
  }
  renameSync(incoming, dbFile)
  fsyncDir(dir)
  return { keptAsideAs }
}
