// Issue 15's figures: what sealing the mirror at rest costs, each measured with the seal on and off.
import type { Figure } from './report'
import type { ScaleTargets } from './scale'

export interface AtRestMode {
  sealed: boolean
  pull: string
  pullMs: number
  pullRatio: number
  firstRowsMs: number
  firstRows: number
  searchReadyMs: number
  searchP95Ms: number
  bulkTagMs: number
}

export interface AtRest {
  rawMs: number
  rows: number
  modes: AtRestMode[]
}

/** Rounds of the bench's queries through the worker per mode: enough for a p95, short beside the full search figure. */
export const AT_REST_ROUNDS = 5

/** `targets`: first rows and search ready as the issue sets them for the bench's count (bench/scale.ts). */
export function atRestFigures(result: AtRest, bulkCount: number, targets: ScaleTargets): Figure[] {
  const plain = result.modes.find((mode) => !mode.sealed)!
  return result.modes.flatMap((mode) => {
    const label = mode.sealed ? 'sealed' : 'unsealed'
    return [
      {
        name: `at rest, ${label}: first rows, cold open`,
        value: mode.firstRowsMs,
        unit: 'ms',
        target: targets.firstRowsMs,
        note: `${targets.basis}; a scratch mirror of ${result.rows.toLocaleString('en')} opened anew (key check included) to the first ${mode.firstRows} rows by name from the snapshot's head`,
      },
      {
        name: `at rest, ${label}: search ready`,
        value: mode.searchReadyMs,
        unit: 'ms',
        target: targets.searchReadyMs,
        note: `${targets.basis}; the real search worker: open (with the key), load the snapshot, build the index`,
      },
      {
        name: `at rest, ${label}: pull write ratio, full rows`,
        value: mode.pullRatio,
        unit: 'x',
        target: 1.5,
        note: `pullContacts from memory into an empty mirror ${(mode.pullMs / 1000).toFixed(1)} s (${mode.pull}) vs raw bulkPut of plain rows in pages of 100 ${(result.rawMs / 1000).toFixed(1)} s`,
      },
      {
        name: `at rest, ${label}: ${bulkCount.toLocaleString('en')}-contact bulk tag, applied + queued`,
        value: mode.bulkTagMs,
        unit: 'ms',
        target: 1000,
        note: 'enqueueMany of addTags on the cold-opened mirror',
      },
      {
        name: `at rest, ${label}: search p95 via the worker`,
        value: mode.searchP95Ms,
        unit: 'ms',
        target: 16.7,
        note: mode.sealed ? `unsealed ${plain.searchP95Ms.toFixed(2)} ms: the index is in memory, built from opened rows` : `${AT_REST_ROUNDS} rounds of the bench's queries, limit 50`,
      },
    ]
  })
}
