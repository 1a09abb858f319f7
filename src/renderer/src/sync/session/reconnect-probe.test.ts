import { afterEach, describe, expect, it, vi } from 'vitest'
import { createConnectivity } from './connectivity'
import { createReconnectProbe } from './reconnect-probe'

afterEach(() => vi.useRealTimers())

describe('reconnect probe', () => {
  it('probes while offline with a growing delay, and stops once the API answers', async () => {
    vi.useFakeTimers()
    const connectivity = createConnectivity()
    let serverUp = false
    const probe = vi.fn(async () => connectivity.report(serverUp ? null : { kind: 'offline', message: 'x' }))
    const prober = createReconnectProbe({ connectivity, probe, firstDelayMs: 1000, maxDelayMs: 4000 })
    connectivity.report({ kind: 'offline', message: 'x' })
    await vi.advanceTimersByTimeAsync(999)
    expect(probe).toHaveBeenCalledTimes(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(probe).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(2000)
    expect(probe).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(4000)
    expect(probe).toHaveBeenCalledTimes(3)
    serverUp = true
    await vi.advanceTimersByTimeAsync(4000)
    expect(probe).toHaveBeenCalledTimes(4)
    expect(connectivity.state).toBe('online')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(probe).toHaveBeenCalledTimes(4)
    prober.stop()
  })

  it('probes at once when asked, and never after stop', async () => {
    vi.useFakeTimers()
    const connectivity = createConnectivity()
    const probe = vi.fn(async () => connectivity.report({ kind: 'offline', message: 'x' }))
    const prober = createReconnectProbe({ connectivity, probe, firstDelayMs: 1000 })
    prober.now()
    await vi.advanceTimersByTimeAsync(0)
    expect(probe).toHaveBeenCalledTimes(1)
    prober.stop()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(probe).toHaveBeenCalledTimes(1)
  })
})
