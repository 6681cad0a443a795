// The renderer's only door to main: one typed `invoke(method, envelope)`. Nothing else is exposed.
import { contextBridge, ipcRenderer } from 'electron'
import { createBridge } from './electron/bridge'

contextBridge.exposeInMainWorld(
  'footcore',
  createBridge((channel, envelope) => ipcRenderer.invoke(channel, envelope)),
)
