// IPC from the renderer: every handler goes through `trustedHandler`, the one sender check.
import type { CallEnvelope, MethodName } from '@shared/api'
import type { ApiResult } from '@shared/domain/errors'
import { dispatch, type Core } from '../core/api/router'
import { log } from '../core/log'
import { isTrustedSender, type SenderEvent } from './guards'

export const UNTRUSTED_SENDER: ApiResult<never> = { ok: false, error: { code: 'unauthorized', message: 'Not allowed' } }

/**
 * Wraps an IPC handler so that only the app's own top frame reaches it. Every `ipcMain.handle`
 * in the app uses this (the API methods and the shell's save-PDF alike).
 */
export function trustedHandler<E extends SenderEvent, A extends unknown[], R>(
  channel: string,
  devOrigin: string | undefined,
  handler: (event: E, ...args: A) => R | Promise<R>,
): (event: E, ...args: A) => Promise<R | ApiResult<never>> {
  return async (event, ...args) => {
    if (!isTrustedSender(event, devOrigin)) {
      log.warn('ipc call refused: sender is not the app', { channel })
      return UNTRUSTED_SENDER
    }
    return handler(event, ...args)
  }
}

export const apiChannel = (method: MethodName): string => `api:${method}`

interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, envelope: CallEnvelope | undefined) => Promise<unknown>): void
}

/**
 * Each window's session, held here in main: the token a sign-in returns is kept for the window
 * that signed in and never reaches its page, so a page cannot act as anybody else.
 */
export class WindowSessions {
  private readonly tokens = new Map<number, string>()
  tokenFor(windowId: number): string | null {
    return this.tokens.get(windowId) ?? null
  }
  /** Keeps a token from an answer (sign-in, first administrator, recovery) and removes it from the answer. */
  keepFrom(windowId: number, result: ApiResult<unknown>): ApiResult<unknown> {
    if (!result.ok || typeof result.value !== 'object' || result.value === null || !('sessionToken' in result.value)) return result
    const { sessionToken, ...value } = result.value as { sessionToken: unknown }
    if (typeof sessionToken === 'string') this.tokens.set(windowId, sessionToken)
    return { ...result, value }
  }
  /** The window closed or its user signed out. */
  forget(windowId: number): void {
    this.tokens.delete(windowId)
  }
}

/** The window a call came from (Electron's WebContents id). */
const windowOf = (event: SenderEvent): number => event.sender?.id ?? -1

/** One channel per contract method, each dispatched to the core router after the sender check. */
export function wireApi(ipcMain: IpcMainLike, core: Core, methods: readonly MethodName[], devOrigin: string | undefined, sessions: WindowSessions = new WindowSessions()): WindowSessions {
  for (const method of methods) {
    const channel = apiChannel(method)
    ipcMain.handle(
      channel,
      trustedHandler(channel, devOrigin, async (event: SenderEvent, envelope: CallEnvelope | undefined) => {
        const windowId = windowOf(event)
        const result = await dispatch(core, method, envelope?.input, sessions.tokenFor(windowId), envelope?.databaseId)
        if (method === 'session.signOut' && result.ok) sessions.forget(windowId)
        return sessions.keepFrom(windowId, result)
      }),
    )
  }
  return sessions
}
