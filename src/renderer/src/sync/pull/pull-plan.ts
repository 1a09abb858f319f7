// The pull's pure decisions: which pages are left, whether a pass saw the server's exact set, how long is left.

/** Pages of this pass not merged yet, in order. */
export function pagesLeft(lastPage: number, done: ReadonlySet<number>): number[] {
  const left: number[] = []
  for (let page = 1; page <= lastPage; page += 1) if (!done.has(page)) left.push(page)
  return left
}

export interface PassEvidence {
  /** `meta.total` read at the start of the pass. */
  startTotal: number
  /** `meta.total` from page 1 re-read after the last page. */
  endTotal: number
  /** Distinct ids the pass saw, the final page 1 included. */
  distinctIds: number
  /** Whether any page of the pass reported a total other than `startTotal`. */
  totalChanged: boolean
}

/**
 * A pass saw exactly the server's set when the total never moved and it saw that many
 * distinct ids: a create or delete during the pass shifts offsets (a row missed or read
 * twice) and moves the total, so the pass is read again. As many creates as deletes between
 * two page reads leave every count right while rows are missed: that is why a consistent pass
 * still deletes a row only once the server confirms it gone (see unseen-rows.ts).
 */
export function isPassConsistent(evidence: PassEvidence): boolean {
  return (
    !evidence.totalChanged &&
    evidence.startTotal === evidence.endTotal &&
    evidence.distinctIds === evidence.endTotal
  )
}

/** Time left at the pace of this run so far, or null before any page has been timed. */
export function etaMs(pagesDoneThisRun: number, pagesRemaining: number, elapsedMs: number): number | null {
  if (pagesRemaining <= 0) return 0
  if (pagesDoneThisRun <= 0) return null
  return Math.round((elapsedMs / pagesDoneThisRun) * pagesRemaining)
}
