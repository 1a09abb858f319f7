// A page-rebase plan: which queued intents a list query's pages rebase, how far its sweep has read, and when it stops. Pure.
import { sameQuery, type PageQuery } from './page-query'

/** Rows a list page holds: the API's maximum. */
export const PAGE_SIZE = 100

/** Intents of one bulk edit (one batch record), by their seqs. */
export interface PlanRange {
  first: number
  last: number
  /** The sweep's position when these intents joined: they are covered once the sweep comes back round to it. */
  from: number
  /** The sweep has reached the query's end (and started again from the top) since they joined. */
  wrapped: boolean
}

/**
 * Bulk edits whose contacts came from the same query share one sweep through its pages: page by
 * page, each read and then its contacts' intents written at once, so a read is seconds old when
 * its write goes. The sweep goes round like a clock: intents that join mid-way are covered once it
 * has come back to where they joined.
 */
export interface PagePlan {
  /** The first seq of the first bulk edit that made it. */
  id: number
  query: PageQuery
  ranges: PlanRange[]
  /** Position of the next row to read in the query's list. */
  offset: number
  /** Intents the pages may rebase, and how many they did: with `pagesRead`, whether reading on pays. */
  targets: number
  hits: number
  pagesRead: number
  /** Failed page reads in a row, and when the next may go (backoff, Retry-After). */
  attempts: number
  notBefore?: number
}

/** One bulk edit's intents join the plan for their query, or start one. */
export function joinPlan(plans: readonly PagePlan[], query: PageQuery, seqs: { first: number; last: number }, targets: number): PagePlan[] {
  const existing = plans.find((plan) => sameQuery(plan.query, query))
  if (!existing) {
    const range: PlanRange = { ...seqs, from: 0, wrapped: false }
    return [...plans, { id: seqs.first, query, ranges: [range], offset: 0, targets, hits: 0, pagesRead: 0, attempts: 0 }]
  }
  const range: PlanRange = { ...seqs, from: existing.offset, wrapped: false }
  return plans.map((plan) => (plan === existing ? { ...plan, ranges: [...plan.ranges, range], targets: plan.targets + targets } : plan))
}

export const planHolds = (plan: PagePlan, seq: number): boolean => plan.ranges.some((range) => seq >= range.first && seq <= range.last)

/** The page the sweep reads next, and the position of its first row (at or before `offset`). */
export function nextPage(plan: PagePlan, pageSize: number): { page: number; start: number } {
  const index = Math.floor(plan.offset / pageSize)
  return { page: index + 1, start: index * pageSize }
}

export interface PageRead {
  pageSize: number
  /** Position of the page's first row, its row count and the query's total, as the server answered. */
  start: number
  rows: number
  total: number
  /** Rows our writes took out of the query (every later row moved up by that many). */
  left: number
  /** Intents rebased on this page's rows. */
  hits: number
  /** `first` of the ranges the plan held when the page was read: ranges that joined since were not swept by it. */
  swept: ReadonlySet<number>
}

/**
 * The plan after a page and its writes, or null when it is done: every range swept round once, or
 * reading on no longer pays (the pages so far rebased fewer intents than they cost, or the pages
 * left are more than the intents left to rebase, each of which one GET would do).
 */
export function afterPage(plan: PagePlan, read: PageRead): PagePlan | null {
  const next = read.start + read.rows - read.left
  const total = Math.max(0, read.total - read.left)
  const lapEnds = read.rows < read.pageSize || next >= total
  const offset = lapEnds ? 0 : next
  const ranges = plan.ranges.flatMap((range) => {
    if (!read.swept.has(range.first)) return [range]
    if (lapEnds && (range.from === 0 || range.wrapped)) return []
    if (range.wrapped && offset >= range.from) return []
    return [{ ...range, wrapped: range.wrapped || lapEnds }]
  })
  const after: PagePlan = { ...plan, ranges, offset, hits: plan.hits + read.hits, pagesRead: plan.pagesRead + 1, attempts: 0 }
  delete after.notBefore
  if (ranges.length === 0 || after.hits < after.pagesRead) return null
  return pagesLeft(after, total, read.pageSize) < after.targets - after.hits ? after : null
}

/** Pages still to read until every range has come round. */
function pagesLeft(plan: PagePlan, total: number, pageSize: number): number {
  const rows = Math.max(...plan.ranges.map((range) => (range.wrapped ? range.from - plan.offset : total - plan.offset + range.from)))
  return Math.ceil(Math.max(0, rows) / pageSize)
}
