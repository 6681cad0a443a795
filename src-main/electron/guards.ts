// Guards for everything a page could try: navigating away, opening windows, asking for permissions,
// loading remote content, calling IPC from a foreign frame, opening links outside the app.
import { APP_HOST, APP_SCHEME } from './window'

/** The development server electron-vite starts; honoured only for an unpackaged app on loopback. */
export function devServerOrigin(url: string | undefined, isPackaged: boolean): string | undefined {
  if (!url || isPackaged) return undefined
  try {
    const u = new URL(url)
    const loopback = u.hostname === 'localhost' || u.hostname === '127.0.0.1'
    return loopback && u.protocol === 'http:' ? u.origin : undefined
  } catch {
    return undefined
  }
}

/** True when a URL belongs to the app itself: its custom protocol, or the dev server in development. */
export function isAppUrl(url: string, devOrigin: string | undefined): boolean {
  try {
    const u = new URL(url)
    if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST) return true
    return devOrigin !== undefined && u.origin === devOrigin
  } catch {
    return false
  }
}

/** Schemes a page of the app may load without leaving the app (inline images, blobs it made). */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:'])

/** Whether the session lets a request through: the app's own URLs and local data only, never the network. */
export function isAllowedRequest(url: string, devOrigin: string | undefined): boolean {
  if (isAppUrl(url, devOrigin)) return true
  try {
    const u = new URL(url)
    if (LOCAL_SCHEMES.has(u.protocol)) return true
    // Vite's hot reload socket in development only.
    return devOrigin !== undefined && u.protocol === 'ws:' && u.host === new URL(devOrigin).host
  } catch {
    return false
  }
}

/** The part of an IPC event the sender check reads (Electron's IpcMainInvokeEvent has it). */
export interface SenderEvent {
  senderFrame: { url: string; parent: unknown } | null
  /** The window's WebContents: its id names the window's session. */
  sender?: { id: number }
}

/**
 * THE sender check for every IPC handler: only the app's own top frame may call main. Subframes,
 * other origins and destroyed frames are refused.
 */
export function isTrustedSender(event: SenderEvent, devOrigin: string | undefined): boolean {
  const frame = event.senderFrame
  return frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url, devOrigin)
}

/**
 * Web addresses the app may hand to the system browser. None are needed today; an entry is an
 * exact https origin plus a path prefix, e.g. { origin: 'https://footcore.example', pathPrefix: '/help/' }.
 */
export const EXTERNAL_URL_ALLOWLIST: readonly { origin: string; pathPrefix: string }[] = []

export function isAllowedExternalUrl(url: string, allowlist: readonly { origin: string; pathPrefix: string }[] = EXTERNAL_URL_ALLOWLIST): boolean {
  try {
    const u = new URL(url)
    if (u.protocol !== 'https:' || u.username !== '' || u.password !== '') return false
    return allowlist.some((a) => u.origin === a.origin && u.pathname.startsWith(a.pathPrefix))
  } catch {
    return false
  }
}

/** The only way the app opens anything outside itself: allowlisted https addresses, nothing else. */
export async function openExternalIfAllowed(
  url: string,
  openExternal: (url: string) => Promise<void>,
  allowlist: readonly { origin: string; pathPrefix: string }[] = EXTERNAL_URL_ALLOWLIST,
): Promise<boolean> {
  if (!isAllowedExternalUrl(url, allowlist)) return false
  await openExternal(url)
  return true
}

interface PreventableEvent {
  preventDefault(): void
}

/** The web-contents events the guards attach to (a subset of Electron's WebContents). */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  on(event: 'will-frame-navigate', listener: (event: PreventableEvent & { url: string }) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/** Every page: no navigation away from the app, no webviews, no new windows (links go through the allowlist). */
export function guardWebContents(
  contents: GuardedContents,
  devOrigin: string | undefined,
  openExternal: (url: string) => Promise<void>,
): void {
  const stayInApp = (event: PreventableEvent, url: string) => {
    if (!isAppUrl(url, devOrigin)) event.preventDefault()
  }
  contents.on('will-navigate', stayInApp)
  contents.on('will-redirect', stayInApp)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  // Subframes too (an iframe the CSP already forbids, or one a bug lets in).
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url, devOrigin)) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalIfAllowed(url, openExternal)
    return { action: 'deny' }
  })
}

/** The session settings the guards use (a subset of Electron's Session). */
export interface GuardedSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void
  }
}

/** No permission is ever granted (camera, notifications, USB...), and no request leaves the app. */
export function guardSession(session: GuardedSession, devOrigin: string | undefined): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, devOrigin) }))
}
