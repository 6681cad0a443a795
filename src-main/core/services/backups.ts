// Backups and recovery as contract methods: list, back up now, restore, and the recovery screen's status.
import type { BackupInfo, RecoveryStatus, RestoreResult } from '@shared/domain/backup'
import { ApiError } from '@shared/domain/errors'
import type { AppState } from '../app-state'

/** The router's view of the running app; a bare database (as in most tests) has no backups. */
export interface HasAppState {
  app?: AppState
}

export function appOf(core: HasAppState): AppState {
  if (!core.app) throw new ApiError({ code: 'unavailable', message: 'Backups are not available here.' })
  return core.app
}

export async function listBackupsFor(core: HasAppState): Promise<BackupInfo[]> {
  return appOf(core).listBackups()
}

export async function backUpNow(core: HasAppState): Promise<BackupInfo> {
  return appOf(core).backupNow('manual')
}

export async function restoreFromBackup(core: HasAppState, input: { name: string }): Promise<RestoreResult> {
  return appOf(core).restore(input.name)
}

export async function recoveryStatus(core: HasAppState): Promise<RecoveryStatus> {
  return appOf(core).status()
}
