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

/** One channel per contract method, each dispatched to the core router after the sender check. */
export function wireApi(ipcMain: IpcMainLike, core: Core, methods: readonly MethodName[], devOrigin: string | undefined): void {
  for (const method of methods) {
    const channel = apiChannel(method)
    ipcMain.handle(
      channel,
      trustedHandler(channel, devOrigin, (_event: SenderEvent, envelope: CallEnvelope | undefined) =>
        dispatch(core, method, envelope?.input, envelope?.actorId ?? null, envelope?.databaseId),
      ),
    )
  }
}
