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
import { changesSince, listWorkstations, THIS_WORKSTATION } from '../services/changes'
import { databaseStatus, moveToDatabaseServer, testDatabaseServer, useDatabaseServer } from '../services/clinic-database'
import { handoutDocument, progressReportDocument } from '../services/documents'
import { createExercise, listExercises, updateExercise } from '../services/exercises'
import { archivePatient, createPatient, getPatient, getPatientContact, searchPatients, updatePatient, updatePatientContact } from '../services/patients'
import { erasePatient, exportPatientRecord } from '../services/privacy'
import { assignProgram, currentProgram, endProgram, programHistory, updateProgram } from '../services/programs'
import { dueReviews } from '../services/reviews'
import { getSettings, updateSettings } from '../services/settings'
import { listTherapists } from '../services/therapists'
import { createUser, listUsers, resetUserPin, setUserActive, setUserRole, updateUser } from '../services/users'
import { PERMISSIONS, BACKGROUND_METHODS } from '../auth/permissions'
import { createFirstAdministrator, lockSession, recoverWithCode, resolveSession, sessionState, setupStatus, signIn, signOut, touchSession, unlockSession, type ActiveSession } from '../auth/sessions'
import { ROLE_LABELS } from '@shared/domain/user'
import { correctVisit, listVisits, recordVisit, restoreVisit, voidVisit } from '../services/visits'
import { isServerUnreachable, SERVER_UNREACHABLE } from '../db/postgres'
import { writeConflictMessage } from '../db/write-conflicts'
import { log } from '../log'

/** What a handler gets besides its input: the running app and the caller's session. */
interface Call {
  core: Core
  /** The caller's session; the router checked it exists for every method not open to anyone. */
  session: ActiveSession | null
  computer: string
}
type Handlers = { [M in MethodName]: (ctx: ServiceContext, input: ParsedInput<M>, core: Core, call: Call) => Promise<Output<M>> }

/** Methods whose rule is `signedIn` or a role list run only with a session: the router checked. */
const signedIn = (call: Call): ActiveSession => {
  if (!call.session) throw new ApiError({ code: 'unauthorized', message: SIGN_IN })
  return call.session
}

const handlers: Handlers = {
  'session.setupStatus': (ctx) => setupStatus(ctx),
  'session.createFirstAdministrator': (ctx, input, _core, call) => createFirstAdministrator(ctx, input, call.computer),
  'session.signIn': (ctx, input, _core, call) => signIn(ctx, input, call.computer),
  'session.recover': (ctx, input, _core, call) => recoverWithCode(ctx, input, call.computer),
  'session.current': (ctx, _input, _core, call) => sessionState(ctx.db, call.session),
  'session.signOut': (ctx, _input, _core, call) => signOut(ctx, signedIn(call)),
  'session.lock': (ctx, _input, _core, call) => lockSession(ctx, signedIn(call)),
  'session.unlock': (ctx, input, _core, call) => unlockSession(ctx, signedIn(call), input, call.computer),
  'session.stillHere': (ctx, _input, _core, call) => sessionState(ctx.db, call.session),
  'users.list': (ctx) => listUsers(ctx),
  'users.create': createUser,
  'users.update': updateUser,
  'users.setRole': setUserRole,
  'users.resetPin': resetUserPin,
  'users.deactivate': (ctx, input) => setUserActive(ctx, input, false),
  'users.reactivate': (ctx, input) => setUserActive(ctx, input, true),
  'patients.create': createPatient,
  'patients.update': updatePatient,
  'patients.archive': archivePatient,
  'patients.get': getPatient,
  'patients.contact': getPatientContact,
  'patients.updateContact': updatePatientContact,
  'patients.search': searchPatients,
  'patients.export': exportPatientRecord,
  'patients.erase': erasePatient,
  'therapists.list': listTherapists,
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

const SIGN_IN = 'Sign in to continue'
const LOCKED = 'The screen is locked: unlock it with your PIN to continue'

/** Methods that answer while the database is not open (the recovery screen's). */
const RECOVERY_METHODS: ReadonlySet<string> = new Set(['recovery.status', 'recovery.restore'])

export interface Core {
  db: Kysely<DB>
  now?: () => Date
  /** The running app (core/app-state.ts): backups, restore, recovery. Absent when given a bare database. */
  app?: AppState
  /** This computer, as wrong-PIN waits and sessions name it (tests give two workstations names). */
  computerName?: string
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
 * the database that answered. `sessionToken` is what the transport holds for this window or page
 * (never an id the page chose). `databaseId` is the identity the page loaded its records from: a
 * page opened before a restore names records by ids the restored file may have given to others,
 * so its calls are refused until it reloads.
 */
export async function dispatch(core: Core, method: string, input: unknown, sessionToken: unknown, databaseId?: unknown): Promise<ApiResult<unknown>> {
  const current = core.app?.databaseId ?? null
  const result = await run(core, method, input, sessionToken, databaseId, current)
  const answeredBy = core.app?.databaseId ?? null
  return answeredBy === null ? result : { ...result, databaseId: answeredBy }
}

async function run(core: Core, method: string, input: unknown, sessionToken: unknown, databaseId: unknown, current: string | null): Promise<ApiResult<unknown>> {
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
    const now = core.now ?? (() => new Date())
    // Recovery runs without a database, so there is no session to look up.
    const session = recovery ? null : await resolveSession(core.db, sessionToken, now())
    const rule = PERMISSIONS[method]
    if (rule !== 'anyone') {
      // The issue on `session` tells the page (without reading the sentence) to show the sign-in screen.
      if (!session) throw new ApiError({ code: 'unauthorized', message: SIGN_IN, issues: [{ path: ['session'], message: SIGN_IN }] })
      if (rule !== 'signedIn') {
        if (session.locked) return { ok: false, error: { code: 'locked', message: LOCKED } }
        if (!rule.includes(session.user.role)) throw new ApiError({ code: 'unauthorized', message: `Your role (${ROLE_LABELS[session.user.role]}) does not allow this` })
        if (!BACKGROUND_METHODS.has(method)) await touchSession(core.db, session.id, now())
      }
    }
    const parsed = contract[method].input.safeParse(input ?? {})
    if (!parsed.success) {
      const issues = zodIssues(parsed.error)
      return { ok: false, error: { code: 'invalid_input', message: issues.map((i) => i.message).join('; '), issues } }
    }
    // db is read when a service uses it: recovery methods run while there is none.
    const ctx: ServiceContext = { get db() { return core.db }, actorId: session?.user.id ?? null, role: session?.user.role ?? null, now }
    const handler = handlers[method] as (ctx: ServiceContext, input: unknown, core: Core, call: Call) => Promise<unknown>
    return { ok: true, value: await handler(ctx, parsed.data, core, { core, session, computer: core.computerName ?? THIS_WORKSTATION.computerName }) }
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
