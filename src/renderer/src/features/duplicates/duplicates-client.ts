// The page's side of a duplicate scan: a worker started for the scan and stopped after it.
import type { DuplicateScan, FromDuplicatesWorker, ToDuplicatesWorker } from './duplicates-protocol'
import { mirrorKey } from '../../db/mirror-keys'

/** The real worker; Vite bundles it from this exact `new Worker(new URL(...))` expression. */
function startDuplicatesWorker(): Worker {
  return new Worker(new URL('./duplicates.worker.ts', import.meta.url), { type: 'module', name: 'skylight-duplicates' })
}

/**
 * Why a scan failed, as a code the screen words: the worker could not run at all, or it could not read the offline
 * copy. `detail` is the browser's own words (often technical, always English), kept for support.
 */
export type ScanFailure = { code: 'workerFailed' | 'readFailed'; detail: string }

export type ScanOutcome = { ok: true; scan: DuplicateScan } | { ok: false; failure: ScanFailure }

export function scanDuplicates(accountId: string, start: () => Worker = startDuplicatesWorker): Promise<ScanOutcome> {
  const worker = start()
  return new Promise<ScanOutcome>((resolve) => {
    worker.onmessage = (event: MessageEvent<FromDuplicatesWorker>) =>
      resolve(event.data.type === 'scan' ? { ok: true, scan: event.data.scan } : { ok: false, failure: { code: 'readFailed', detail: event.data.detail } })
    worker.onerror = (event: ErrorEvent) => resolve({ ok: false, failure: { code: 'workerFailed', detail: event.message ?? '' } })
    const message: ToDuplicatesWorker = { type: 'scan', id: 1, accountId, key: mirrorKey(accountId) ?? null }
    worker.postMessage(message)
  }).finally(() => worker.terminate())
}
