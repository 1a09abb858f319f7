import { describe, expect, it } from 'vitest'
import { fakeBridge, type CallLog } from '../../test-support/fake-bridge'
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

  it("passes each call's priority through to the bridge it observes", async () => {
    const log: CallLog = []
    const bridge = observeBridge(fakeBridge({ 'contacts.list': async () => ({ ok: true, data: { data: [], meta: { current_page: 1, last_page: 1, per_page: 100, total: 0 } } }) }, log), createConnectivity())
    await bridge['contacts.list']({ page: 1 }, { priority: 'pull' })
    expect(log).toEqual([{ channel: 'contacts.list', args: { page: 1 }, options: { priority: 'pull' } }])
  })
})
