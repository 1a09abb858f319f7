import { describe, expect, it } from 'vitest'
import { Waker } from './waker'

describe('Waker', () => {
  it('ends a wait when poked, and keeps a poke that came while nobody waited', async () => {
    const waker = new Waker()
    const signal = new AbortController().signal
    const started = Date.now()
    const waiting = waker.wait(10_000, signal)
    waker.poke()
    await waiting
    // Poked while busy elsewhere: the next wait returns at once, the one after waits again.
    waker.poke()
    await waker.wait(10_000, signal)
    expect(Date.now() - started).toBeLessThan(1_000)
    const before = Date.now()
    await waker.wait(30, signal)
    expect(Date.now() - before).toBeGreaterThanOrEqual(25)
  })

  it('returns at once for an abort, even one that came while the caller was busy', async () => {
    const waker = new Waker()
    const stop = new AbortController()
    const started = Date.now()
    const waiting = waker.wait(Infinity, stop.signal)
    stop.abort()
    await waiting
    // Aborted before this wait began: it must not sleep (a nap that did held stop() for 15 minutes).
    await waker.wait(15 * 60_000, stop.signal)
    expect(Date.now() - started).toBeLessThan(1_000)
  })
})
