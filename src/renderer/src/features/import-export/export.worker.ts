// Web Worker glue: an export's mirror read, sort and text off the window's thread, so 100k contacts never hold it.
import { openAccountDatabase } from '../../db/database'
import { holdMirrorKey } from '../../db/mirror-keys'
import { createExportService } from './export-service'
import type { FromExportWorker, ToExportWorker } from './export-protocol'

/** The dedicated worker scope, typed without the WebWorker lib (the renderer compiles with DOM). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToExportWorker>) => void) | null
  postMessage(message: FromExportWorker): void
}

const service = createExportService((accountId) => openAccountDatabase(accountId), (message) => scope.postMessage(message))

scope.onmessage = (event) => {
  const message = event.data
  if (message.type === 'export') holdMirrorKey(message.job.accountId, message.key)
  service.handle(message)
}
