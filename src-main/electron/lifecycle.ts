// App-wide wiring that must happen once: the privileged app:// scheme, the single-instance lock,
// and the guards on the session and on every web contents.
import { guardSession, guardWebContents, type GuardedContents, type GuardedSession } from './guards'
import { serveAppRequest } from './protocol'
import { APP_SCHEME } from './window'

interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void
  handle(scheme: string, handler: (request: { url: string }) => Promise<Response>): void
}

/** Before the app is ready: app:// behaves like https (secure, standard), nothing more. */
export function registerAppScheme(protocol: Pick<ProtocolLike, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean
  quit(): void
  on(event: 'second-instance', listener: () => void): unknown
}

/**
 * Two copies of the app on one database would fight over it: a second start quits and brings the
 * first window forward instead. Returns false when this process must stop.
 */
export function claimSingleInstance(app: SingleInstanceApp, focusExisting: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', focusExisting)
  return true
}

interface HardenedApp {
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown
}

export interface HardenOptions {
  rendererDir: string
  devOrigin: string | undefined
  openExternal: (url: string) => Promise<void>
}

/** After ready: session guards, the app:// files, and guards on every page that will ever exist. */
export function hardenApp(app: HardenedApp, session: GuardedSession, protocol: Pick<ProtocolLike, 'handle'>, options: HardenOptions): void {
  guardSession(session, options.devOrigin)
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.url, options.rendererDir))
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options.devOrigin, options.openExternal))
}
