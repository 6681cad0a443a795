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

export interface RestoreResult {
  restored: string
  /** File name the replaced database (and its -wal/-shm) was renamed to, beside the database. */
  keptAsideAs: string | null
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
