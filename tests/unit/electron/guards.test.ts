// Navigation, new windows, permissions, remote requests, foreign IPC senders and external links.
import { describe, expect, it, vi } from 'vitest'
import {
  devServerOrigin,
  EXTERNAL_URL_ALLOWLIST,
  guardSession,
  guardWebContents,
  isAllowedExternalUrl,
  isAllowedRequest,
  isAppUrl,
  isTrustedSender,
  openExternalIfAllowed,
  type GuardedContents,
  type GuardedSession,
} from '../../../src-main/electron/guards'

const DEV = 'http://localhost:5173'

describe('isAppUrl and the dev server', () => {
  it('knows the app by its custom protocol only', () => {
    expect(isAppUrl('app://footcore/index.html', undefined)).toBe(true)
    expect(isAppUrl('app://footcore/#/patients/3', undefined)).toBe(true)
    for (const url of ['app://evil/index.html', 'file:///opt/footcore/renderer/index.html', 'https://footcore/', 'http://localhost:5173/', 'javascript:alert(1)', '', 'app:']) {
      expect(isAppUrl(url, undefined), url).toBe(false)
    }
  })

  it('accepts the dev server only in an unpackaged app on loopback http', () => {
    expect(devServerOrigin(DEV + '/', false)).toBe(DEV)
    expect(devServerOrigin(DEV, true)).toBeUndefined()
    expect(devServerOrigin('http://192.168.1.5:5173', false)).toBeUndefined()
    expect(devServerOrigin('https://example.com', false)).toBeUndefined()
    expect(devServerOrigin(undefined, false)).toBeUndefined()
    expect(isAppUrl('http://localhost:5173/src/main.tsx', DEV)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', DEV)).toBe(false)
    expect(isAppUrl('http://127.0.0.1:5173/', DEV)).toBe(false)
  })
})

describe('isAllowedRequest (no remote content)', () => {
  it('lets the app and local data through and cancels the network', () => {
    for (const url of ['app://footcore/assets/app.js', 'data:image/png;base64,AAAA', 'blob:app://footcore/1234']) expect(isAllowedRequest(url, undefined), url).toBe(true)
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:5176/api/patients.search', 'ws://localhost:5173/', 'file:///etc/passwd', 'ftp://x/']) {
      expect(isAllowedRequest(url, undefined), url).toBe(false)
    }
    expect(isAllowedRequest('ws://localhost:5173/', DEV)).toBe(true)
    expect(isAllowedRequest('https://cdn.example.com/react.js', DEV)).toBe(false)
  })
})

describe('isTrustedSender (every IPC handler)', () => {
  const top = (url: string) => ({ senderFrame: { url, parent: null } })
  it('trusts only the app top frame', () => {
    expect(isTrustedSender(top('app://footcore/index.html'), undefined)).toBe(true)
    expect(isTrustedSender({ senderFrame: { url: 'app://footcore/index.html', parent: {} } }, undefined)).toBe(false)
    expect(isTrustedSender(top('https://evil.example/'), undefined)).toBe(false)
    expect(isTrustedSender(top('file:///tmp/x.html'), undefined)).toBe(false)
    expect(isTrustedSender({ senderFrame: null }, undefined)).toBe(false)
    expect(isTrustedSender(top(DEV + '/'), undefined)).toBe(false)
    expect(isTrustedSender(top(DEV + '/'), DEV)).toBe(true)
  })
})

describe('external links', () => {
  it('has an empty allowlist today, so nothing is ever opened', async () => {
    expect(EXTERNAL_URL_ALLOWLIST).toEqual([])
    const open = vi.fn(async () => {})
    for (const url of ['https://example.com/', 'http://example.com', 'file:///etc/passwd', 'smb://server/share', 'javascript:alert(1)']) {
      expect(await openExternalIfAllowed(url, open), url).toBe(false)
    }
    expect(open).not.toHaveBeenCalled()
  })

  it('matches an allowlist entry by exact https origin and path prefix', async () => {
    const list = [{ origin: 'https://help.footcore.example', pathPrefix: '/guide/' }]
    expect(isAllowedExternalUrl('https://help.footcore.example/guide/measuring', list)).toBe(true)
    expect(isAllowedExternalUrl('https://help.footcore.example/admin', list)).toBe(false)
    expect(isAllowedExternalUrl('https://help.footcore.example.evil.com/guide/', list)).toBe(false)
    expect(isAllowedExternalUrl('http://help.footcore.example/guide/', list)).toBe(false)
    expect(isAllowedExternalUrl('https://user:pw@help.footcore.example/guide/', list)).toBe(false)
    const open = vi.fn(async () => {})
    expect(await openExternalIfAllowed('https://help.footcore.example/guide/x', open, list)).toBe(true)
    expect(open).toHaveBeenCalledWith('https://help.footcore.example/guide/x')
  })
})

type Listener = (...args: unknown[]) => void
function fakeContents() {
  const listeners = new Map<string, Listener>()
  let windowOpen: ((d: { url: string }) => { action: string }) | null = null
  const contents = {
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => {
      windowOpen = h
    },
  }
  const fire = (event: string, url?: string) => {
    const e = { url, prevented: false, preventDefault() { this.prevented = true } }
    listeners.get(event)!(e, url)
    return e.prevented
  }
  return { contents: contents as unknown as GuardedContents, fire, openWindow: (url: string) => windowOpen!({ url }), listeners }
}

describe('guardWebContents', () => {
  it('blocks navigation and redirects away from the app, webviews and every new window', () => {
    const open = vi.fn(async () => {})
    const f = fakeContents()
    guardWebContents(f.contents, undefined, open)
    expect(f.fire('will-navigate', 'https://evil.example/')).toBe(true)
    expect(f.fire('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(f.fire('will-navigate', 'app://footcore/index.html#/patients')).toBe(false)
    expect(f.fire('will-redirect', 'https://evil.example/')).toBe(true)
    expect(f.fire('will-attach-webview')).toBe(true)
    expect(f.fire('will-frame-navigate', 'https://evil.example/frame')).toBe(true)
    expect(f.fire('will-frame-navigate', 'app://footcore/index.html')).toBe(false)
    expect(f.openWindow('https://example.com/')).toEqual({ action: 'deny' })
    expect(f.openWindow('app://footcore/index.html')).toEqual({ action: 'deny' })
    expect(open).not.toHaveBeenCalled()
  })
})

describe('guardSession', () => {
  function fakeSession() {
    const s = {
      request: null as null | ((c: unknown, p: string, cb: (g: boolean) => void) => void),
      check: null as null | ((c: unknown, p: string) => boolean),
      device: null as null | ((d: unknown) => boolean),
      before: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    }
    const session = {
      setPermissionRequestHandler: (h: typeof s.request) => (s.request = h),
      setPermissionCheckHandler: (h: typeof s.check) => (s.check = h),
      setDevicePermissionHandler: (h: typeof s.device) => (s.device = h),
      webRequest: { onBeforeRequest: (h: typeof s.before) => (s.before = h) },
    }
    return { session: session as unknown as GuardedSession, s }
  }

  it('denies every permission request and check', () => {
    const { session, s } = fakeSession()
    guardSession(session, undefined)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'usb']) {
      const granted = vi.fn()
      s.request!({}, permission, granted)
      expect(granted).toHaveBeenCalledWith(false)
      expect(s.check!({}, permission)).toBe(false)
    }
    expect(s.device!({ deviceType: 'usb' })).toBe(false)
  })

  it('cancels any request that would leave the app', () => {
    const { session, s } = fakeSession()
    guardSession(session, undefined)
    const answer = (url: string) => {
      let cancel: boolean | undefined
      s.before!({ url }, (r) => (cancel = r.cancel))
      return cancel
    }
    expect(answer('app://footcore/assets/app.js')).toBe(false)
    expect(answer('https://fonts.googleapis.com/css')).toBe(true)
    expect(answer('http://169.254.169.254/latest/meta-data')).toBe(true)
  })
})
