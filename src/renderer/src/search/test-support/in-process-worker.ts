// Test support: a Worker stand-in that runs the real search service in-process, messages cloned as postMessage would.
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { createSearchService } from '../search-service'
import type { FromWorker, ToWorker } from '../search-protocol'

/** Holds `open` until `release()` unless built with `{ open: true }`, to observe the not-ready state. */
export class InProcessWorker {
  onmessage: ((event: { data: FromWorker }) => void) | null = null
  onerror: ((event: { message: string }) => void) | null = null
  terminated = false
  gate: Promise<void>
  release: () => void = () => {}
  /** The service's mirror handle: a real worker's connection dies with it, so terminate closes it. */
  private db: ContactsDb | null = null
  private service = createSearchService(async (accountId, key) => {
    const db = this.terminated ? null : await openAccountDatabase(accountId, { key })
    if (!db || this.terminated) {
      db?.close()
      throw new Error('The worker was terminated.')
    }
    return (this.db = db)
  }, {
    onIndexChanged: () => {
      if (!this.terminated) this.onmessage?.({ data: { type: 'indexChanged' } })
    },
  })

  constructor({ open = false }: { open?: boolean } = {}) {
    this.gate = new Promise((resolve) => (this.release = resolve))
    if (open) this.release()
  }

  /** As a `Worker`, for `createSearchClient`'s `worker` option. */
  static factory(options: { open?: boolean } = {}): () => Worker {
    return () => new InProcessWorker(options) as unknown as Worker
  }

  postMessage(message: ToWorker): void {
    const copy = structuredClone(message)
    void (copy.type === 'call' && copy.name === 'open' ? this.gate : Promise.resolve())
      .then(() => this.service.handle(copy))
      .then((reply) => {
        if (reply && !this.terminated) this.onmessage?.({ data: structuredClone(reply) })
      })
  }

  terminate(): void {
    this.terminated = true
    this.db?.close()
  }
}
