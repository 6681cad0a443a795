// The browser shell's API called from a test, signed in as a test user (set-up that would take
// minutes through the screens), and a page opened already signed in as someone.
//
// Every user the tests create through `callApi` gets the PIN E2E_PIN. The first user created on a
// fresh clinic becomes its first administrator with the sign-in name "admin" (as the first-start
// screen would make them), so a test can always act as the administrator, on any shell of the
// same clinic database and after a restore.
import type { Page } from '@playwright/test'

export const E2E_PIN = '246813'
export const ADMIN_LOGIN = 'admin'

interface Answer<T> {
  ok: boolean
  value: T
  error?: { code: string; message: string; issues?: { path: (string | number)[] }[] }
}

/** Page token of a shell (its index page carries it) and sessions already opened, per shell. */
const shellTokens = new Map<string, string>()
const sessions = new Map<string, string>()

async function shellToken(page: Page, shellUrl: string): Promise<string> {
  const known = shellTokens.get(shellUrl)
  if (known) return known
  const html = await (await page.request.get(shellUrl)).text()
  const token = /name="footcore-token" content="([^"]+)"/.exec(html)?.[1]
  if (!token) throw new Error(`no page token at ${shellUrl}`)
  shellTokens.set(shellUrl, token)
  return token
}

async function post<T>(page: Page, shellUrl: string, method: string, input: unknown, session: string | null): Promise<Answer<T>> {
  const res = await page.request.post(`${shellUrl}api/${method}`, {
    // A fresh connection per call: a kept-alive socket the shell closed after its 5 s idle timeout
    // can be reused by the client at that same moment (ECONNRESET), seen after a pause in a test.
    headers: { 'content-type': 'application/json', 'x-footcore-token': await shellToken(page, shellUrl), 'x-footcore-session': session ?? '', connection: 'close' },
    data: { input },
  })
  return (await res.json()) as Answer<T>
}

async function signIn(page: Page, shellUrl: string, loginName: string): Promise<string> {
  const r = await post<{ status: string; sessionToken: string }>(page, shellUrl, 'session.signIn', { loginName, secret: E2E_PIN }, null)
  if (!r.ok || r.value.status !== 'signedIn') throw new Error(`sign-in as ${loginName}: ${r.error?.code} ${r.error?.message}`)
  return r.value.sessionToken
}

async function adminSession(page: Page, shellUrl: string): Promise<string> {
  const key = `${shellUrl} admin`
  const known = sessions.get(key)
  if (known) return known
  const token = await signIn(page, shellUrl, ADMIN_LOGIN)
  sessions.set(key, token)
  return token
}

/** A session for user `userId` (created by callApi, so their PIN is E2E_PIN); null: the administrator. */
export async function sessionFor(page: Page, shellUrl: string, userId: number | null): Promise<string> {
  if (userId === null) return adminSession(page, shellUrl)
  const key = `${shellUrl} ${userId}`
  const known = sessions.get(key)
  if (known) return known
  let users = await post<{ id: number; loginName: string }[]>(page, shellUrl, 'users.list', {}, await adminSession(page, shellUrl))
  if (!users.ok) {
    // The administrator's session ended meanwhile (a restore ends every session): sign in again.
    sessions.delete(`${shellUrl} admin`)
    users = await post<{ id: number; loginName: string }[]>(page, shellUrl, 'users.list', {}, await adminSession(page, shellUrl))
  }
  const login = users.value.find((u) => u.id === userId)?.loginName
  if (!login) throw new Error(`no user ${userId} on ${shellUrl}`)
  const token = await signIn(page, shellUrl, login)
  sessions.set(key, token)
  return token
}

/**
 * Calls `method` on the shell at `shellUrl` as user `actorId` (null: the administrator); a refusal
 * fails the test with its sentence. `users.create` on a clinic without users makes the first
 * administrator; any `users.create` also gives the new user the PIN E2E_PIN.
 */
export async function callApi<T>(page: Page, shellUrl: string, method: string, input: unknown, actorId: number | null): Promise<T> {
  if (method === 'users.create') return (await createUser(page, shellUrl, input as { displayName: string; role?: string }, actorId)) as T
  let session = await sessionFor(page, shellUrl, actorId)
  let answer = await post<T>(page, shellUrl, method, input, session)
  // A session the test's pause locked, or one a restore ended: sign in again, once.
  if (!answer.ok && (answer.error?.code === 'locked' || answer.error?.issues?.some((i) => i.path[0] === 'session'))) {
    sessions.delete(`${shellUrl} ${actorId ?? 'admin'}`)
    sessions.delete(`${shellUrl} admin`)
    session = await sessionFor(page, shellUrl, actorId)
    answer = await post<T>(page, shellUrl, method, input, session)
  }
  if (!answer.ok) throw new Error(`${method}: ${answer.error?.code} ${answer.error?.message}`)
  return answer.value
}

async function createUser(page: Page, shellUrl: string, input: { displayName: string; role?: string }, actorId: number | null): Promise<{ id: number; displayName: string; loginName: string }> {
  const setup = await post<{ needsFirstAdministrator: boolean }>(page, shellUrl, 'session.setupStatus', {}, null)
  if (setup.value.needsFirstAdministrator) {
    const first = await post<{ sessionToken: string; session: { user: { id: number; displayName: string; loginName: string } } }>(
      page,
      shellUrl,
      'session.createFirstAdministrator',
      { displayName: input.displayName, loginName: ADMIN_LOGIN, secret: E2E_PIN },
      null,
    )
    if (!first.ok) throw new Error(`first administrator: ${first.error?.message}`)
    sessions.set(`${shellUrl} admin`, first.value.sessionToken)
    sessions.set(`${shellUrl} ${first.value.session.user.id}`, first.value.sessionToken)
    return first.value.session.user
  }
  const created = await post<{ id: number; displayName: string; loginName: string; setupCode: string }>(page, shellUrl, 'users.create', input, await sessionFor(page, shellUrl, actorId))
  if (!created.ok) throw new Error(`users.create: ${created.error?.code} ${created.error?.message}`)
  // They choose their PIN with the one-time code, as at their first sign-in.
  const first = await post<{ sessionToken: string }>(page, shellUrl, 'session.signIn', { loginName: created.value.loginName, secret: created.value.setupCode, newSecret: E2E_PIN }, null)
  if (!first.ok) throw new Error(`first sign-in of ${created.value.loginName}: ${first.error?.message}`)
  sessions.set(`${shellUrl} ${created.value.id}`, first.value.sessionToken)
  return created.value
}

/** Opens the page signed in as `userId` (null: the administrator), as after typing their PIN, and reloads. */
export async function workAs(page: Page, userId: number | null): Promise<void> {
  const shellUrl = new URL(page.url()).origin + '/'
  // A session of its own, as a person signing in at this page would have.
  const login = userId === null ? ADMIN_LOGIN : await loginOf(page, shellUrl, userId)
  const token = await signIn(page, shellUrl, login)
  await page.evaluate((t) => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('footcore.session', t), token)
  await page.reload()
}

async function loginOf(page: Page, shellUrl: string, userId: number): Promise<string> {
  const users = await callApi<{ id: number; loginName: string }[]>(page, shellUrl, 'users.list', {}, null)
  const login = users.find((u) => u.id === userId)?.loginName
  if (!login) throw new Error(`no user ${userId} on ${shellUrl}`)
  return login
}

/** Signs in through the sign-in screen, as a person does. */
export async function signInOnPage(page: Page, loginName: string, pin: string = E2E_PIN): Promise<void> {
  const form = page.getByRole('form', { name: 'Sign in' })
  await form.getByLabel('Sign-in name').fill(loginName)
  await form.getByLabel('PIN or passphrase').fill(pin)
  await form.getByRole('button', { name: 'Sign in' }).click()
  await form.waitFor({ state: 'detached' })
}
