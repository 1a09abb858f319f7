import { describe, expect, it } from 'vitest'
import type { FromDuplicatesWorker, ToDuplicatesWorker } from './duplicates-protocol'
import { scanDuplicates } from './duplicates-client'

/** A worker stand-in that answers the scan request as `answer` says: a message, or an error event. */
function fakeWorker(answer: (worker: FakeWorker) => void): () => Worker {
  return () => new FakeWorker(answer) as unknown as Worker
}

class FakeWorker {
  onmessage: ((event: { data: FromDuplicatesWorker }) => void) | null = null
  onerror: ((event: { message: string }) => void) | null = null
  terminated = false
  constructor(private readonly answer: (worker: FakeWorker) => void) {}
  postMessage(_message: ToDuplicatesWorker): void {
    queueMicrotask(() => this.answer(this))
  }
  terminate(): void {
    this.terminated = true
  }
}

describe('scanning for duplicates', () => {
  it('gives a failed read as a code, the worker’s own words kept as the detail', async () => {
    const outcome = await scanDuplicates('a', fakeWorker((worker) => worker.onmessage?.({ data: { type: 'failed', id: 1, detail: 'QuotaExceededError: disk full' } })))
    expect(outcome).toEqual({ ok: false, failure: { code: 'readFailed', detail: 'QuotaExceededError: disk full' } })
  })

  it('gives a worker that died as a code, with the browser’s words (or none) as the detail', async () => {
    const died = await scanDuplicates('a', fakeWorker((worker) => worker.onerror?.({ message: 'Uncaught SyntaxError: Unexpected token' })))
    expect(died).toEqual({ ok: false, failure: { code: 'workerFailed', detail: 'Uncaught SyntaxError: Unexpected token' } })
    const silent = await scanDuplicates('a', fakeWorker((worker) => worker.onerror?.({ message: '' })))
    expect(silent).toEqual({ ok: false, failure: { code: 'workerFailed', detail: '' } })
  })
})
