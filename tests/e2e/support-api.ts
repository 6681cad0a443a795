// The browser shell's API called from a test page, with the page's own session token (set-up that
// would take minutes through the screens), and the header's "who is working" choice.
import type { Page } from '@playwright/test'

interface Answer<T> {
  ok: boolean
  value: T
  error?: { code: string; message: string }
}

/** Calls `method` on the shell serving `page`; a refusal fails the test with its sentence. */
export async function callApi<T>(page: Page, shellUrl: string, method: string, input: unknown, actorId: number | null): Promise<T> {
  const token = await page.locator('meta[name="footcore-token"]').getAttribute('content')
  const res = await page.request.post(`${shellUrl}api/${method}`, {
    // A fresh connection per call: a kept-alive socket the shell closed after its 5 s idle timeout
    // can be reused by the client at that same moment (ECONNRESET), seen after a pause in a test.
    headers: { 'content-type': 'application/json', 'x-footcore-token': token ?? '', connection: 'close' },
    data: { input, actorId },
  })
  const answer = (await res.json()) as Answer<T>
  if (!answer.ok) throw new Error(`${method}: ${answer.error?.code} ${answer.error?.message}`)
  return answer.value
}

/** Chooses who is working, as the header does and the app keeps between visits, and reloads. */
export async function workAs(page: Page, therapistId: number): Promise<void> {
  await page.evaluate((id) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('footcore.therapistId', String(id)), therapistId)
  await page.reload()
}
