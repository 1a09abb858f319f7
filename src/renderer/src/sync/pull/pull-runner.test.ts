import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PullOutcome } from './puller'
import { createPullRunner, type PullRunnerState } from './pull-runner'
import type { pullContacts } from './puller'

const completed: PullOutcome = { status: 'completed', consistent: true, total: 3, deleted: 0, passes: 1, requests: 1 }

/** A pull the test finishes by hand, reporting one progress step. */
function manualPull() {
  const finishers: ((outcome: PullOutcome) => void)[] = []
  const signals: AbortSignal[] = []
  const pull = vi.fn(((_db, _bridge, options = {}) => {
    signals.push(options.signal as AbortSignal)
    options.onProgress?.({ pass: 1, pagesDone: 1, pagesTotal: 2, contacts: 100, etaMs: 500 })
    return new Promise<PullOutcome>((resolve) => {
      finishers.push(resolve)
      options.signal?.addEventListener('abort', () => resolve({ status: 'aborted', requests: 1 }))
    })
  }) as typeof pullContacts)
  return { pull, finishers, signals }
}

afterEach(() => vi.useRealTimers())

describe('pull runner', () => {
  it('runs one pull at a time, one more if asked meanwhile, and reports progress', async () => {
    const { pull, finishers } = manualPull()
    const states: PullRunnerState[] = []
    const onCompleted = vi.fn()
    const runner = createPullRunner({ db: {} as never, bridge: {} as never, onChange: (state) => states.push(state), onCompleted, pull })
    runner.request()
    runner.request()
    runner.request()
    expect(pull).toHaveBeenCalledTimes(1)
    expect(states.at(-1)).toMatchObject({ running: true, progress: { pagesDone: 1, pagesTotal: 2 } })
    finishers[0](completed)
    await vi.waitFor(() => expect(pull).toHaveBeenCalledTimes(2))
    finishers[1](completed)
    await vi.waitFor(() => expect(states.at(-1)).toMatchObject({ running: false, progress: null, last: completed }))
    expect(onCompleted).toHaveBeenCalledTimes(2)
    await runner.stop()
  })

  it('pulls again on its timer, and stop aborts the running pull for good', async () => {
    vi.useFakeTimers()
    const { pull, finishers, signals } = manualPull()
    // The pull is faked, so no database is touched (fake timers would stall fake-indexeddb).
    const runner = createPullRunner({ db: {} as never, bridge: {} as never, onChange: () => {}, pull, intervalMs: 1000 })
    await vi.advanceTimersByTimeAsync(1000)
    expect(pull).toHaveBeenCalledTimes(1)
    finishers[0](completed)
    await vi.advanceTimersByTimeAsync(1000)
    expect(pull).toHaveBeenCalledTimes(2)
    await runner.stop()
    expect(signals[1].aborted).toBe(true)
    runner.request()
    await vi.advanceTimersByTimeAsync(5000)
    expect(pull).toHaveBeenCalledTimes(2)
  })
  it('reads a drifting server again soon, backing off while the drift goes on, and waits for the interval once it settled', async () => {
    vi.useFakeTimers()
    const { pull, finishers } = manualPull()
    const drifted: PullOutcome = { ...completed, consistent: false, passes: 3 }
    const states: PullRunnerState[] = []
    // random() = 0: the delays are the fixed halves, 7.5 s then 15 s.
    const runner = createPullRunner({ db: {} as never, bridge: {} as never, onChange: (state) => states.push(state), pull, intervalMs: 300_000, recheckBaseMs: 15_000, random: () => 0 })
    runner.request()
    finishers[0](drifted)
    await vi.advanceTimersByTimeAsync(0)
    expect(states.at(-1)).toMatchObject({ running: false, last: drifted, recheckAt: Date.now() + 7_500 })
    await vi.advanceTimersByTimeAsync(7_499)
    expect(pull).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(pull).toHaveBeenCalledTimes(2)
    expect(states.at(-1)).toMatchObject({ running: true, recheckAt: null })
    finishers[1](drifted)
    await vi.advanceTimersByTimeAsync(0)
    expect(states.at(-1)?.recheckAt).toBe(Date.now() + 15_000)
    await vi.advanceTimersByTimeAsync(15_000)
    expect(pull).toHaveBeenCalledTimes(3)
    finishers[2](completed)
    await vi.advanceTimersByTimeAsync(0)
    expect(states.at(-1)).toMatchObject({ running: false, last: completed, recheckAt: null })
    // No re-check: the next pull is the interval's, at 300 s from the start.
    await vi.advanceTimersByTimeAsync(300_000 - 22_500 - 1)
    expect(pull).toHaveBeenCalledTimes(3)
    await vi.advanceTimersByTimeAsync(1)
    expect(pull).toHaveBeenCalledTimes(4)
    await runner.stop()
  })

  it('takes a new interval from the next tick on', async () => {
    vi.useFakeTimers()
    const { pull, finishers } = manualPull()
    const runner = createPullRunner({ db: {} as never, bridge: {} as never, onChange: () => {}, pull, intervalMs: 300_000 })
    await vi.advanceTimersByTimeAsync(100_000)
    runner.setIntervalMs(60_000)
    await vi.advanceTimersByTimeAsync(59_999)
    expect(pull).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(pull).toHaveBeenCalledTimes(1)
    finishers[0](completed)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(pull).toHaveBeenCalledTimes(2)
    await runner.stop()
  })
})
