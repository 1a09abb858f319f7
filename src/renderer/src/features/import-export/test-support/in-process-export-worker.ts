// Test support: a Worker stand-in that runs the real export service in-process, messages cloned and delivered later as postMessage would.
import { openAccountDatabase, type ContactsDb } from '../../../db/database'
import { createExportService } from '../export-service'
import type { FromExportWorker, ToExportWorker } from '../export-protocol'

export class InProcessExportWorker {
  onmessage: ((event: { data: FromExportWorker }) => void) | null = null
  onerror: ((event: { message: string }) => void) | null = null
  terminated = false
  /** Chunks sent to the page so far. */
  chunksSent = 0
  private service

  constructor(openDb: (accountId: string) => Promise<ContactsDb> = (accountId) => openAccountDatabase(accountId)) {
    this.service = createExportService(openDb, (message) => {
      if (message.type === 'chunk') this.chunksSent++
      const copy = structuredClone(message)
      setTimeout(() => {
        if (!this.terminated) this.onmessage?.({ data: copy })
      })
    })
  }

  /** As a `Worker`, for `runExport`'s `worker` option; `made` collects the workers started. */
  static factory(made: InProcessExportWorker[] = [], openDb?: (accountId: string) => Promise<ContactsDb>): () => Worker {
    return () => {
      const worker = new InProcessExportWorker(openDb)
      made.push(worker)
      return worker as unknown as Worker
    }
  }

  postMessage(message: ToExportWorker): void {
    const copy = structuredClone(message)
    setTimeout(() => {
      if (!this.terminated) this.service.handle(copy)
    })
  }

  terminate(): void {
    this.terminated = true
  }
}
