// Sessions: signing in and out, the lock, wrong-PIN waits, the first administrator and the
// recovery code. Sessions live in the clinic database, so on a clinic server a user signs in at
// any workstation with the same PIN; the page (or Electron's main, per window) holds only a token.
import { randomUUID } from 'node:crypto'
import { ApiError, conflict } from '@shared/domain/errors'
import type { FirstAdministratorResult, SessionState, SetupStatus, SignedInUser, SignInResult } from '@shared/domain/user'
import { METHOD_NAMES } from '@shared/api'
import { compiledOnce } from '../db/compiled-once'
import { recordAudit } from '../services/audit'
import { roleMay } from './permissions'
import { nowIso, type Db, type ServiceContext } from '../services/context'
import { hashSecret, needsRehash, newRecoveryCode, newSessionToken, normalizeCode, tokenHash, verifySecret } from './secrets'

/** A session ends after this long whatever happens (a forgotten sign-in does not live for days). */
export const SESSION_HOURS = 12
/** The page locks itself after the clinic's idle time; the core locks the session this much later. */
export const SERVER_LOCK_GRACE_MS = 60_000
/** Wrong PINs allowed before the first wait, and that wait (doubling with every further one). */
export const FREE_ATTEMPTS = 5
export const FIRST_WAIT_SECONDS = 30
/** Activity is written at most this often (every click would be a write otherwise). */
const ACTIVITY_WRITE_MS = 5_000

export interface ActiveSession {
  id: string
  user: SignedInUser
  locked: boolean
}

const WRONG = 'That sign-in name and PIN do not match.'
const WRONG_RECOVERY = 'That sign-in name and recovery code do not match an administrator.'

/** Every call looks its session up: built and compiled once (db/compiled-once.ts), run with the token's hash. */
const sessionByToken = compiledOnce((db, p: { tokenHash: string }) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('therapists as t', 't.id', 's.user_id')
    .innerJoin('clinic_settings as c', (j) => j.onTrue())
    .select(['s.id', 's.started_at', 's.last_activity_at', 's.locked', 's.ended_at', 't.id as user_id', 't.display_name', 't.login_name', 't.role', 't.active', 'c.lock_after_minutes'])
    .where('s.token_hash', '=', p.tokenHash),
)

/** The session a token names, or null (unknown, ended, expired, or its user deactivated). */
export async function resolveSession(db: Db, token: unknown, now: Date): Promise<ActiveSession | null> {
  if (typeof token !== 'string' || token.length < 20 || token.length > 100) return null
  const row = await sessionByToken.executeTakeFirst(db, { tokenHash: tokenHash(token) })
  if (!row || row.ended_at !== null || row.active !== 1) return null
  if (now.getTime() - Date.parse(row.started_at) > SESSION_HOURS * 3_600_000) return null
  let locked = row.locked === 1
  // Nobody at the keyboard for longer than the clinic allows: locked here too, whatever the page does.
  if (!locked && now.getTime() - Date.parse(row.last_activity_at) > row.lock_after_minutes * 60_000 + SERVER_LOCK_GRACE_MS) {
    await db.updateTable('sessions').set({ locked: 1 }).where('id', '=', row.id).execute()
    locked = true
  }
  return { id: row.id, locked, user: { id: row.user_id, displayName: row.display_name, loginName: row.login_name ?? '', role: row.role } }
}

/** Someone used the page: the idle clock starts again. */
export async function touchSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_activity_at: now.toISOString() })
    .where('id', '=', sessionId)
    .where('last_activity_at', '<', new Date(now.getTime() - ACTIVITY_WRITE_MS).toISOString())
    .execute()
}

async function lockAfterMinutes(db: Db): Promise<number> {
  const row = await db.selectFrom('clinic_settings').select('lock_after_minutes').executeTakeFirst()
  return row?.lock_after_minutes ?? 5
}

export async function sessionState(db: Db, session: ActiveSession | null): Promise<SessionState> {
  return {
    user: session?.user ?? null,
    allowedMethods: session ? METHOD_NAMES.filter((m) => roleMay(session.user.role, m)) : [],
    locked: session?.locked ?? false,
    lockAfterMinutes: await lockAfterMinutes(db),
  }
}

/** Opens a session for a user whose secret was checked (or just set). */
export async function startSession(db: Db, ctx: ServiceContext, userId: number, computerName: string): Promise<{ token: string; session: ActiveSession }> {
  const token = newSessionToken()
  const at = nowIso(ctx)
  const id = randomUUID()
  await db
    .insertInto('sessions')
    .values({ id, token_hash: tokenHash(token), user_id: userId, computer_name: computerName, started_at: at, last_activity_at: at, locked: 0, ended_at: null })
    .execute()
  const session = await resolveSession(db, token, ctx.now())
  if (!session) throw new Error('session just started was not found')
  await recordAudit(db, { ...ctx, actorId: userId }, { action: 'sign_in', entity: 'session', entityId: userId, patientId: null, after: { computer: computerName } })
  return { token, session }
}

// ---- wrong PINs ------------------------------------------------------------------------------

/** Seconds to wait after `failures` wrong PINs in a row (0 while still allowed). */
export function waitSecondsAfter(failures: number): number {
  return failures < FREE_ATTEMPTS ? 0 : FIRST_WAIT_SECONDS * 2 ** Math.min(failures - FREE_ATTEMPTS, 16)
}

function waitSentence(seconds: number): string {
  if (seconds < 90) return `Too many wrong tries. Wait ${seconds} seconds, then try again.`
  const minutes = Math.ceil(seconds / 60)
  return minutes < 90 ? `Too many wrong tries. Wait ${minutes} minutes, then try again.` : `Too many wrong tries. Wait ${Math.ceil(minutes / 60)} hours, then try again, or ask an administrator to reset the PIN.`
}

const refuse = (message: string, field: string) => new ApiError({ code: 'unauthorized', message, issues: [{ path: [field], message }] })

/** Refuses while `key` must wait on this computer (the right PIN included: nothing is checked). */
async function refuseWhileWaiting(db: Db, ctx: ServiceContext, key: string, computer: string, field: string, userId: number): Promise<void> {
  const row = await db.selectFrom('sign_in_failures').selectAll().where('login_key', '=', key).where('computer_name', '=', computer).executeTakeFirst()
  if (!row?.wait_until) return
  const left = Math.ceil((Date.parse(row.wait_until) - ctx.now().getTime()) / 1000)
  if (left <= 0) return
  await recordAudit(db, { ...ctx, actorId: userId || null }, { action: 'sign_in_refused', entity: 'session', entityId: userId, patientId: null, after: { loginName: key, computer, waitSeconds: left } })
  throw refuse(waitSentence(left), field)
}

/** Counts a wrong PIN and answers the refusal (with the wait it starts, if any). */
async function wrongSecret(db: Db, ctx: ServiceContext, key: string, computer: string, field: string, userId: number, message: string): Promise<never> {
  const at = nowIso(ctx)
  await db
    .insertInto('sign_in_failures')
    .values({ login_key: key, computer_name: computer, failures: 1, last_failure_at: at, wait_until: null })
    .onConflict((oc) => oc.columns(['login_key', 'computer_name']).doUpdateSet((eb) => ({ failures: eb('sign_in_failures.failures', '+', 1), last_failure_at: at })))
    .execute()
  const { failures } = await db.selectFrom('sign_in_failures').select('failures').where('login_key', '=', key).where('computer_name', '=', computer).executeTakeFirstOrThrow()
  const wait = waitSecondsAfter(failures)
  if (wait > 0) {
    await db
      .updateTable('sign_in_failures')
      .set({ wait_until: new Date(ctx.now().getTime() + wait * 1000).toISOString() })
      .where('login_key', '=', key)
      .where('computer_name', '=', computer)
      .execute()
  }
  await recordAudit(db, { ...ctx, actorId: userId || null }, { action: 'sign_in_failed', entity: 'session', entityId: userId, patientId: null, after: { loginName: key, computer, failures } })
  throw refuse(wait > 0 ? `${message} ${waitSentence(wait)}` : message, field)
}

const clearFailures = (db: Db, key: string, computer: string) =>
  db.deleteFrom('sign_in_failures').where('login_key', '=', key).where('computer_name', '=', computer).execute()

// ---- signing in ------------------------------------------------------------------------------

async function userByLogin(db: Db, loginName: string) {
  return db.selectFrom('therapists').select(['id', 'active', 'secret_hash', 'setup_code_hash', 'role']).where('login_name', '=', loginName).executeTakeFirst()
}

export async function signIn(
  ctx: ServiceContext,
  input: { loginName: string; secret: string; newSecret?: string | undefined },
  computer: string,
): Promise<SignInResult> {
  const db = ctx.db
  const found = await userByLogin(db, input.loginName)
  // A deactivated user is answered exactly like a name nobody has.
  const user = found && found.active === 1 ? found : undefined
  const userId = user?.id ?? 0
  await refuseWhileWaiting(db, ctx, input.loginName, computer, 'secret', userId)

  if (user && (await verifySecret(input.secret, user.secret_hash))) {
    if (needsRehash(user.secret_hash!)) {
      await db.updateTable('therapists').set({ secret_hash: await hashSecret(input.secret) }).where('id', '=', user.id).execute()
    }
    await clearFailures(db, input.loginName, computer)
    const { token, session } = await startSession(db, ctx, user.id, computer)
    return { status: 'signedIn', session: await sessionState(db, session), sessionToken: token }
  }
  if (user?.setup_code_hash && (await verifySecret(normalizeCode(input.secret), user.setup_code_hash))) {
    await clearFailures(db, input.loginName, computer)
    if (input.newSecret === undefined) return { status: 'chooseSecret' }
    const newHash = await hashSecret(input.newSecret)
    const at = nowIso(ctx)
    // Single use: only the sign-in that still finds the code sets the PIN.
    const set = await db
      .updateTable('therapists')
      .set({ secret_hash: newHash, setup_code_hash: null, secret_changed_at: at })
      .where('id', '=', user.id)
      .where('setup_code_hash', '=', user.setup_code_hash)
      .executeTakeFirst()
    if (Number(set.numUpdatedRows) !== 1) throw conflict('This set-up code was just used. Ask an administrator for a new one.')
    await recordAudit(db, { ...ctx, actorId: user.id }, { action: 'pin_set', entity: 'session', entityId: user.id, patientId: null })
    const { token, session } = await startSession(db, ctx, user.id, computer)
    return { status: 'signedIn', session: await sessionState(db, session), sessionToken: token }
  }
  return wrongSecret(db, ctx, input.loginName, computer, 'secret', userId, WRONG)
}

export async function signOut(ctx: ServiceContext, session: ActiveSession): Promise<SessionState> {
  await ctx.db.updateTable('sessions').set({ ended_at: nowIso(ctx) }).where('id', '=', session.id).execute()
  await recordAudit(ctx.db, ctx, { action: 'sign_out', entity: 'session', entityId: session.user.id, patientId: null })
  return sessionState(ctx.db, null)
}

export async function lockSession(ctx: ServiceContext, session: ActiveSession): Promise<SessionState> {
  if (!session.locked) {
    await ctx.db.updateTable('sessions').set({ locked: 1 }).where('id', '=', session.id).execute()
    await recordAudit(ctx.db, ctx, { action: 'lock', entity: 'session', entityId: session.user.id, patientId: null })
  }
  return sessionState(ctx.db, { ...session, locked: true })
}

export async function unlockSession(ctx: ServiceContext, session: ActiveSession, input: { secret: string }, computer: string): Promise<SessionState> {
  const db = ctx.db
  const key = session.user.loginName
  await refuseWhileWaiting(db, ctx, key, computer, 'secret', session.user.id)
  const row = await db.selectFrom('therapists').select('secret_hash').where('id', '=', session.user.id).executeTakeFirstOrThrow()
  if (!(await verifySecret(input.secret, row.secret_hash))) return wrongSecret(db, ctx, key, computer, 'secret', session.user.id, 'That PIN is not right.')
  await clearFailures(db, key, computer)
  await db.updateTable('sessions').set({ locked: 0, last_activity_at: nowIso(ctx) }).where('id', '=', session.id).execute()
  await recordAudit(db, ctx, { action: 'unlock', entity: 'session', entityId: session.user.id, patientId: null })
  return sessionState(db, { ...session, locked: false })
}

// ---- the first administrator and the recovery code -------------------------------------------

async function hasAdministrator(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('therapists')
    .select('id')
    .where('role', '=', 'administrator')
    .where('active', '=', 1)
    .where('secret_hash', 'is not', null)
    .executeTakeFirst()
  return row !== undefined
}

export async function setupStatus(ctx: ServiceContext): Promise<SetupStatus> {
  if (await hasAdministrator(ctx.db)) return { needsFirstAdministrator: false, existingUsers: [] }
  const users = await ctx.db.selectFrom('therapists').select(['id', 'display_name']).where('active', '=', 1).orderBy('display_name').execute()
  return { needsFirstAdministrator: true, existingUsers: users.map((u) => ({ id: u.id, displayName: u.display_name })) }
}

/**
 * The clinic's first administrator (a fresh install, or a clinic from before sign-in): only while
 * there is none, and once even when two workstations try at the same moment.
 */
export async function createFirstAdministrator(
  ctx: ServiceContext,
  input: { existingUserId?: number | undefined; displayName?: string | undefined; loginName: string; secret: string },
  computer: string,
): Promise<FirstAdministratorResult> {
  const secretHash = await hashSecret(input.secret)
  const recoveryCode = newRecoveryCode()
  const recoveryHash = await hashSecret(normalizeCode(recoveryCode))
  const { token, session } = await ctx.db
    .transaction()
    .setIsolationLevel('serializable')
    .execute(async (trx) => {
      if (await hasAdministrator(trx)) throw conflict('This clinic already has an administrator. Sign in instead.')
      const taken = await trx.selectFrom('therapists').select('id').where('login_name', '=', input.loginName).executeTakeFirst()
      if (taken && taken.id !== input.existingUserId) {
        throw new ApiError({ code: 'conflict', message: 'Someone already has this sign-in name', issues: [{ path: ['loginName'], message: 'Someone already has this sign-in name' }] })
      }
      const at = nowIso(ctx)
      let id: number
      if (input.existingUserId !== undefined) {
        const existing = await trx.selectFrom('therapists').select(['id', 'active']).where('id', '=', input.existingUserId).executeTakeFirst()
        if (!existing || existing.active !== 1) throw new ApiError({ code: 'not_found', message: 'Choose a person from the list', issues: [{ path: ['existingUserId'], message: 'Choose a person from the list' }] })
        id = existing.id
        await trx
          .updateTable('therapists')
          .set({ role: 'administrator', login_name: input.loginName, secret_hash: secretHash, setup_code_hash: null, secret_changed_at: at, updated_at: at })
          .where('id', '=', id)
          .execute()
      } else {
        id = (
          await trx
            .insertInto('therapists')
            .values({ display_name: input.displayName!, credentials: null, active: 1, role: 'administrator', login_name: input.loginName, secret_hash: secretHash, secret_changed_at: at, created_at: at, updated_at: at })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id
        await recordAudit(trx, { ...ctx, actorId: id }, { action: 'create', entity: 'therapist', entityId: id, patientId: null, after: { displayName: input.displayName, role: 'administrator' } })
      }
      await recordAudit(trx, { ...ctx, actorId: id }, { action: 'role_change', entity: 'therapist', entityId: id, patientId: null, after: { role: 'administrator', firstAdministrator: true } })
      await trx.updateTable('clinic_settings').set({ recovery_code_hash: recoveryHash }).execute()
      return startSession(trx, ctx, id, computer)
    })
  return { session: await sessionState(ctx.db, session), sessionToken: token, recoveryCode }
}

/**
 * An administrator who forgot their PIN: the clinic's recovery code sets a new one and signs them
 * in; the used code is replaced by a new one (shown once).
 */
export async function recoverWithCode(
  ctx: ServiceContext,
  input: { loginName: string; recoveryCode: string; newSecret: string },
  computer: string,
): Promise<FirstAdministratorResult> {
  const db = ctx.db
  const found = await userByLogin(db, input.loginName)
  const admin = found && found.active === 1 && found.role === 'administrator' ? found : undefined
  const userId = admin?.id ?? 0
  await refuseWhileWaiting(db, ctx, input.loginName, computer, 'recoveryCode', userId)
  const settings = await db.selectFrom('clinic_settings').select('recovery_code_hash').executeTakeFirst()
  const codeMatches = await verifySecret(normalizeCode(input.recoveryCode), settings?.recovery_code_hash ?? null)
  if (!admin || !codeMatches) return wrongSecret(db, ctx, input.loginName, computer, 'recoveryCode', userId, WRONG_RECOVERY)
  const recoveryCode = newRecoveryCode()
  const at = nowIso(ctx)
  await db
    .updateTable('therapists')
    .set({ secret_hash: await hashSecret(input.newSecret), setup_code_hash: null, secret_changed_at: at })
    .where('id', '=', admin.id)
    .execute()
  await db.updateTable('clinic_settings').set({ recovery_code_hash: await hashSecret(normalizeCode(recoveryCode)) }).execute()
  await clearFailures(db, input.loginName, computer)
  await recordAudit(db, { ...ctx, actorId: admin.id }, { action: 'recovery_used', entity: 'session', entityId: admin.id, patientId: null })
  const { token, session } = await startSession(db, ctx, admin.id, computer)
  return { session: await sessionState(db, session), sessionToken: token, recoveryCode }
}

/** Ends every open session of a user (deactivated, or their PIN reset). */
export async function endSessionsOf(db: Db, userId: number, at: string): Promise<void> {
  await db.updateTable('sessions').set({ ended_at: at }).where('user_id', '=', userId).where('ended_at', 'is', null).execute()
}

