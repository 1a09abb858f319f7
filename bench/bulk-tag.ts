// The app path's bulk tag figure: `bulkTag` on the signed-in account's mirror (sealed, as the app holds its data key).
import type { Figure } from './report'

/** What the bench page's `bulkTag` step answers. */
export interface BulkTag {
  firstMs: number
  secondMs: number
  queued: number
}

export function bulkTagFigure(bulk: BulkTag, count: number): Figure {
  return {
    name: `${count.toLocaleString('en')}-contact bulk tag, applied + queued`,
    value: bulk.firstMs,
    unit: 'ms',
    target: 1000,
    note: `first call (cold); a second bulk tag of other contacts ${bulk.secondMs.toFixed(0)} ms; ${bulk.queued} intents queued`,
  }
}
