// The renderer's only door to main: one typed `invoke(method, envelope)`. Nothing else is exposed.
import { contextBridge, ipcRenderer } from 'electron'
import type { CallEnvelope } from '@shared/api'

const METHOD = /^[a-z]+\.[a-zA-Z]+$/

contextBridge.exposeInMainWorld('footcore', {
  invoke: (method: string, envelope: CallEnvelope): Promise<unknown> => {
    if (typeof method !== 'string' || !METHOD.test(method)) return Promise.reject(new Error('Unknown method'))
    return ipcRenderer.invoke(`api:${method}`, envelope)
  },
})
