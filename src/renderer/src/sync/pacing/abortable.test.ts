import { describe, expect, it } from 'vitest'
import { ABORTED, sleep, unlessAborted } from './abortable'

describe('sleep', () => {
  it('resolves true after the delay', async () => {
    expect(await sleep(5)).toBe(true)
  })

  it('resolves false at once when aborted, even mid-sleep', async () => {
    const controller = new AbortController()
    const started = Date.now()
    const slept = sleep(10_000, controller.signal)
    controller.abort()
    expect(await slept).toBe(false)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(await sleep(10, AbortSignal.abort())).toBe(false)
  })
})

describe('unlessAborted', () => {
  it('passes the value through when not aborted', async () => {
    expect(await unlessAborted(Promise.resolve(7), new AbortController().signal)).toBe(7)
  })

  it('gives up on a call that never answers once aborted', async () => {
    const controller = new AbortController()
    const pending = unlessAborted(new Promise<number>(() => {}), controller.signal)
    controller.abort()
    expect(await pending).toBe(ABORTED)
  })

  it('passes a rejection through', async () => {
    await expect(unlessAborted(Promise.reject(new Error('boom')), new AbortController().signal)).rejects.toThrow('boom')
  })
})
