import { describe, expect, it, vi } from 'vitest'
import { CHANNELS, MENU_COMMAND_EVENT, ipcName, type SkylightBridge, type SkylightEvents } from '../shared/contract'

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async (name: string, args: unknown, options?: unknown) => ({ ok: true, data: options === undefined ? { name, args } : { name, args, options } })),
    send: vi.fn(),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}))

describe('preload', () => {
  it('exposes exactly the contract as window.skylight, each method invoking its own channel, and the menu events', async () => {
    const { contextBridge, ipcRenderer } = await import('electron')
    await import('./index')
    const expose = vi.mocked(contextBridge.exposeInMainWorld)
    expect(expose.mock.calls.map(([key]) => key)).toEqual(['skylight', 'skylightEvents'])
    const api = expose.mock.calls[0]![1] as SkylightBridge
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort())
    for (const channel of CHANNELS) {
      const args = { probe: channel }
      const call = api[channel] as (args: unknown) => Promise<unknown>
      await expect(call(args)).resolves.toEqual({ ok: true, data: { name: ipcName(channel), args } })
      expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcName(channel), args)
    }
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(CHANNELS.length)
    // A call's priority reaches main beside its arguments.
    await expect(api['contacts.get']({ id: 7 }, { priority: 'hydrate' })).resolves.toEqual({
      ok: true,
      data: { name: ipcName('contacts.get'), args: { id: 7 }, options: { priority: 'hydrate' } },
    })
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcName('contacts.get'), { id: 7 }, { priority: 'hydrate' })
    expect(ipcRenderer.send).not.toHaveBeenCalled()
    expect(ipcRenderer.on).not.toHaveBeenCalled()

    // The events object listens only when the page asks, each to its own channel; the page never sees the IPC event.
    const events = expose.mock.calls[1]![1] as SkylightEvents
    expect(Object.keys(events)).toEqual(['onMenuCommand', 'onDeepLink', 'onUpdateStatus'])
    const heard: string[] = []
    const off = events.onMenuCommand((id) => heard.push(id))
    const [channel, listener] = vi.mocked(ipcRenderer.on).mock.calls[0]! as unknown as [string, (event: unknown, payload: unknown) => void]
    expect(channel).toBe(MENU_COMMAND_EVENT)
    listener({ sender: 'secret' }, 'help.open')
    expect(heard).toEqual(['help.open'])
    off()
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(MENU_COMMAND_EVENT, listener)
  })
})
