import { describe, expect, it, vi } from 'vitest'
import { CHANNELS, ipcName } from '../shared/contract'
import { buildBridge } from './bridge'

describe('buildBridge', () => {
  it('has one function per contract channel and nothing else', () => {
    const bridge = buildBridge(vi.fn())
    expect(Object.keys(bridge).sort()).toEqual([...CHANNELS].sort())
    for (const channel of CHANNELS) expect(typeof bridge[channel]).toBe('function')
    expect(bridge).not.toHaveProperty('invoke')
  })

  it('passes only the arguments, under the prefixed channel name, and returns the answer', async () => {
    const invoke = vi.fn(async () => ({ ok: true, data: null }))
    const bridge = buildBridge(invoke)
    const deleteContact = bridge['contacts.delete'] as (...args: unknown[]) => Promise<unknown>
    await expect(deleteContact({ id: 42 })).resolves.toEqual({ ok: true, data: null })
    expect(invoke).toHaveBeenCalledWith(ipcName('contacts.delete'), { id: 42 })
    expect(invoke.mock.calls[0]).toHaveLength(2)
  })

  it('passes the call options as given, for main to check, and nothing after them', async () => {
    const invoke = vi.fn(async () => ({ ok: true, data: null }))
    const bridge = buildBridge(invoke)
    await bridge['contacts.list']({ page: 2 }, { priority: 'pull' })
    expect(invoke).toHaveBeenLastCalledWith(ipcName('contacts.list'), { page: 2 }, { priority: 'pull' })
    const list = bridge['contacts.list'] as (...args: unknown[]) => Promise<unknown>
    await list({ page: 3 }, 'smuggled', 'more')
    expect(invoke).toHaveBeenLastCalledWith(ipcName('contacts.list'), { page: 3 }, 'smuggled')
  })
})
