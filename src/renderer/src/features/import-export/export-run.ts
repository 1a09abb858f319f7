// Exports contacts to a file main saves: where to (the save dialog), then the text the export worker writes, chunk by chunk, so the window never freezes.
import type { ExportFormat } from '../../../../shared/contract'
import { fail, ok, type Result } from '../../../../shared/result'
import { callBridge } from '../../bridge'
import { currentLocale, t } from '../../i18n'
import { WRITES_IN_FLIGHT, type ExportKind, type FromExportWorker, type ToExportWorker } from './export-protocol'
import { mirrorKey } from '../../db/mirror-keys'

export type { ExportKind } from './export-protocol'

export interface ExportRequest {
  /** The contacts, in the order to write them; 'all' writes every contact by name. */
  ids: readonly number[] | 'all'
  kind: ExportKind
  /** Write each contact's notes (those on this device). */
  notes: boolean
  /** The name the save dialog suggests. */
  fileName: string
}

export interface ExportDone {
  fileName: string
  path: string
  bytes: number
  count: number
}

export interface ExportOptions {
  onProgress?: (written: number, total: number) => void
  signal?: AbortSignal
  /** Starts the export worker; tests pass one that runs it in-process. */
  worker?: () => Worker
}

/** The real worker; Vite bundles it from this exact `new Worker(new URL(...))` expression. */
function startExportWorker(): Worker {
  return new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'skylight-export' })
}

const formatOf = (kind: ExportKind): ExportFormat => (kind === 'csv' ? 'csv' : 'vcard')

type Inbound = FromExportWorker | { type: 'stopped' }

/** The worker's messages (and a stop) in order, taken one at a time. */
function inbox(): { push(message: Inbound): void; next(): Promise<Inbound> } {
  const queue: Inbound[] = []
  let waiting: ((message: Inbound) => void) | null = null
  return {
    push(message) {
      if (waiting) {
        waiting(message)
        waiting = null
      } else queue.push(message)
    },
    next: () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise((resolve) => (waiting = resolve))),
  }
}

/**
 * Asks main where to save (null when the user cancelled) while the worker reads the mirror, then
 * writes its chunks in order. A cancel or a failure drops the unfinished file; nothing is left
 * half-written under the chosen name.
 */
export async function runExport(accountId: string, request: ExportRequest, options: ExportOptions = {}): Promise<Result<ExportDone | null>> {
  const worker = (options.worker ?? startExportWorker)()
  const messages = inbox()
  const stop = () => messages.push({ type: 'stopped' })
  worker.onmessage = (event: MessageEvent<FromExportWorker>) => messages.push(event.data)
  worker.onerror = (event: ErrorEvent) => messages.push({ type: 'failed', message: event.message || t('import-export.export.failed') })
  options.signal?.addEventListener('abort', stop)
  const post = (message: ToExportWorker) => worker.postMessage(message)
  const ids = request.ids === 'all' ? 'all' : [...request.ids]
  post({ type: 'export', job: { accountId, ids, kind: request.kind, notes: request.notes, locale: currentLocale.value }, key: mirrorKey(accountId) ?? null })
  try {
    const opened = await callBridge('export.open', { fileName: request.fileName, format: formatOf(request.kind) })
    if (!opened.ok || opened.data === null) return opened.ok ? ok(null) : opened
    const { id, fileName } = opened.data
    const abort = async <T>(result: Result<T>): Promise<Result<T>> => {
      await callBridge('export.abort', { id })
      return result
    }
    let total = 0
    /** Writes sent and not yet answered, oldest first, each with the contacts written once it is. */
    const inFlight: { answer: Promise<Result<null>>; written: number }[] = []
    const settleOldest = async (): Promise<Result<null>> => {
      const { answer, written } = inFlight.shift()!
      const result = await answer
      if (result.ok) options.onProgress?.(written, total)
      return result
    }
    let at = 0
    for (;;) {
      if (options.signal?.aborted) return abort(ok(null))
      const message = await messages.next()
      if (message.type === 'stopped') return abort(ok(null))
      if (message.type === 'failed') return abort(fail({ kind: 'internal', message: message.message }))
      if (message.type === 'end') break
      if (message.type === 'total') {
        total = message.count
        continue
      }
      // Main writes the chunks in their order (`at`), whichever order they reach it in.
      const answer = callBridge('export.write', { id, at: at++, text: message.text })
      void answer.then((result) => result.ok && post({ type: 'more' }))
      inFlight.push({ answer, written: message.written })
      if (inFlight.length < WRITES_IN_FLIGHT) continue
      const oldest = await settleOldest()
      if (!oldest.ok) return abort(oldest)
    }
    while (inFlight.length) {
      const oldest = await settleOldest()
      if (!oldest.ok) return abort(oldest)
    }
    const finished = await callBridge('export.finish', { id })
    if (!finished.ok) return fail(finished.error)
    return ok({ fileName, path: finished.data.path, bytes: finished.data.bytes, count: total })
  } finally {
    options.signal?.removeEventListener('abort', stop)
    worker.terminate()
  }
}
