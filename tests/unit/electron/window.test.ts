// The window's options as Electron receives them: isolated, sandboxed, no Node, no webviews.
import type { BrowserWindowConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { createMainWindow } from '../../../src-main/electron/window'

class FakeWindow {
  static made: BrowserWindowConstructorOptions[] = []
  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeWindow.made.push(options)
  }
}

describe('createMainWindow', () => {
  const win = createMainWindow(FakeWindow, '/app/out/preload/preload.cjs')
  const prefs = win.options.webPreferences!

  it('turns on every isolation Electron offers', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    })
    expect(prefs.preload).toBe('/app/out/preload/preload.cjs')
  })

  it('sets nothing that loosens security', () => {
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'partition', 'session', 'devTools'] as const) expect(prefs[key]).toBeUndefined()
    expect(FakeWindow.made).toHaveLength(1)
  })

  it('opens hidden until the page is ready, titled Footcore, at a usable size', () => {
    expect(win.options).toMatchObject({ show: false, title: 'Footcore', minWidth: 960, minHeight: 640 })
  })
})
