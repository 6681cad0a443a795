// Signing in, out, locking, wrong PINs and the secrets behind them, through the router as a page calls it.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FirstAdministratorResult, SessionState, SignInResult, User, UserWithSetupCode } from '@shared/domain/user'
import { dispatch } from '../../../src-main/core/api/router'
import { hashSecret } from '../../../src-main/core/auth/secrets'
import { FIXED_NOW, openTestClinic, type TestClinic } from '../../support/db'

let clinic: TestClinic
let clock: Date
beforeEach(async () => {
  clinic = await openTestClinic()
  clock = new Date(FIXED_NOW)
})
afterEach(async () => clinic.close())

const core = (computerName = 'RECEPTION-PC') => ({ db: clinic.database.db, now: () => clock, computerName })
const later = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000)
}

async function call<T>(method: string, input: unknown, session: string | null = null, computer?: string): Promise<T> {
  const r = await dispatch(core(computer), method, input, session)
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code, issues: r.error.issues })
  return r.value as T
}
async function refusal(method: string, input: unknown, session: string | null = null, computer?: string): Promise<{ code: string; message: string }> {
  const r = await dispatch(core(computer), method, input, session)
  if (r.ok) throw new Error(`${method} was accepted`)
  return r.error
}

const ADMIN_PIN = '739264'
async function firstAdministrator(): Promise<FirstAdministratorResult> {
  return call<FirstAdministratorResult>('session.createFirstAdministrator', { displayName: 'Anna Nowak', loginName: 'anna', secret: ADMIN_PIN })
}

describe('the first start', () => {
  it('asks for the first administrator once, shows a recovery code, and signs them in', async () => {
    expect(await call('session.setupStatus', {})).toEqual({ needsFirstAdministrator: true, existingUsers: [] })
    const first = await firstAdministrator()
    expect(first.recoveryCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/)
    expect(first.session).toEqual({ user: { id: expect.any(Number), displayName: 'Anna Nowak', loginName: 'anna', role: 'administrator' }, allowedMethods: expect.arrayContaining(['users.create', 'settings.update']), locked: false, lockAfterMinutes: 5 })
    expect(await call('session.setupStatus', {})).toEqual({ needsFirstAdministrator: false, existingUsers: [] })
    expect(await refusal('session.createFirstAdministrator', { displayName: 'Mallory', loginName: 'mallory', secret: '482915' })).toMatchObject({
      code: 'conflict',
      message: 'This clinic already has an administrator. Sign in instead.',
    })
  })

  it('refuses PINs anyone would guess, next to the field', async () => {
    for (const [secret, message] of [
      ['12345', 'Use a PIN of at least 6 digits or a passphrase of at least 10 characters'],
      ['123456', 'This PIN is too easy to guess (one digit repeated or a run of digits). Choose another.'],
      ['999999', 'This PIN is too easy to guess (one digit repeated or a run of digits). Choose another.'],
      ['short pass', null],
    ] as const) {
      const r = await dispatch(core(), 'session.createFirstAdministrator', { displayName: 'Anna Nowak', loginName: 'anna', secret }, null)
      if (message === null) expect(r.ok, secret).toBe(true)
      else expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['secret'], message }] } })
    }
  })

  it('an existing clinic’s therapist can become the administrator; the others sign in with a code the administrator gives them', async () => {
    // Therapists from before sign-in: users without a PIN.
    const { sql } = await import('kysely')
    await sql`insert into therapists (display_name, active, created_at, updated_at, role, login_name) values ('Ben Okafor', 1, '2026-01-01', '2026-01-01', 'therapist', 'ben.okafor'), ('Carla Reyes', 1, '2026-01-01', '2026-01-01', 'therapist', 'carla.reyes')`.execute(clinic.database.db)
    const status = await call<{ existingUsers: { id: number; displayName: string }[] }>('session.setupStatus', {})
    const ben = status.existingUsers.find((u) => u.displayName === 'Ben Okafor')!
    const first = await call<FirstAdministratorResult>('session.createFirstAdministrator', { existingUserId: ben.id, loginName: 'ben', secret: ADMIN_PIN })
    expect(first.session.user).toMatchObject({ id: ben.id, role: 'administrator' })
    // Carla has no PIN: a wrong attempt says nothing about that.
    expect(await refusal('session.signIn', { loginName: 'carla.reyes', secret: '000000' })).toMatchObject({ message: 'That sign-in name and PIN do not match.' })
    const carla = (await call<User[]>('users.list', {}, first.sessionToken)).find((u) => u.loginName === 'carla.reyes')!
    expect(carla).toMatchObject({ hasSecret: false, setupPending: false })
    const { setupCode } = await call<UserWithSetupCode>('users.resetPin', { id: carla.id, version: carla.version }, first.sessionToken)
    // The code once: she chooses her PIN, then signs in with it; the code is spent.
    expect(await call('session.signIn', { loginName: 'carla.reyes', secret: setupCode.toLowerCase() })).toEqual({ status: 'chooseSecret' })
    const signedIn = await call<SignInResult>('session.signIn', { loginName: 'Carla.Reyes', secret: setupCode, newSecret: '583920' })
    expect(signedIn).toMatchObject({ status: 'signedIn', session: { user: { displayName: 'Carla Reyes', role: 'therapist' } } })
    expect(await refusal('session.signIn', { loginName: 'carla.reyes', secret: setupCode })).toMatchObject({ code: 'unauthorized' })
    expect(await call('session.signIn', { loginName: 'carla.reyes', secret: '583920' })).toMatchObject({ status: 'signedIn' })
  })

  it('the recovery code resets a forgotten administrator PIN once, and a new code replaces it', async () => {
    const first = await firstAdministrator()
    const recovered = await call<FirstAdministratorResult>('session.recover', { loginName: 'anna', recoveryCode: first.recoveryCode.toLowerCase().replace(/-/g, ' '), newSecret: '615283' })
    expect(recovered.session.user).toMatchObject({ loginName: 'anna' })
    expect(recovered.recoveryCode).not.toBe(first.recoveryCode)
    expect(await refusal('session.signIn', { loginName: 'anna', secret: ADMIN_PIN })).toMatchObject({ code: 'unauthorized' })
    expect(await call('session.signIn', { loginName: 'anna', secret: '615283' })).toMatchObject({ status: 'signedIn' })
    expect(await refusal('session.recover', { loginName: 'anna', recoveryCode: first.recoveryCode, newSecret: '615284' })).toMatchObject({
      code: 'unauthorized',
      message: 'That sign-in name and recovery code do not match an administrator.',
    })
  })
})

describe('wrong PINs', () => {
  it('20 wrong PINs in a row: free for 5, then 30 s doubling; the right PIN during a wait is refused; every try is audited', async () => {
    await firstAdministrator()
    const waits: number[] = []
    const said: string[] = []
    for (let attempt = 1; attempt <= 20; attempt++) {
      const e = await refusal('session.signIn', { loginName: 'anna', secret: `99${String(1000 + attempt)}` })
      expect(e.code).toBe('unauthorized')
      said.push(e.message)
      const [row] = await clinic.query<{ wait_until: string | null }>("select wait_until from sign_in_failures where login_key = 'anna'")
      const seconds = row?.wait_until ? Math.round((Date.parse(row.wait_until) - clock.getTime()) / 1000) : 0
      waits.push(seconds)
      if (seconds > 0) {
        // Still waiting: even the right PIN is refused, and says how long is left.
        later(seconds - 5)
        expect((await refusal('session.signIn', { loginName: 'anna', secret: ADMIN_PIN })).message).toBe('Too many wrong tries. Wait 5 seconds, then try again.')
        later(5)
      }
    }
    expect(waits).toEqual([0, 0, 0, 0, ...Array.from({ length: 16 }, (_, i) => 30 * 2 ** i)])
    // Said as a person reads it.
    expect(said[0]).toBe('That sign-in name and PIN do not match.')
    expect(said[4]).toBe('That sign-in name and PIN do not match. Too many wrong tries. Wait 30 seconds, then try again.')
    expect(said[6]).toBe('That sign-in name and PIN do not match. Too many wrong tries. Wait 2 minutes, then try again.')
    expect(said[19]).toMatch(/Wait 274 hours, then try again, or ask an administrator to reset the PIN\.$/)
    // After the last wait the right PIN works and the count starts again.
    expect(await call('session.signIn', { loginName: 'anna', secret: ADMIN_PIN })).toMatchObject({ status: 'signedIn' })
    const audit = await clinic.query<{ action: string; n: number | string }>("select action, count(*) as n from audit_log where entity = 'session' group by action order by action")
    expect(audit.map((r) => [r.action, Number(r.n)])).toEqual([
      ['sign_in', 2],
      ['sign_in_failed', 20],
      ['sign_in_refused', 16],
    ])
  })

  it('a name nobody has waits exactly like a real one (no answer tells whether a user exists); another computer is not held up', async () => {
    await firstAdministrator()
    const messages = async (loginName: string) => {
      const out: string[] = []
      for (let i = 0; i < 6; i++) out.push((await refusal('session.signIn', { loginName, secret: '482915' })).message)
      return out
    }
    expect(await messages('nobody')).toEqual(await messages('anna'))
    expect(await call('session.signIn', { loginName: 'anna', secret: ADMIN_PIN }, null, 'ROOM-2')).toMatchObject({ status: 'signedIn' })
    // The administrator sees who is locked out.
    const admin = (await call<{ sessionToken: string }>('session.signIn', { loginName: 'anna', secret: ADMIN_PIN }, null, 'ROOM-2')).sessionToken
    expect((await call<User[]>('users.list', {}, admin)).find((u) => u.loginName === 'anna')!.lockedOutUntil).toMatch(/^2026-06-15T10:/)
  })

  it('the waits hold across a restart (they are in the clinic database)', async () => {
    await firstAdministrator()
    for (let i = 0; i < 5; i++) await refusal('session.signIn', { loginName: 'anna', secret: '482915' })
    const { openClinicDatabase } = await import('../../../src-main/core/db/clinic-database')
    void openClinicDatabase
    // A new core over the same database (what a restart gives): still waiting.
    const restarted = { db: clinic.database.db, now: () => clock, computerName: 'RECEPTION-PC' }
    const r = await dispatch(restarted, 'session.signIn', { loginName: 'anna', secret: ADMIN_PIN }, null)
    expect(r).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'Too many wrong tries. Wait 30 seconds, then try again.' } })
  })
})

describe('the lock', () => {
  it('locks on demand and after the clinic’s idle time; only the user’s PIN unlocks, and the session goes on', async () => {
    const { sessionToken } = await firstAdministrator()
    await call('session.lock', {}, sessionToken)
    expect(await refusal('patients.search', {}, sessionToken)).toMatchObject({ code: 'locked' })
    expect(await refusal('session.unlock', { secret: '111222' }, sessionToken)).toMatchObject({ code: 'unauthorized', message: 'That PIN is not right.' })
    expect(await call<SessionState>('session.unlock', { secret: ADMIN_PIN }, sessionToken)).toMatchObject({ locked: false })
    expect(await call('patients.search', {}, sessionToken)).toMatchObject({ total: 0 })
    // Idle: the page locks after 5 minutes; the core too, a minute later, whatever the page does.
    later(5 * 60 + 30)
    expect(await call('patients.search', {}, sessionToken)).toMatchObject({ total: 0 })
    later(6 * 60 + 1)
    expect(await refusal('patients.search', {}, sessionToken)).toMatchObject({ code: 'locked' })
    expect(await call<SessionState>('session.current', {}, sessionToken)).toMatchObject({ locked: true, user: { loginName: 'anna' } })
    await call('session.unlock', { secret: ADMIN_PIN }, sessionToken)
    // Sign-out ends it.
    await call('session.signOut', {}, sessionToken)
    expect(await refusal('patients.search', {}, sessionToken)).toMatchObject({ code: 'unauthorized', message: 'Sign in to continue' })
    const trail = await clinic.query<{ action: string }>("select action from audit_log where entity = 'session' order by id")
    expect(trail.map((r) => r.action)).toEqual(['sign_in', 'lock', 'sign_in_failed', 'unlock', 'unlock', 'sign_out'])
  })

  it('the administrator sets the idle time between 1 and 30 minutes', async () => {
    const { sessionToken } = await firstAdministrator()
    const settings = await call<Record<string, unknown>>('settings.get', {}, sessionToken)
    expect(await refusal('settings.update', { ...settings, lockAfterMinutes: 45 }, sessionToken)).toMatchObject({ code: 'invalid_input', message: 'Lock after must be between 1 and 30 minutes' })
    expect(await call('settings.update', { ...settings, lockAfterMinutes: 2 }, sessionToken)).toMatchObject({ lockAfterMinutes: 2 })
    expect(await call('session.current', {}, sessionToken)).toMatchObject({ lockAfterMinutes: 2 })
  })
})

describe('secrets', () => {
  it('no PIN in the database file, any answer or the log after a day of signing in', async () => {
    const writes: string[] = []
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk))
      return true
    })
    const answers: unknown[] = []
    try {
      const first = await firstAdministrator()
      answers.push(first)
      answers.push(await dispatch(core(), 'session.signIn', { loginName: 'anna', secret: '582046' }, null))
      answers.push(await dispatch(core(), 'session.signIn', { loginName: 'anna', secret: ADMIN_PIN }, null))
      answers.push(await dispatch(core(), 'session.lock', {}, first.sessionToken))
      answers.push(await dispatch(core(), 'session.unlock', { secret: '582046' }, first.sessionToken))
      answers.push(await dispatch(core(), 'session.unlock', { secret: ADMIN_PIN }, first.sessionToken))
      const reset = await call<UserWithSetupCode>('users.create', { displayName: 'Ben Okafor', role: 'therapist' }, first.sessionToken)
      answers.push(await dispatch(core(), 'session.signIn', { loginName: reset.loginName, secret: reset.setupCode, newSecret: '864209' }, null))
    } finally {
      spy.mockRestore()
    }
    for (const pin of [ADMIN_PIN, '582046', '864209']) {
      expect(JSON.stringify(answers), pin).not.toContain(pin)
      expect(writes.join(''), pin).not.toContain(pin)
    }
    const stored = await clinic.query<{ secret_hash: string }>('select secret_hash from therapists where secret_hash is not null')
    expect(stored.map((r) => r.secret_hash)).toEqual([expect.stringMatching(/^scrypt\$32768\$8\$1\$/), expect.stringMatching(/^scrypt\$32768\$8\$1\$/)])
    if (clinic.dialect === 'sqlite') {
      await clinic.query('pragma wal_checkpoint(truncate)')
      for (const f of readdirSync(clinic.dir).filter((n) => n.startsWith('footcore'))) {
        const bytes = readFileSync(join(clinic.dir, f))
        for (const pin of [ADMIN_PIN, '582046', '864209']) expect(bytes.includes(Buffer.from(pin)), `${f} holds ${pin}`).toBe(false)
      }
    }
  })

  it('a hash made with older scrypt parameters still verifies and is rehashed at the next sign-in', async () => {
    const first = await firstAdministrator()
    const old = await hashSecret(ADMIN_PIN, { N: 2 ** 12, r: 8, p: 1 })
    await clinic.database.db.updateTable('therapists').set({ secret_hash: old }).where('id', '=', first.session.user!.id).execute()
    expect(await call('session.signIn', { loginName: 'anna', secret: ADMIN_PIN })).toMatchObject({ status: 'signedIn' })
    const [row] = await clinic.query<{ secret_hash: string }>(`select secret_hash from therapists where id = ${first.session.user!.id}`)
    expect(row!.secret_hash).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(row!.secret_hash).not.toBe(old)
    expect(await call('session.signIn', { loginName: 'anna', secret: ADMIN_PIN })).toMatchObject({ status: 'signedIn' })
  })
})
