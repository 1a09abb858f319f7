// What the export worker does, without the worker: reads the mirror, then sends the file's text in chunks, a few ahead of the page's writes.
import type { ContactsDb } from '../../db/database'
import { exportChunks } from './export-chunks'
import { CHUNKS_AHEAD, type ExportJob, type FromExportWorker, type ToExportWorker } from './export-protocol'
import { exportSource } from './export-source'

export interface ExportService {
  handle(message: ToExportWorker): void
}

/** One export per service (the page starts a worker for each); `openDb` opens the account's mirror, closed once it is read. */
export function createExportService(openDb: (accountId: string) => Promise<ContactsDb>, post: (message: FromExportWorker) => void): ExportService {
  let credits = CHUNKS_AHEAD
  let wake: (() => void) | null = null

  async function run({ accountId, ...job }: ExportJob): Promise<void> {
    const db = await openDb(accountId)
    const source = await exportSource(db, job).finally(() => db.close())
    post({ type: 'total', count: source.total })
    for (const chunk of exportChunks(source.slices)) {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve))
      credits--
      post({ type: 'chunk', ...chunk })
    }
    post({ type: 'end' })
  }

  return {
    handle(message) {
      if (message.type === 'more') {
        credits++
        wake?.()
        wake = null
        return
      }
      run(message.job).catch((error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }))
    },
  }
}
