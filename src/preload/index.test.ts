import { describe, expect, it, vi } from 'vitest'
import { CHANNELS, ipcName, type SkylightBridge } from '../shared/contract'

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (name: string, args: unknown) => ({ ok: true, data: { name, args } })), send: vi.fn(), on: vi.fn() },
}))

describe('preload', () => {
  it('exposes exactly the contract as window.skylight, each method invoking its own channel', async () => {
    const { contextBridge, ipcRenderer } = await import('electron')
    await import('./index')
    const expose = vi.mocked(contextBridge.exposeInMainWorld)
    expect(expose).toHaveBeenCalledTimes(1)
    const [key, api] = expose.mock.calls[0]! as [string, SkylightBridge]
    expect(key).toBe('skylight')
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort())
    for (const channel of CHANNELS) {
      const args = { probe: channel }
      const call = api[channel] as (args: unknown) => Promise<unknown>
      await expect(call(args)).resolves.toEqual({ ok: true, data: { name: ipcName(channel), args } })
      expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcName(channel), args)
    }
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(CHANNELS.length)
    expect(ipcRenderer.send).not.toHaveBeenCalled()
    expect(ipcRenderer.on).not.toHaveBeenCalled()
  })
})
