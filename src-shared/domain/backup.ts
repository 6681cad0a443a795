// Backups of the clinic database and the recovery screen's view of a database that would not open.
import { z } from 'zod'

export const BACKUP_REASONS = ['daily', 'manual', 'pre-migration'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]
export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  daily: 'Daily',
  manual: 'Backed up by hand',
  'pre-migration': 'Before an update',
}

/** footcore-20261126T101500123Z-daily.sqlite (a server: .dump): the time is UTC, so names sort by age. */
export const BACKUP_NAME = /^footcore-(\d{8}T\d{9}Z)-(daily|manual|pre-migration)\.(?:sqlite|dump)$/

export const BackupRestoreInput = z
  .object({
    name: z
      .string({ error: 'Choose a backup' })
      .max(100, { error: 'Choose a backup from the list' })
      .refine((s) => BACKUP_NAME.test(s), { error: 'Choose a backup from the list', abort: true }),
  })
  .strict()

export interface BackupInfo {
  name: string
  createdAt: string
  reason: BackupReason
  sizeBytes: number
}

/** Rows the records in use hold that the backup does not (set aside by a restore), and the reverse. */
export interface RestoreDifference {
  patientsSetAside: number
  visitsSetAside: number
  /** Patients in the backup that are gone now (erased since): a restore brings them back. */
  patientsComingBack: number
}

/** What the page says before a restore is confirmed. */
export interface RestorePreview extends RestoreDifference {
  backup: BackupInfo
  /** The folder where the records in use now are kept, renamed, if the restore goes ahead. */
  keptAsideIn: string
  /** The name they get there (the time is that of the preview; the restore uses its own). */
  keptAsideAs: string
}

export interface RestoreResult {
  restored: string
  /** File name the replaced database (and its -wal/-shm) was renamed to, beside the database. */
  keptAsideAs: string | null
  /** Null when restoring from the recovery screen: the damaged file could not be compared. */
  setAside: RestoreDifference | null
}

export const RECOVERY_STATES = ['ok', 'damaged', 'unreadable', 'schema_too_new', 'migration_failed'] as const
export type RecoveryState = (typeof RECOVERY_STATES)[number]

export interface RecoveryStatus {
  state: RecoveryState
  /** One plain sentence for the clinic; no patient details. */
  message: string
  /** Where the database file is, so IT support can find it. */
  file: string
  backups: BackupInfo[]
}
