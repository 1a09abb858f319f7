// Web Worker glue: loads the account's mirror and groups its duplicates, so a scan of 100k contacts never holds the window.
import { openAccountDatabase } from '../../db/database'
import { loadMirrorRows } from '../../db/snapshot'
import { scanRows } from './duplicate-scan'
import type { FromDuplicatesWorker, ToDuplicatesWorker } from './duplicates-protocol'

/** The dedicated worker scope, typed without the WebWorker lib (the renderer compiles with DOM). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToDuplicatesWorker>) => void) | null
  postMessage(message: FromDuplicatesWorker): void
}

scope.onmessage = (event) => {
  const { id, accountId, key } = event.data
  void (async () => {
    const db = await openAccountDatabase(accountId, { key })
    try {
      return scanRows((await loadMirrorRows(db)).rows)
    } finally {
      db.close()
    }
  })().then(
    (scan) => scope.postMessage({ type: 'scan', id, scan }),
    (error: unknown) => scope.postMessage({ type: 'failed', id, detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
  )
}
