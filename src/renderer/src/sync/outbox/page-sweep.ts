// Rebases bulk edits from list pages: reads a plan's next page, merges it into the mirror, then writes that page's contacts at once.
import type { ContactRow } from '../../../../shared/contact'
import type { ApiError } from '../../../../shared/result'
import { ABORTED, unlessAborted } from '../pacing/abortable'
import { nextStep } from './coalesce'
import { decideOnError } from './error-policy'
import { inPool } from './in-pool'
import type { QueuedIntent } from './intent'
import { applyIntent } from './local-apply'
import { nextPage, planHolds, type PagePlan } from './page-plan'
import { backOffPlan, dropPlan, pagePlans, recordPage, REBASED_FROM_ROWS } from './page-plans'
import { stillListed } from './page-query'
import { outboxStore } from './outbox-store'
import { mergeServerRows } from './pull-overlay'
import { replayNext, type StepContext, type StepOutcome } from './replay-step'
import { contactRows } from './row-state'

/** Contacts being replayed right now: one step at a time per contact, whichever loop runs it. */
export interface ContactClaims {
  claim(contactId: number): boolean
  release(contactId: number): void
}

/** read: a page was read (or its plan dropped or backed off): sweep again; idle: no plan may read before `nextAt`. */
export type SweepOutcome = { kind: 'read' } | { kind: 'idle'; nextAt: number | null } | { kind: 'paused' } | { kind: 'aborted' }

interface Due {
  row: ContactRow
  head: QueuedIntent
}

/**
 * One page of the first plan that may read now. Its rows are fresh server state: merged into the
 * mirror under the queued intents, then every contact whose next intent is one of the plan's is
 * rebased on its row and written, before the next page is read. A contact the page does not hold
 * (its tag changed meanwhile, the list shifted, it was created offline) keeps its intent for the
 * replayer's own rebase, with a GET, once the plan is done.
 */
export async function sweepPage(ctx: StepContext, claims: ContactClaims, options: { concurrency: number; pageSize: number }): Promise<SweepOutcome> {
  const { concurrency, pageSize } = options
  const plans = await pagePlans(ctx.db)
  const now = ctx.now()
  const plan = plans.find((candidate) => (candidate.notBefore ?? 0) <= now)
  if (!plan) return { kind: 'idle', nextAt: plans.length ? Math.min(...plans.map((waiting) => waiting.notBefore ?? now)) : null }
  // Undone, discarded or already written one by one: no page is read for intents no longer queued.
  if (!(await anyQueued(ctx, plan))) {
    await dropPlan(ctx.db, plan.id)
    return { kind: 'read' }
  }
  const swept = new Set(plan.ranges.map((range) => range.first))
  const { page, start } = nextPage(plan, pageSize)
  const answer = await unlessAborted(ctx.bridge['contacts.list']({ ...plan.query, page, per_page: pageSize }), ctx.signal)
  if (answer === ABORTED) return { kind: 'aborted' }
  if (!answer.ok) return pageFailed(ctx, plan, answer.error)
  const rows = answer.data.data
  await mergeServerRows(ctx.db, rows)
  const due = await dueOn(ctx, plan, rows, claims)
  let left = 0
  const outcomes = new Set<StepOutcome>()
  await inPool(due, concurrency, async ({ row, head }) => {
    try {
      const outcome = await replayNext(ctx, row.id, row)
      outcomes.add(outcome)
      // Written and no longer listed under the query: every later row moved up one place.
      if (outcome === 'continue' && !stillListed(applyIntent(row, head) ?? row, plan.query)) left++
    } finally {
      claims.release(row.id)
    }
    return true
  })
  // Stopped mid-page: the page is read again on the next start, its written contacts no longer due.
  if (outcomes.has('aborted')) return { kind: 'aborted' }
  await recordPage(ctx.db, plan.id, { pageSize, start, rows: rows.length, total: answer.data.meta.total, left, hits: due.length, swept })
  ctx.events.emit({ type: 'changed' })
  return outcomes.has('paused') ? { kind: 'paused' } : { kind: 'read' }
}

/** The page's contacts whose next step is one of the plan's intents, ready to go and claimed for this sweep. */
async function dueOn(ctx: StepContext, plan: PagePlan, rows: readonly ContactRow[], claims: ContactClaims): Promise<Due[]> {
  const due: Due[] = []
  const now = ctx.now()
  for (const row of rows) {
    if (!claims.claim(row.id)) continue
    const step = nextStep(await contactRows(ctx.db, row.id))
    const head = step?.kind === 'send' ? step.row : null
    if (head && planHolds(plan, head.seq) && REBASED_FROM_ROWS.has(head.kind) && (head.notBefore ?? 0) <= now) due.push({ row, head })
    else claims.release(row.id)
  }
  return due
}

async function anyQueued(ctx: StepContext, plan: PagePlan): Promise<boolean> {
  for (const range of plan.ranges) if ((await outboxStore(ctx.db).where(':id').between(range.first, range.last, true, true).count()) > 0) return true
  return false
}

/** A page that could not be read: retried later, the queue paused, or the plan given up (its intents then rebase one by one). */
async function pageFailed(ctx: StepContext, plan: PagePlan, error: ApiError): Promise<SweepOutcome> {
  const action = decideOnError(error, plan.attempts, ctx.timing, ctx.random)
  if (action.action === 'pause') {
    ctx.onUnauthorized(error)
    return { kind: 'paused' }
  }
  if (action.action === 'retry') await backOffPlan(ctx.db, plan.id, ctx.now() + action.delayMs)
  else await dropPlan(ctx.db, plan.id)
  ctx.events.emit({ type: 'changed' })
  return { kind: 'read' }
}
