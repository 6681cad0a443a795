// App-wide wiring: the privileged scheme, the single-instance lock, guards on every page.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { GuardedContents, GuardedSession } from '../../../src-main/electron/guards'
import { claimSingleInstance, hardenApp, registerAppScheme } from '../../../src-main/electron/lifecycle'

describe('registerAppScheme', () => {
  it('registers app:// as standard and secure, without bypassing CSP or CORS', () => {
    const register = vi.fn()
    registerAppScheme({ registerSchemesAsPrivileged: register })
    expect(register).toHaveBeenCalledWith([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }])
    const privileges = register.mock.calls[0]![0][0].privileges as Record<string, boolean>
    expect(privileges.bypassCSP).toBeUndefined()
    expect(privileges.corsEnabled).toBeUndefined()
  })
})

describe('claimSingleInstance', () => {
  it('quits a second copy of the app', () => {
    const app = { requestSingleInstanceLock: () => false, quit: vi.fn(), on: vi.fn() }
    expect(claimSingleInstance(app, () => {})).toBe(false)
    expect(app.quit).toHaveBeenCalled()
    expect(app.on).not.toHaveBeenCalled()
  })

  it('lets the first copy run and bring its window forward when started again', () => {
    const focus = vi.fn()
    const listeners = new Map<string, () => void>()
    const app = { requestSingleInstanceLock: () => true, quit: vi.fn(), on: (e: string, l: () => void) => listeners.set(e, l) }
    expect(claimSingleInstance(app, focus)).toBe(true)
    expect(app.quit).not.toHaveBeenCalled()
    listeners.get('second-instance')!()
    expect(focus).toHaveBeenCalledTimes(1)
  })
})

describe('hardenApp', () => {
  it('guards the session, serves app:// from the renderer folder, and guards every new page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'footcore-harden-'))
    mkdirSync(join(dir, 'renderer'))
    writeFileSync(join(dir, 'renderer', 'index.html'), '<title>Footcore</title>')
    writeFileSync(join(dir, 'secret.txt'), 'x')
    try {
      const session = {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn() },
      }
      let serve: ((r: { url: string }) => Promise<Response>) | null = null
      const protocol = { handle: (scheme: string, h: (r: { url: string }) => Promise<Response>) => scheme === 'app' && (serve = h) }
      let created: ((e: unknown, c: GuardedContents) => void) | null = null
      const app = { on: (event: string, l: (e: unknown, c: GuardedContents) => void) => event === 'web-contents-created' && (created = l) }
      hardenApp(app, session as unknown as GuardedSession, protocol, { rendererDir: join(dir, 'renderer'), devOrigin: undefined, openExternal: async () => {} })

      expect(session.setPermissionRequestHandler).toHaveBeenCalled()
      expect(session.setPermissionCheckHandler).toHaveBeenCalled()
      expect(session.webRequest.onBeforeRequest).toHaveBeenCalled()
      expect((await serve!({ url: 'app://footcore/' })).status).toBe(200)
      expect((await serve!({ url: 'app://footcore/%2e%2e/secret.txt' })).status).toBe(404)

      const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() }
      created!({}, contents as unknown as GuardedContents)
      expect(contents.on.mock.calls.map((c) => c[0])).toEqual(['will-navigate', 'will-redirect', 'will-attach-webview', 'will-frame-navigate'])
      expect(contents.setWindowOpenHandler).toHaveBeenCalled()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
