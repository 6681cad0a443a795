// Window options and web-content guards for the Electron shell, as plain values testable in Node.
import type { BrowserWindowConstructorOptions } from 'electron'

export const APP_SCHEME = 'app'
export const APP_HOST = 'footcore'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Footcore',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  }
}

/** True when a URL belongs to the app itself (its custom protocol, or the dev server in development). */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  try {
    const u = new URL(url)
    if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST) return true
    if (devServerUrl) {
      const d = new URL(devServerUrl)
      return u.origin === d.origin && (u.hostname === 'localhost' || u.hostname === '127.0.0.1')
    }
    return false
  } catch {
    return false
  }
}
