// Electron entry: one hardened window, the renderer over app://, IPC wired to the core router.
import { existsSync, mkdirSync } from 'node:fs'
import { join, normalize, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, ipcMain, net, protocol, session, type IpcMainInvokeEvent } from 'electron'
import { METHOD_NAMES, type CallEnvelope } from '@shared/api'
import { dispatch } from './core/api/router'
import { openDatabase, type ClinicDatabase } from './core/db/connection'
import { log } from './core/log'
import { DB_FILE_NAME } from './core/paths'
import { CONTENT_SECURITY_POLICY } from './core/security'
import { APP_HOST, APP_ORIGIN, APP_SCHEME, isAppUrl, windowOptions } from './window'

const devServerUrl = process.env.ELECTRON_RENDERER_URL
const rendererDir = resolve(__dirname, '../renderer')

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])

/** better-sqlite3 built for Electron's ABI (see scripts/ensure-electron-native.mjs); tests use Node's. */
function nativeBinding(): string | undefined {
  const file = join(app.getAppPath(), '.native', `electron-${process.versions.electron}`, 'better_sqlite3.node')
  return existsSync(file) ? file : undefined
}

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 })
    const path = resolve(rendererDir, normalize(`.${sep}${decodeURIComponent(url.pathname)}`))
    if (path !== rendererDir && !path.startsWith(rendererDir + sep)) return new Response('Not found', { status: 404 })
    const file = path === rendererDir || !existsSync(path) ? join(rendererDir, 'index.html') : path
    return net.fetch(pathToFileURL(file).toString())
  })
}

function wireApi(database: ClinicDatabase): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(`api:${method}`, async (event: IpcMainInvokeEvent, envelope: CallEnvelope) => {
      // Only the app's own top frame may call the API.
      const frame = event.senderFrame
      if (!frame || frame.parent !== null || !isAppUrl(frame.url, devServerUrl)) {
        return { ok: false, error: { code: 'unauthorized', message: 'Not allowed' } }
      }
      return dispatch({ db: database.db }, method, envelope?.input, envelope?.actorId ?? null)
    })
  }
}

function harden(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}

async function createWindow(): Promise<void> {
  const win = new BrowserWindow(windowOptions(join(__dirname, '../preload/preload.cjs')))
  win.once('ready-to-show', () => win.show())
  await win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  await app.whenReady()
  harden()
  serveRenderer()
  const dir = process.env.FOOTCORE_USER_DATA ?? app.getPath('userData')
  mkdirSync(dir, { recursive: true })
  const database = await openDatabase(process.env.FOOTCORE_DB ?? join(dir, DB_FILE_NAME), { nativeBinding: nativeBinding() })
  wireApi(database)
  await createWindow()
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows()
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })
  app.on('window-all-closed', () => {
    void database.close().then(() => app.quit())
  })
}

start().catch((e: unknown) => {
  log.error('Footcore failed to start', { error: e instanceof Error ? e.message : String(e) })
  app.quit()
})
