// Backups and recovery as contract methods: list, back up now, restore, and the recovery screen's status.
import type { BackupInfo, RecoveryStatus, RestorePreview, RestoreResult } from '@shared/domain/backup'
import { ApiError } from '@shared/domain/errors'
import type { AppState } from '../app-state'
import type { ServiceContext } from './context'
import { findTherapist } from './therapists'

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

export async function previewRestore(core: HasAppState, input: { name: string }): Promise<RestorePreview> {
  return appOf(core).previewRestore(input.name)
}

/** A restore from Settings: by the therapist working (the router has checked there is one). */
export async function restoreFromBackup(ctx: ServiceContext, core: HasAppState, input: { name: string }): Promise<RestoreResult> {
  const app = appOf(core)
  const therapist = ctx.actorId === null ? null : await findTherapist(ctx.db, ctx.actorId)
  if (!therapist) throw new ApiError({ code: 'unauthorized', message: 'Choose who is working before restoring a backup' })
  return app.restore({ name: input.name, by: { therapistId: therapist.id, therapistName: therapist.displayName }, from: 'settings' })
}

/** From the recovery screen the database is not open, so nobody working can be checked. */
export async function restoreFromRecovery(core: HasAppState, input: { name: string }): Promise<RestoreResult> {
  return appOf(core).restore({ name: input.name, by: null, from: 'recovery' })
}

export async function recoveryStatus(core: HasAppState): Promise<RecoveryStatus> {
  return appOf(core).status()
}
