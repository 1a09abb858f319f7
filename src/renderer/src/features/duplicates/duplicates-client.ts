// The page's side of a duplicate scan: a worker started for the scan and stopped after it.
import type { DuplicateScan, FromDuplicatesWorker, ToDuplicatesWorker } from './duplicates-protocol'
import { t } from '../../i18n'
import { mirrorKey } from '../../db/mirror-keys'

/** The real worker; Vite bundles it from this exact `new Worker(new URL(...))` expression. */
function startDuplicatesWorker(): Worker {
  return new Worker(new URL('./duplicates.worker.ts', import.meta.url), { type: 'module', name: 'skylight-duplicates' })
}

export type ScanOutcome = { ok: true; scan: DuplicateScan } | { ok: false; message: string }

export function scanDuplicates(accountId: string, start: () => Worker = startDuplicatesWorker): Promise<ScanOutcome> {
  const worker = start()
  return new Promise<ScanOutcome>((resolve) => {
    worker.onmessage = (event: MessageEvent<FromDuplicatesWorker>) =>
      resolve(event.data.type === 'scan' ? { ok: true, scan: event.data.scan } : { ok: false, message: event.data.message })
    worker.onerror = (event: ErrorEvent) => resolve({ ok: false, message: event.message || t('duplicates.scan.failed') })
    const message: ToDuplicatesWorker = { type: 'scan', id: 1, accountId, key: mirrorKey(accountId) ?? null }
    worker.postMessage(message)
  }).finally(() => worker.terminate())
}
