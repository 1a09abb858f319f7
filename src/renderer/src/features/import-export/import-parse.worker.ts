// Web Worker glue: reads a file's bytes off the window's thread, posts progress and what the mapping screen needs, then previews it on request.
import { openAccountDatabase } from '../../db/database'
import { holdMirrorKey } from '../../db/mirror-keys'
import { createImportSession } from './import-session'
import type { ParseProgress } from './csv-parse'
import type { FromImportWorker, ToImportWorker } from './import-protocol'

/** The dedicated worker scope, typed without the WebWorker lib (the renderer compiles with DOM). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToImportWorker>) => void) | null
  postMessage(message: FromImportWorker): void
}

/** Progress at most this often: a message per slice would flood the window on a fast machine. */
const PROGRESS_EVERY_MS = 100

const session = createImportSession((accountId) => openAccountDatabase(accountId))

scope.onmessage = (event) => {
  const message = event.data
  if (message.type === 'preview') {
    holdMirrorKey(message.request.accountId, message.key)
    void session.preview(message.request).then(
      (result) => scope.postMessage({ type: 'preview', id: message.id, result }),
      (error: unknown) =>
        scope.postMessage({ type: 'preview', id: message.id, result: { ok: false, error: { kind: 'unchecked', detail: String(error) } } }),
    )
    return
  }
  const { id, bytes, name, accountId } = message
  if (accountId) holdMirrorKey(accountId, message.key ?? null)
  let lastPost = 0
  const onProgress = (progress: ParseProgress) => {
    const now = Date.now()
    if (now - lastPost < PROGRESS_EVERY_MS) return
    lastPost = now
    scope.postMessage({ type: 'progress', id, progress })
  }
  const result = session.read(new Uint8Array(bytes), name, onProgress, accountId)
  scope.postMessage({ type: 'read', id, result })
}
