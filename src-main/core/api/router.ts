// The contract implemented: validates every call with its shared schema, runs the service, and
// answers errors as data. Both transports (IPC and the browser shell) call `dispatch` only.
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { contract, isMethodName, type MethodName, type Output, type ParsedInput } from '@shared/api'
import { ApiError, type ApiResult, type FieldIssue } from '@shared/domain/errors'
import type { AppState } from '../app-state'
import type { DB } from '../db/schema'
import { listAuditForPatient } from '../services/audit'
import { backUpNow, listBackupsFor, previewRestore, recoveryStatus, restoreFromBackup, restoreFromRecovery } from '../services/backups'
import type { ServiceContext } from '../services/context'
import { changesSince, listWorkstations } from '../services/changes'
import { databaseStatus, moveToDatabaseServer, testDatabaseServer, useDatabaseServer } from '../services/clinic-database'
import { handoutDocument, progressReportDocument } from '../services/documents'
import { createExercise, listExercises, updateExercise } from '../services/exercises'
import { archivePatient, createPatient, getPatient, searchPatients, updatePatient } from '../services/patients'
import { erasePatient, exportPatientRecord } from '../services/privacy'
import { assignProgram, currentProgram, endProgram, programHistory, updateProgram } from '../services/programs'
import { dueReviews } from '../services/reviews'
import { getSettings, updateSettings } from '../services/settings'
import { createTherapist, findTherapist, listTherapists, setTherapistActive, updateTherapist } from '../services/therapists'
import { correctVisit, listVisits, recordVisit, restoreVisit, voidVisit } from '../services/visits'
import { isServerUnreachable, SERVER_UNREACHABLE } from '../db/postgres'
import { writeConflictMessage } from '../db/write-conflicts'
import { log } from '../log'

type Handlers = { [M in MethodName]: (ctx: ServiceContext, input: ParsedInput<M>, core: Core) => Promise<Output<M>> }

const handlers: Handlers = {
  'patients.create': createPatient,
  'patients.update': updatePatient,
  'patients.archive': archivePatient,
  'patients.get': getPatient,
  'patients.search': searchPatients,
  'patients.export': exportPatientRecord,
  'patients.erase': erasePatient,
  'therapists.list': listTherapists,
  'therapists.create': createTherapist,
  'therapists.update': updateTherapist,
  'therapists.deactivate': (ctx, input) => setTherapistActive(ctx, input, false),
  'therapists.reactivate': (ctx, input) => setTherapistActive(ctx, input, true),
  'settings.get': (ctx) => getSettings(ctx),
  'settings.update': updateSettings,
  'visits.record': recordVisit,
  'visits.correct': correctVisit,
  'visits.list': listVisits,
  'visits.void': voidVisit,
  'visits.restore': restoreVisit,
  'exercises.list': listExercises,
  'exercises.create': createExercise,
  'exercises.update': updateExercise,
  'programs.assign': assignProgram,
  'programs.update': updateProgram,
  'programs.end': endProgram,
  'programs.current': currentProgram,
  'programs.history': programHistory,
  'reviews.due': dueReviews,
  'audit.forPatient': listAuditForPatient,
  'documents.handout': handoutDocument,
  'documents.progressReport': progressReportDocument,
  'backups.list': (_ctx, _input, core) => listBackupsFor(core),
  'backups.create': (_ctx, _input, core) => backUpNow(core),
  'backups.preview': (_ctx, input, core) => previewRestore(core, input),
  'backups.restore': (ctx, input, core) => restoreFromBackup(ctx, core, input),
  'changes.since': changesSince,
  'workstations.list': (ctx) => listWorkstations(ctx),
  'database.status': (_ctx, _input, core) => databaseStatus(core),
  'database.testServer': (_ctx, input) => testDatabaseServer(input),
  'database.useServer': (_ctx, input, core) => useDatabaseServer(core, input),
  'database.moveToServer': (_ctx, input, core) => moveToDatabaseServer(core, input),
  'recovery.status': (_ctx, _input, core) => recoveryStatus(core),
  'recovery.restore': (_ctx, input, core) => restoreFromRecovery(core, input),
}

/**
 * Changes to clinical data: each is recorded under the therapist working at the computer, so
 * they are refused while nobody is chosen. (Clinic setup — settings, therapists — is not, so a
 * fresh install can add its first therapist.)
 */
const CLINICAL_CHANGES: ReadonlySet<MethodName> = new Set<MethodName>([
  'patients.create',
  'patients.update',
  'patients.archive',
  'patients.erase',
  'visits.record',
  'visits.correct',
  'visits.void',
  'visits.restore',
  'programs.assign',
  'programs.update',
  'programs.end',
  'exercises.create',
  'exercises.update',
  // Not clinical data, but they move or replace every record: someone must answer for it.
  'database.useServer',
  'database.moveToServer',
  // Sets aside everything entered after the backup: recorded in the audit under who did it.
  'backups.restore',
])

const CHOOSE_THERAPIST = 'Choose who is working before making changes'

/** Methods that answer while the database is not open (the recovery screen's). */
const RECOVERY_METHODS: ReadonlySet<string> = new Set(['recovery.status', 'recovery.restore'])

export interface Core {
  db: Kysely<DB>
  now?: () => Date
  /** The running app (core/app-state.ts): backups, restore, recovery. Absent when given a bare database. */
  app?: AppState
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((i) => {
    const path = i.path.map((p) => (typeof p === 'number' ? p : String(p)))
    // An unexpected field is named by its own path, so the caller sees which one it was.
    if (i.code === 'unrecognized_keys') return i.keys.map((key) => ({ path: [...path, key], message: `${key} is not a field here` }))
    return [{ path, message: i.message }]
  })
}

const UNEXPECTED = 'Something went wrong while saving or loading. Nothing was changed; please try again.'

const STALE_PAGE =
  'The clinic records were restored from a backup after this page was opened, so nothing was saved. The page reloads to show the restored records.'

/**
 * Runs one contract call. Never throws: every outcome is an ApiResult, stamped with the identity of
 * the database that answered. `databaseId` is the identity the page loaded its records from: a page
 * opened before a restore names records by ids the restored file may have given to others, so its
 * calls are refused until it reloads.
 */
export async function dispatch(core: Core, method: string, input: unknown, actorId: unknown, databaseId?: unknown): Promise<ApiResult<unknown>> {
  const current = core.app?.databaseId ?? null
  const result = await run(core, method, input, actorId, databaseId, current)
  const answeredBy = core.app?.databaseId ?? null
  return answeredBy === null ? result : { ...result, databaseId: answeredBy }
}

async function run(core: Core, method: string, input: unknown, actorId: unknown, databaseId: unknown, current: string | null): Promise<ApiResult<unknown>> {
  if (current !== null && typeof databaseId === 'string' && databaseId !== current) {
    return { ok: false, error: { code: 'stale_page', message: STALE_PAGE } }
  }
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'not_found', message: `Unknown method ${method.slice(0, 60)}` } }
  }
  const recovery = RECOVERY_METHODS.has(method)
  if (core.app && !core.app.available && !recovery) {
    return { ok: false, error: { code: 'unavailable', message: core.app.unavailableMessage() } }
  }
  try {
    // Recovery runs without a database, so there is no therapist to check.
    const actor = recovery ? null : await checkActor(core, actorId)
    const parsed = contract[method].input.safeParse(input ?? {})
    if (!parsed.success) {
      const issues = zodIssues(parsed.error)
      return { ok: false, error: { code: 'invalid_input', message: issues.map((i) => i.message).join('; '), issues } }
    }
    if (actor === null && CLINICAL_CHANGES.has(method)) throw new ApiError({ code: 'unauthorized', message: CHOOSE_THERAPIST })
    // db is read when a service uses it: recovery methods run while there is none.
    const ctx: ServiceContext = { get db() { return core.db }, actorId: actor, now: core.now ?? (() => new Date()) }
    const handler = handlers[method] as (ctx: ServiceContext, input: unknown, core: Core) => Promise<unknown>
    return { ok: true, value: await handler(ctx, parsed.data, core) }
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, error: e.toData() }
    const lost = writeConflictMessage(e)
    // A lost race is an answer like any conflict, not a fault: nothing to log.
    if (lost) return { ok: false, error: { code: 'conflict', message: lost } }
    if (isServerUnreachable(e)) {
      log.warn('clinic database server unreachable', { method })
      return { ok: false, error: { code: 'unavailable', message: SERVER_UNREACHABLE } }
    }
    // Only the method and the error itself: inputs may hold patient details.
    log.error('api call failed', { method, error: e instanceof Error ? (e.stack ?? e.message) : String(e) })
    return { ok: false, error: { code: 'internal', message: UNEXPECTED } }
  }
}

async function checkActor(core: Core, actorId: unknown): Promise<number | null> {
  if (actorId === null || actorId === undefined) return null
  if (typeof actorId !== 'number' || !Number.isInteger(actorId) || actorId <= 0) {
    throw new ApiError({ code: 'unauthorized', message: CHOOSE_THERAPIST })
  }
  const t = await findTherapist(core.db, actorId)
  if (!t || !t.active) throw new ApiError({ code: 'unauthorized', message: CHOOSE_THERAPIST })
  return actorId
}
