// Preload: exposes the IPC contract as window.skylight, and main's menu clicks as window.skylightEvents; nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { buildBridge } from './bridge'
import { buildEvents } from './events'

contextBridge.exposeInMainWorld(
  'skylight',
  buildBridge((ipcChannel, ...payload) => ipcRenderer.invoke(ipcChannel, ...payload)),
)
contextBridge.exposeInMainWorld(
  'skylightEvents',
  buildEvents((channel, handler) => {
    // The page never gets the event object (it holds `sender`), only the payload.
    const listener = (_event: IpcRendererEvent, payload: unknown) => handler(payload)
    ipcRenderer.on(channel, listener)
    return () => ipcRenderer.removeListener(channel, listener)
  }),
)
