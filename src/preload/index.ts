// Preload: exposes the IPC contract as window.skylight and nothing else.
import { contextBridge, ipcRenderer } from 'electron'
import { buildBridge } from './bridge'

contextBridge.exposeInMainWorld(
  'skylight',
  buildBridge((ipcChannel, args) => ipcRenderer.invoke(ipcChannel, args)),
)
