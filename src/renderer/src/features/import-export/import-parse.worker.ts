// Web Worker glue: reads a file's bytes off the window's thread and posts progress, then the parsed file or the reason it cannot be read.
import type { FromImportWorker, ToImportWorker } from './import-protocol'
import { readImportFile } from './read-import-file'

/** The dedicated worker scope, typed without the WebWorker lib (the renderer compiles with DOM). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToImportWorker>) => void) | null
  postMessage(message: FromImportWorker): void
}

/** Progress at most this often: a message per slice would flood the window on a fast machine. */
const PROGRESS_EVERY_MS = 100

scope.onmessage = (event) => {
  const { id, bytes } = event.data
  let lastPost = 0
  const result = readImportFile(new Uint8Array(bytes), {
    onProgress: (progress) => {
      const now = Date.now()
      if (now - lastPost < PROGRESS_EVERY_MS) return
      lastPost = now
      scope.postMessage({ type: 'progress', id, progress })
    },
  })
  scope.postMessage({ type: 'read', id, result })
}
