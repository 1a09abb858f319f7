// The page's handle on the import worker: a chosen or dropped file read off the window's thread, then previewed against the mirror.
import { mirrorKey } from '../../db/mirror-keys'
import type { ParseProgress } from './csv-parse'
import { importErrors, MAX_FILE_BYTES, readFail, type ImportError, type ImportResult } from './import-error'
import type { ImportPreview } from './import-preview'
import type { FileSummary, FromImportWorker, PreviewRequest, ToImportWorker } from './import-protocol'

export interface ImportClient {
  /**
   * Reads `file`; a file too large is refused before a byte of it is read. `accountId`: whose mirror the
   * preview will check against, which the worker loads meanwhile.
   */
  read(file: Blob & { name?: string }, options?: { onProgress?: (progress: ParseProgress) => void; accountId?: string }): Promise<ImportResult<FileSummary>>
  /** The rows of the file last read, checked and looked up among the account's contacts. */
  preview(request: PreviewRequest): Promise<ImportResult<ImportPreview>>
  close(): void
}

/** The real worker; Vite bundles it from this exact `new Worker(new URL(...))` expression. */
function startImportWorker(): Worker {
  return new Worker(new URL('./import-parse.worker.ts', import.meta.url), { type: 'module', name: 'skylight-import' })
}

type Waiter = { resolve: (message: FromImportWorker) => void; onProgress?: (progress: ParseProgress) => void }

const failed = (error: ImportError): ImportResult<never> => ({ ok: false, error })

export function createImportClient(start: () => Worker = startImportWorker): ImportClient {
  const worker = start()
  const waiting = new Map<number, Waiter>()
  let nextId = 1
  let closedBecause: ImportError | null = null
  worker.onmessage = (event: MessageEvent<FromImportWorker>) => {
    const message = event.data
    const waiter = waiting.get(message.id)
    if (!waiter) return
    if (message.type === 'progress') waiter.onProgress?.(message.progress)
    else {
      waiting.delete(message.id)
      waiter.resolve(message)
    }
  }
  const failAll = (reason: ImportError) => {
    closedBecause = reason
    for (const [id, waiter] of waiting) waiter.resolve({ type: 'read', id, result: failed(reason) })
    waiting.clear()
  }
  worker.onerror = (event: ErrorEvent) => failAll({ kind: 'unreadable', detail: event.message })

  function ask(message: ToImportWorker, transfer: Transferable[], onProgress?: (progress: ParseProgress) => void): Promise<FromImportWorker> {
    if (closedBecause !== null) return Promise.resolve({ type: 'read', id: message.id, result: failed(closedBecause) })
    return new Promise((resolve) => {
      waiting.set(message.id, { resolve, onProgress })
      worker.postMessage(message, transfer)
    })
  }

  return {
    async read(file, { onProgress, accountId } = {}) {
      if (file.size > MAX_FILE_BYTES) return importErrors.tooLarge(file.size)
      if (file.size === 0) return importErrors.empty()
      const bytes = await file.arrayBuffer()
      const answer = await ask({ type: 'read', id: nextId++, name: file.name ?? '', bytes, accountId, key: accountId ? (mirrorKey(accountId) ?? null) : null }, [bytes], onProgress)
      return answer.type === 'read' ? answer.result : readFail('unreadable')
    },
    async preview(request) {
      // Through JSON: the screen's mapping may be a reactive proxy, which postMessage cannot clone.
      const plain = JSON.parse(JSON.stringify(request)) as PreviewRequest
      const answer = await ask({ type: 'preview', id: nextId++, request: plain, key: mirrorKey(plain.accountId) ?? null }, [])
      if (answer.type === 'preview') return answer.result
      return answer.type === 'read' && !answer.result.ok ? answer.result : readFail('unchecked')
    },
    close() {
      if (closedBecause !== null) return
      failAll({ kind: 'closed' })
      worker.terminate()
    },
  }
}
