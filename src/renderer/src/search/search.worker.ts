// Web Worker glue: hands the page's messages to the search service and posts its replies back.
import { openAccountDatabase } from '../db/database'
import { createSearchService } from './search-service'
import type { FromWorker, ToWorker } from './search-protocol'

/** The dedicated worker scope, typed without the WebWorker lib (the renderer compiles with DOM). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null
  postMessage(message: FromWorker): void
}

const service = createSearchService((accountId, key) => openAccountDatabase(accountId, { key }), {
  onIndexChanged: () => scope.postMessage({ type: 'indexChanged' }),
})

scope.onmessage = (event) => {
  void service.handle(event.data).then((reply) => {
    if (reply) scope.postMessage(reply)
  })
}
