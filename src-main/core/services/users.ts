// Users: the people who sign in, their roles and PINs, as an administrator manages them.
import type { z } from 'zod'
import { ApiError, conflict, notFound } from '@shared/domain/errors'
import { suggestLoginName, type User, type UserCreateInput, type UserRole, type UserUpdateInput, type UserWithSetupCode } from '@shared/domain/user'
import type { Selectable } from 'kysely'
import type { TherapistsTable } from '../db/schema'
import { endSessionsOf } from '../auth/sessions'
import { hashSecret, newSetupCode, normalizeCode } from '../auth/secrets'
import { recordAudit } from './audit'
import { nowIso, type Db, type ServiceContext } from './context'
import { claimVersion } from './versions'

type UserRow = Selectable<TherapistsTable>

function toUser(r: UserRow, lockedOutUntil: string | null): User {
  return {
    id: r.id,
    displayName: r.display_name,
    credentials: r.credentials,
    loginName: r.login_name ?? '',
    role: r.role,
    active: r.active === 1,
    hasSecret: r.secret_hash !== null,
    setupPending: r.setup_code_hash !== null,
    lockedOutUntil,
    version: r.version,
  }
}

/** What the audit trail keeps of a user: never a hash. */
const audited = (u: User) => ({ displayName: u.displayName, credentials: u.credentials, loginName: u.loginName, role: u.role, active: u.active })

async function lockouts(db: Db, now: Date): Promise<Map<string, string>> {
  const rows = await db.selectFrom('sign_in_failures').select(['login_key', 'wait_until']).where('wait_until', '>', now.toISOString()).execute()
  const out = new Map<string, string>()
  for (const r of rows) if (r.wait_until && (out.get(r.login_key) ?? '') < r.wait_until) out.set(r.login_key, r.wait_until)
  return out
}

async function findUser(db: Db, id: number, now: Date): Promise<User | null> {
  const r = await db.selectFrom('therapists').selectAll().where('id', '=', id).executeTakeFirst()
  if (!r) return null
  return toUser(r, (await lockouts(db, now)).get(r.login_name ?? '') ?? null)
}

export async function listUsers(ctx: ServiceContext): Promise<User[]> {
  const rows = await ctx.db.selectFrom('therapists').selectAll().orderBy('display_name').orderBy('id').execute()
  const waits = await lockouts(ctx.db, ctx.now())
  return rows.map((r) => toUser(r, waits.get(r.login_name ?? '') ?? null))
}

/** "Anna Kowalska" → "anna.kowalska" (the first free one: anna.kowalska2, …). */
async function freeLoginName(db: Db, displayName: string): Promise<string> {
  const base = suggestLoginName(displayName) || 'user'
  const taken = new Set((await db.selectFrom('therapists').select('login_name').where('login_name', 'like', `${base}%`).execute()).map((r) => r.login_name))
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`
}

const loginTaken = () => new ApiError({ code: 'conflict', message: 'Someone already has this sign-in name', issues: [{ path: ['loginName'], message: 'Someone already has this sign-in name' }] })

async function refuseTakenLogin(db: Db, loginName: string, exceptId: number | null): Promise<void> {
  const other = await db.selectFrom('therapists').select('id').where('login_name', '=', loginName).executeTakeFirst()
  if (other && other.id !== exceptId) throw loginTaken()
}

/** A new user with a one-time set-up code: they sign in with it once and choose their own PIN. */
export async function createUser(ctx: ServiceContext, input: z.output<typeof UserCreateInput>): Promise<UserWithSetupCode> {
  const setupCode = newSetupCode()
  const setupHash = await hashSecret(normalizeCode(setupCode))
  return ctx.db.transaction().execute(async (trx) => {
    const loginName = input.loginName ?? (await freeLoginName(trx, input.displayName))
    await refuseTakenLogin(trx, loginName, null)
    const at = nowIso(ctx)
    const { id } = await trx
      .insertInto('therapists')
      .values({ display_name: input.displayName, credentials: input.credentials, active: 1, role: input.role, login_name: loginName, setup_code_hash: setupHash, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow()
    const created = (await findUser(trx, id, ctx.now()))!
    await recordAudit(trx, ctx, { action: 'create', entity: 'therapist', entityId: id, patientId: null, after: audited(created) })
    return { ...created, setupCode }
  })
}

export async function updateUser(ctx: ServiceContext, input: z.output<typeof UserUpdateInput>): Promise<User> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findUser(trx, input.id, ctx.now())
    if (!before) throw notFound('User')
    await claimVersion(trx, ctx, 'therapists', input.id, input.version)
    const loginName = input.loginName ?? before.loginName
    await refuseTakenLogin(trx, loginName, input.id)
    await trx
      .updateTable('therapists')
      .set({ display_name: input.displayName, credentials: input.credentials, login_name: loginName, updated_at: nowIso(ctx) })
      .where('id', '=', input.id)
      .execute()
    const after = (await findUser(trx, input.id, ctx.now()))!
    await recordAudit(trx, ctx, { action: 'update', entity: 'therapist', entityId: input.id, patientId: null, before: audited(before), after: audited(after) })
    return after
  })
}

/**
 * Changes that could leave the clinic without an active administrator run serializable: two
 * workstations demoting or deactivating the last two administrators each see the other one;
 * PostgreSQL refuses one (write skew), SQLite runs write transactions one at a time.
 */
async function keepAnAdministrator(trx: Db, exceptId: number): Promise<void> {
  const others = await trx
    .selectFrom('therapists')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('active', '=', 1)
    .where('role', '=', 'administrator')
    .where('id', '!=', exceptId)
    .executeTakeFirstOrThrow()
  if (Number(others.n) === 0) throw conflict('At least one administrator must stay active: make someone else an administrator first')
}

export async function setUserRole(ctx: ServiceContext, input: { id: number; version: number; role: UserRole }): Promise<User> {
  return ctx.db.transaction().setIsolationLevel('serializable').execute(async (trx) => {
    const before = await findUser(trx, input.id, ctx.now())
    if (!before) throw notFound('User')
    await claimVersion(trx, ctx, 'therapists', input.id, input.version)
    if (before.role === 'administrator' && input.role !== 'administrator' && before.active) await keepAnAdministrator(trx, input.id)
    await trx.updateTable('therapists').set({ role: input.role, updated_at: nowIso(ctx) }).where('id', '=', input.id).execute()
    const after = (await findUser(trx, input.id, ctx.now()))!
    await recordAudit(trx, ctx, { action: 'role_change', entity: 'therapist', entityId: input.id, patientId: null, before: { role: before.role }, after: { role: after.role } })
    return after
  })
}

export async function setUserActive(ctx: ServiceContext, input: { id: number; version: number }, active: boolean): Promise<User> {
  return ctx.db.transaction().setIsolationLevel('serializable').execute(async (trx) => {
    const before = await findUser(trx, input.id, ctx.now())
    if (!before) throw notFound('User')
    await claimVersion(trx, ctx, 'therapists', input.id, input.version)
    if (!active && before.active && before.role === 'administrator') await keepAnAdministrator(trx, input.id)
    const at = nowIso(ctx)
    await trx.updateTable('therapists').set({ active: active ? 1 : 0, updated_at: at }).where('id', '=', input.id).execute()
    if (!active) await endSessionsOf(trx, input.id, at)
    const after = (await findUser(trx, input.id, ctx.now()))!
    await recordAudit(trx, ctx, { action: active ? 'restore' : 'archive', entity: 'therapist', entityId: input.id, patientId: null, before: audited(before), after: audited(after) })
    return after
  })
}

/**
 * A forgotten PIN (or a therapist from before sign-in, approved for a first PIN): the old PIN stops
 * working, their sessions end, any wrong-PIN wait is lifted, and a one-time code is handed over.
 */
export async function resetUserPin(ctx: ServiceContext, input: { id: number; version: number }): Promise<UserWithSetupCode> {
  const setupCode = newSetupCode()
  const setupHash = await hashSecret(normalizeCode(setupCode))
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findUser(trx, input.id, ctx.now())
    if (!before) throw notFound('User')
    if (!before.active) throw conflict('Reactivate this user before giving them a PIN')
    await claimVersion(trx, ctx, 'therapists', input.id, input.version)
    const at = nowIso(ctx)
    await trx.updateTable('therapists').set({ secret_hash: null, setup_code_hash: setupHash, secret_changed_at: at, updated_at: at }).where('id', '=', input.id).execute()
    await trx.deleteFrom('sign_in_failures').where('login_key', '=', before.loginName).execute()
    await endSessionsOf(trx, input.id, at)
    const after = (await findUser(trx, input.id, ctx.now()))!
    await recordAudit(trx, ctx, { action: 'pin_reset', entity: 'therapist', entityId: input.id, patientId: null })
    return { ...after, setupCode }
  })
}
