// The Electron entry cannot run here (no binary), so its wiring is checked in the source: every
// IPC handler behind the one sender check, one window factory, links only through the allowlist.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')
const MAIN = join(ROOT, 'src-main')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) return sources(full)
    return /\.tsx?$/.test(name) ? [full] : []
  })
}
const files = sources(MAIN).map((file) => ({ file: relative(ROOT, file).replaceAll('\\', '/'), text: readFileSync(file, 'utf8') }))
const entry = readFileSync(join(MAIN, 'index.ts'), 'utf8')

/** The text of each call `name(...)`, brackets balanced (good enough for this codebase's style). */
function calls(text: string, name: string): string[] {
  const found: string[] = []
  let at = text.indexOf(name)
  while (at !== -1) {
    let depth = 0
    let end = at + name.length - 1
    for (; end < text.length; end++) {
      if (text[end] === '(') depth++
      else if (text[end] === ')' && --depth === 0) break
    }
    found.push(text.slice(at, end + 1))
    at = text.indexOf(name, end)
  }
  return found
}

describe('Electron entry wiring', () => {
  it('puts every ipcMain.handle behind trustedHandler, and uses no other IPC listener', () => {
    const handles = files.flatMap((f) => calls(f.text, 'ipcMain.handle(').map((c) => ({ file: f.file, call: c })))
    const all = files.flatMap((f) => calls(f.text, '.handle(').filter((c) => /^\.handle\(\s*(channel|['"`]|apiChannel)/.test(c)).map((c) => ({ file: f.file, call: c })))
    for (const h of [...handles, ...all]) expect(h.call, h.file).toMatch(/trustedHandler\(/)
    expect(handles.length + all.length).toBeGreaterThan(0)
    for (const f of files) {
      expect(f.text, f.file).not.toMatch(/ipcMain\.(on|once|handleOnce)\(/)
    }
  })

  it('makes windows only in src-main/electron/window.ts and loads only app:// (never file://)', () => {
    const makers = files.filter((f) => /new\s+BrowserWindow\s*\(/.test(f.text)).map((f) => f.file)
    expect(makers).toEqual(['src-main/electron/window.ts'])
    expect(entry).toMatch(/createMainWindow\(BrowserWindow,/)
    expect(entry).toMatch(/loadURL\(.*APP_START_URL\)/)
    for (const f of files.filter((x) => !x.file.startsWith('src-main/browser-shell/'))) {
      expect(f.text, f.file).not.toMatch(/\.loadFile\(|file:\/\/|loadURL\(\s*['"`]http/)
    }
  })

  it('takes the single-instance lock and installs the guards before any window opens', () => {
    const order = ['registerAppScheme(protocol)', 'app.enableSandbox()', 'claimSingleInstance(app', 'await app.whenReady()', 'hardenApp(app, session.defaultSession, protocol', 'wireApi(ipcMain', 'createMainWindow(']
    const positions = order.map((s) => entry.indexOf(s))
    expect(positions.every((p) => p >= 0), JSON.stringify(Object.fromEntries(order.map((s, i) => [s, positions[i]])))).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it('opens external addresses only through the allowlist', () => {
    const users = files.filter((f) => /openExternal\(/.test(f.text)).map((f) => f.file).sort()
    expect(users).toEqual(['src-main/electron/guards.ts', 'src-main/index.ts'])
    // index.ts only hands shell.openExternal to the guards; guards.ts calls it after the allowlist check.
    expect(calls(entry, 'shell.openExternal(')).toEqual(['shell.openExternal(url)'])
    expect(entry).toMatch(/openExternal: \(url\) => shell\.openExternal\(url\)/)
  })

  it('exposes exactly one object to the page, holding only invoke', () => {
    const preload = readFileSync(join(MAIN, 'preload.ts'), 'utf8')
    expect(calls(preload, 'contextBridge.exposeInMainWorld(')).toHaveLength(1)
    expect(preload).toMatch(/exposeInMainWorld\(\s*'footcore',\s*createBridge\(/)
    const exposing = files.filter((f) => /exposeInMainWorld|webFrame|ipcRenderer\.(send|on)\(/.test(f.text)).map((f) => f.file)
    expect(exposing).toEqual(['src-main/preload.ts'])
  })
})
