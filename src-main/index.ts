// Electron entry: one hardened window, the renderer over app://, IPC wired to the core router.
// The pieces live in src-main/electron/ as functions of Electron's APIs, tested without Electron.
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron'
import { METHOD_NAMES } from '@shared/api'
import { AppState } from './core/app-state'
import { log } from './core/log'
import { DATABASE_CHOICE_FILE, readDatabaseChoice } from './core/database-choice'
import { DatabaseOpenError } from './core/db/open-errors'
import { DB_FILE_NAME, SERVER_BACKUPS_FOLDER } from './core/paths'
import { devServerOrigin } from './electron/guards'
import { wireApi } from './electron/ipc'
import { dispatch } from './core/api/router'
import { claimSingleInstance, hardenApp, registerAppScheme } from './electron/lifecycle'
import { registerSavePdf } from './electron/save-pdf'
import { APP_START_URL, createMainWindow } from './electron/window'

const devOrigin = devServerOrigin(process.env.ELECTRON_RENDERER_URL, app.isPackaged)
const rendererDir = resolve(__dirname, '../renderer')

registerAppScheme(protocol)
// Every renderer sandboxed, whatever a window's options say (must run before the app is ready).
app.enableSandbox()

/** better-sqlite3 built for Electron's ABI (see scripts/electron-native.mjs); tests use Node's. */
function nativeBinding(): string | undefined {
  const file = join(app.getAppPath(), '.native', `electron-${process.versions.electron}`, 'better_sqlite3.node')
  return existsSync(file) ? file : undefined
}

function focusWindow(): void {
  const [win] = BrowserWindow.getAllWindows()
  if (!win) return
  if (win.isMinimized()) win.restore()
  win.focus()
}

async function start(): Promise<void> {
  if (!claimSingleInstance(app, focusWindow)) return
  await app.whenReady()
  hardenApp(app, session.defaultSession, protocol, { rendererDir, devOrigin, openExternal: (url) => shell.openExternal(url) })
  const dir = process.env.FOOTCORE_USER_DATA ?? app.getPath('userData')
  mkdirSync(dir, { recursive: true })
  // The database: FOOTCORE_DB, else the server chosen in Settings (its password kept encrypted by
  // safeStorage), else the SQLite file. AppState holds it so a restore or a move can swap it; a
  // file that will not open shows the recovery screen; a server that will not is said in a dialog.
  const location = process.env.FOOTCORE_DB ? null : readDatabaseChoice(dir, safeStorage)
  let state: AppState
  try {
    state = await AppState.open(location ?? process.env.FOOTCORE_DB ?? join(dir, DB_FILE_NAME), {
      nativeBinding: nativeBinding(),
      serverBackupDir: join(dir, SERVER_BACKUPS_FOLDER),
      ...(process.env.FOOTCORE_DB ? {} : { choice: { dir, box: safeStorage } }),
    })
  } catch (e) {
    if (!(e instanceof DatabaseOpenError)) throw e
    dialog.showErrorBox('Footcore cannot open the clinic database', `${e.message}\n\nTo work on this computer's own file instead, remove ${join(dir, DATABASE_CHOICE_FILE)}.`)
    app.quit()
    return
  }
  const sessions = wireApi(ipcMain, state, METHOD_NAMES, devOrigin)
  registerSavePdf(ipcMain, devOrigin, { app, BrowserWindow, dialog, shell })

  const win = createMainWindow(BrowserWindow, join(__dirname, '../preload/preload.cjs'))
  // Closing the window signs its user out (the session is the window's).
  const windowId = win.webContents.id
  win.on('closed', () => {
    void dispatch(state, 'session.signOut', {}, sessions.tokenFor(windowId)).then(() => sessions.forget(windowId))
  })
  win.once('ready-to-show', () => win.show())
  await win.loadURL(devOrigin ? (process.env.ELECTRON_RENDERER_URL ?? devOrigin) : APP_START_URL)
  state.startAutomaticBackups()
  app.on('window-all-closed', () => {
    void state.close().then(() => app.quit())
  })
}

start().catch((e: unknown) => {
  log.error('Footcore failed to start', { error: e instanceof Error ? e.message : String(e) })
  app.quit()
})
