// IPC: every contract method has a channel, and only the app's own top frame gets an answer.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { METHOD_NAMES, type CallEnvelope } from '@shared/api'
import { apiChannel, trustedHandler, UNTRUSTED_SENDER, wireApi } from '../../../src-main/electron/ipc'
import type { SenderEvent } from '../../../src-main/electron/guards'
import { openTestClinic, type TestClinic } from '../../support/db'

type Handler = (event: SenderEvent, envelope: CallEnvelope | undefined) => Promise<unknown>

let clinic: TestClinic
let handlers: Map<string, Handler>
beforeEach(async () => {
  clinic = await openTestClinic()
  handlers = new Map()
  wireApi({ handle: (channel, listener) => handlers.set(channel, listener) }, { db: clinic.database.db }, METHOD_NAMES, undefined)
})
afterEach(async () => clinic.close())

const appFrame: SenderEvent = { senderFrame: { url: 'app://footcore/index.html', parent: null }, sender: { id: 1 } }
const NEW_PATIENT = { firstName: 'Ingrid', lastName: 'Halvorsen', dateOfBirth: '1970-03-02' }

async function patientCount(): Promise<number> {
  const r = await clinic.database.db.selectFrom('patients').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(r.n)
}

describe('wireApi', () => {
  it('registers one channel per contract method and nothing else', () => {
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map(apiChannel).sort())
  })

  it('answers the app page through the router, with the session its window signed in', async () => {
    const call = (event: SenderEvent, method: string, input: unknown) => handlers.get(`api:${method}`)!(event, { input }) as Promise<{ ok: boolean; value: Record<string, unknown>; error?: { code: string } }>
    const first = await call(appFrame, 'session.createFirstAdministrator', { displayName: 'Anna Nowak', loginName: 'anna', secret: '428613' })
    // The token stays in main: the page gets the session without it.
    expect(first.ok).toBe(true)
    expect(first.value).not.toHaveProperty('sessionToken')
    expect(first.value.session).toMatchObject({ user: { displayName: 'Anna Nowak', role: 'administrator' }, locked: false })
    const r = await call(appFrame, 'patients.create', NEW_PATIENT)
    expect(r).toMatchObject({ ok: true, value: { lastName: 'Halvorsen' } })
    expect(await patientCount()).toBe(1)

    // Another window of the app has no session: refused, nothing written.
    const otherWindow: SenderEvent = { ...appFrame, sender: { id: 2 } }
    expect(await call(otherWindow, 'patients.create', { ...NEW_PATIENT, firstName: 'Karin' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(await patientCount()).toBe(1)

    // Signing out forgets the window's session.
    expect((await call(appFrame, 'session.signOut', {})).ok).toBe(true)
    expect(await call(appFrame, 'patients.create', { ...NEW_PATIENT, firstName: 'Karin' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    const signedIn = await call(otherWindow, 'session.signIn', { loginName: 'anna', secret: '428613' })
    expect(signedIn.value).toEqual({ status: 'signedIn', session: expect.objectContaining({ locked: false }) })
    expect(await call(appFrame, 'session.current', {})).toMatchObject({ ok: true, value: { user: null } })
    expect(await call(otherWindow, 'session.current', {})).toMatchObject({ ok: true, value: { user: { loginName: 'anna' } } })
  })

  it('refuses a subframe, another origin or a gone frame, and changes nothing', async () => {
    const foreign: SenderEvent[] = [
      { senderFrame: { url: 'app://footcore/index.html', parent: { url: 'app://footcore/index.html' } } },
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'file:///tmp/page.html', parent: null } },
      { senderFrame: null },
    ]
    for (const event of foreign) {
      expect(await handlers.get('api:patients.create')!(event, { input: NEW_PATIENT })).toEqual(UNTRUSTED_SENDER)
    }
    expect(await patientCount()).toBe(0)
  })

  it('answers a missing envelope as invalid input, not a crash', async () => {
    const r = await handlers.get('api:session.signIn')!(appFrame, undefined)
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    // Without a session, a method that needs one is refused before its input is even read.
    expect(await handlers.get('api:patients.create')!(appFrame, undefined)).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'Sign in to continue' } })
  })
})

describe('trustedHandler', () => {
  it('guards any other channel the same way (the shell save-PDF uses it)', async () => {
    const inner = vi.fn(async (_e: SenderEvent, bytes: Uint8Array) => ({ ok: true as const, value: bytes.length }))
    const guarded = trustedHandler('shell.savePdf', undefined, inner)
    expect(await guarded(appFrame, new Uint8Array(3))).toEqual({ ok: true, value: 3 })
    expect(await guarded({ senderFrame: { url: 'https://evil.example/', parent: null } }, new Uint8Array(3))).toEqual(UNTRUSTED_SENDER)
    expect(inner).toHaveBeenCalledTimes(1)
  })
})
