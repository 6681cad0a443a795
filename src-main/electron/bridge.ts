// What the preload exposes to the page: one `invoke(method, envelope)`, nothing else. Kept apart
// from preload.ts so it is tested without Electron.
import type { CallEnvelope } from '@shared/api'

/** "patients.create", "shell.savePdf": a group and a name; anything else never reaches main. */
export const METHOD_PATTERN = /^[a-z]+\.[a-zA-Z]+$/

export interface FootcoreBridge {
  invoke(method: string, envelope: CallEnvelope): Promise<unknown>
}

export function createBridge(ipcInvoke: (channel: string, envelope: CallEnvelope) => Promise<unknown>): FootcoreBridge {
  return Object.freeze({
    invoke(method: string, envelope: CallEnvelope): Promise<unknown> {
      if (typeof method !== 'string' || !METHOD_PATTERN.test(method)) return Promise.reject(new Error('Unknown method'))
      // Only the envelope's fields cross: no functions, prototypes or extra keys from the page.
      // No actor or session crosses: main keeps the window's session itself.
      const databaseId = envelope?.databaseId
      return ipcInvoke(`api:${method}`, {
        input: envelope?.input,
        databaseId: typeof databaseId === 'string' ? databaseId : null,
      })
    },
  })
}
