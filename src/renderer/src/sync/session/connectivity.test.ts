import { describe, expect, it } from 'vitest'
import { fakeBridge } from '../../test-support/fake-bridge'
import { createConnectivity, observeBridge, type Reachability } from './connectivity'

describe('connectivity', () => {
  it('follows the answers: offline and timeouts, a refused key, anything the server said', () => {
    const connectivity = createConnectivity()
    const seen: Reachability[] = []
    connectivity.subscribe((state) => seen.push(state))
    connectivity.report({ kind: 'offline', message: 'x' })
    connectivity.report({ kind: 'timeout', message: 'x' })
    connectivity.report({ kind: 'server', message: '502', status: 502 })
    connectivity.report({ kind: 'internal', message: 'a bug says nothing' })
    connectivity.report({ kind: 'unauthorized', message: 'x' })
    connectivity.report(null)
    expect(seen).toEqual(['offline', 'online', 'unauthorized', 'online'])
    expect(connectivity.state).toBe('online')
  })

  it('observes API channels of a bridge, and only those', async () => {
    const connectivity = createConnectivity()
    const bridge = observeBridge(
      fakeBridge({
        'contacts.get': async () => ({ ok: false, error: { kind: 'offline', message: 'No network.' } }),
        'auth.status': async () => ({ ok: false, error: { kind: 'offline', message: 'ignored' } }),
      }),
      connectivity,
    )
    await bridge['auth.status']({})
    expect(connectivity.state).toBe('unknown')
    expect(await bridge['contacts.get']({ id: 1 })).toMatchObject({ ok: false, error: { kind: 'offline' } })
    expect(connectivity.state).toBe('offline')
  })

  it('passes a call\'s priority on to the bridge', async () => {
    const seen: unknown[] = []
    const bridge = observeBridge(
      fakeBridge({
        'notes.list': async (_args, options) => {
          seen.push(options)
          return { ok: true, data: [] }
        },
      }),
      createConnectivity(),
    )
    await bridge['notes.list']({ id: 1 }, { priority: 'hydrate' })
    await bridge['notes.list']({ id: 1 })
    expect(seen).toEqual([{ priority: 'hydrate' }, undefined])
  })
})
