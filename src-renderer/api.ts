// The renderer's one API client: the same calls over Electron IPC or the browser shell's HTTP.
import { type CallEnvelope, type GroupedApi, type Input, type MethodName, type Output } from '@shared/api'
import { ApiError, type ApiResult } from '@shared/domain/errors'
import { reloadDiscardingChanges } from './router'

declare global {
  interface Window {
    /** Exposed by src-main/preload.ts inside Electron; absent in the browser shell. */
    footcore?: { invoke(method: string, envelope: CallEnvelope): Promise<ApiResult<unknown>> }
  }
}

/**
 * The browser shell's session token: issued by a sign-in and kept for this tab only (never written
 * into the page by the shell). Inside Electron main keeps the window's session and the page has none.
 */
const SESSION_KEY = 'footcore.session'
const sessionToken = (): string => window.sessionStorage.getItem(SESSION_KEY) ?? ''
function keepSessionToken(value: unknown): void {
  if (typeof value === 'object' && value !== null && 'sessionToken' in value && typeof value.sessionToken === 'string') {
    window.sessionStorage.setItem(SESSION_KEY, value.sessionToken)
  }
}
export const forgetSessionToken = (): void => window.sessionStorage.removeItem(SESSION_KEY)

/** What the core said about this page's session: locked, or no (longer a) session. */
export type SessionEvent = 'locked' | 'signedOut'
const sessionListeners = new Set<(e: SessionEvent) => void>()
export function onSessionEvent(listener: (e: SessionEvent) => void): () => void {
  sessionListeners.add(listener)
  return () => sessionListeners.delete(listener)
}

/**
 * Identity of the database this page loaded its records from. A restore puts a file with another
 * identity in place; the core then refuses this page's calls (`stale_page`) and the page reloads,
 * so it never writes into ids the restored file may have given to other patients.
 */
let databaseId: string | null = null

const reloadPage = reloadDiscardingChanges

async function overHttp(method: string, envelope: CallEnvelope): Promise<ApiResult<unknown>> {
  const token = document.querySelector<HTMLMetaElement>('meta[name="footcore-token"]')?.content ?? ''
  let res: Response
  try {
    res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Footcore-Token': token, 'X-Footcore-Session': sessionToken() },
      body: JSON.stringify(envelope),
    })
  } catch {
    return { ok: false, error: { code: 'unavailable', message: 'Footcore is not running. Start it again and reload this page.' } }
  }
  try {
    return (await res.json()) as ApiResult<unknown>
  } catch {
    return { ok: false, error: { code: 'internal', message: 'Footcore sent an answer that could not be read.' } }
  }
}

/**
 * Counts sign-ins and unlocks on this page. A call sent before one of them (the change poll runs
 * on while signed out or locked) may be answered after it: its "locked" or "no session" concerns
 * the session that was, and must not lock or sign out the one that just began.
 */
let sessionGeneration = 0
const STARTS_SESSION: ReadonlySet<string> = new Set(['session.signIn', 'session.createFirstAdministrator', 'session.recover', 'session.unlock'])

export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const envelope: CallEnvelope = { input, databaseId }
  const generation = sessionGeneration
  const result = window.footcore ? await window.footcore.invoke(method, envelope) : await overHttp(method, envelope)
  const sameSession = generation === sessionGeneration
  if (result.databaseId !== undefined) {
    if (databaseId === null) databaseId = result.databaseId
    else if (result.databaseId !== databaseId) reloadPage()
  }
  if (!result.ok && result.error.code === 'stale_page') reloadPage()
  if (!result.ok && result.error.code === 'locked' && sameSession) for (const l of sessionListeners) l('locked')
  if (!result.ok && result.error.code === 'unauthorized' && result.error.issues?.some((i) => i.path[0] === 'session') && sameSession) {
    forgetSessionToken()
    for (const l of sessionListeners) l('signedOut')
  }
  if (!result.ok) throw new ApiError(result.error)
  if (STARTS_SESSION.has(method)) sessionGeneration++
  keepSessionToken(result.value)
  if (method === 'session.signOut' && sameSession) forgetSessionToken()
  return result.value as Output<M>
}

/** `api.patients.create({...})`: grouped by the contract's method names. */
export const api = new Proxy({} as GroupedApi, {
  get: (_t, group: string) => new Proxy({}, { get: (_g, name: string) => (input: unknown) => call(`${group}.${name}` as MethodName, input as never) }),
})
