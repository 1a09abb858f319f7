// Pulls every contact from the server into the mirror: paced, resumable, and exact despite offset drift.
import type { ContactRow } from '../../../../shared/contact'
import type { SkylightBridge } from '../../../../shared/contract'
import type { ApiError } from '../../../../shared/result'
import type { ContactsDb } from '../../db/database'
import { mergeServerRows } from '../outbox'
import { forEachPaced, type CallPolicy } from '../pacing/paced-calls'
import { fetchPage } from './page-fetcher'
import { clearCheckpoint, loadCheckpoint, recordPage, startPass, type PullCheckpointHeader } from './pull-checkpoint'
import { pullFailure } from './pull-failure'
import { etaMs, isPassConsistent, pagesLeft } from './pull-plan'
import { RateGate } from '../pacing/rate-gate'
import { recordSyncedAt } from './last-synced'
import { settleUnseenRows } from './unseen-rows'
import { isFullRow } from '../../db/merge'
import { recordListRowsFull } from './list-rows'

/** What a pull calls: pages, and single contacts to confirm the rows a pass did not see. */
export type PullBridge = Pick<SkylightBridge, 'contacts.list' | 'contacts.get'>

/** The API's maximum page size: fewest requests for the whole set. */
export const PER_PAGE = 100

export interface PullProgress {
  /** 1 for the first read of the set; more when offset drift forced a re-read. */
  pass: number
  pagesDone: number
  pagesTotal: number
  /** Distinct contacts seen in this pass so far. */
  contacts: number
  /** Estimated time left for this pass, or null until a page has been timed. */
  etaMs: number | null
}

export type PullOutcome =
  | {
      status: 'completed'
      /**
       * False when drift persisted through every pass (the counts were off, or rows the pass
       * missed turned out alive): rows were merged, and only rows the server confirmed gone deleted.
       */
      consistent: boolean
      /** The server's total at the end. */
      total: number
      /** Local rows removed because the server answered `not_found` for them. */
      deleted: number
      passes: number
      requests: number
    }
  | { status: 'failed'; error: ApiError; requests: number }
  | { status: 'aborted'; requests: number }

export interface PullOptions {
  /** Quit half-way: the checkpoint keeps what was merged, a later pull resumes from it. */
  signal?: AbortSignal
  onProgress?: (progress: PullProgress) => void
  /** Page reads in flight at most (halved on each 429, regained slowly). Default 4. */
  concurrency?: number
  /** Reads of the whole set before giving up on consistency. Default 3. */
  maxPasses?: number
  /** Retries per page of offline / timeout / 5xx. Default 5. */
  maxRetries?: number
  /** 429 waits per page before the pull fails. Default 20. */
  maxRateLimitWaits?: number
  /** First retry delay, doubled per retry (with jitter) up to 15 s. Default 500 ms. */
  retryBaseMs?: number
  /** Rows a consistent pass did not see, asked for by id before any is deleted, at most per pull; the rest wait for later pulls. Default 1,000. */
  maxConfirmations?: number
  /** A checkpoint older than this is dropped and the pull starts over. Default 24 h. */
  checkpointMaxAgeMs?: number
  now?: () => Date
}

type Stopped = { status: 'failed'; error: ApiError } | { status: 'aborted' }

interface PassState {
  header: PullCheckpointHeader
  /** Grows when a later page reports more pages than page 1 did. */
  lastPage: number
  done: Set<number>
  seen: Set<number>
  totalChanged: boolean
}

interface PullContext {
  db: ContactsDb
  bridge: PullBridge
  policy: CallPolicy
  stop: AbortController
  maxPasses: number
  /** Confirmations by id this pull may still make. */
  confirmationsLeft: number
  /** A page this run read left a field out: details must come from single GETs (hydration). */
  partialRows: boolean
  now: () => Date
  emit: (state: PassState) => void
}

/**
 * Reads every page (`per_page` 100) into the mirror, merging partial rows without erasing
 * known fields. Re-reads the set (up to `maxPasses`) until a pass is consistent; only a
 * consistent pass deletes local rows, each one only once the server answers `not_found` for
 * it, never rows with queued intents nor temporary (negative) ids. Never throws.
 */
export async function pullContacts(db: ContactsDb, bridge: PullBridge, options: PullOptions = {}): Promise<PullOutcome> {
  const stop = new AbortController()
  const onAbort = () => stop.abort()
  if (options.signal?.aborted) stop.abort()
  options.signal?.addEventListener('abort', onAbort, { once: true })
  let requests = 0
  const now = options.now ?? (() => new Date())
  const started = Date.now()
  let pagesThisRun = 0
  const ctx: PullContext = {
    db,
    bridge,
    stop,
    now,
    maxPasses: options.maxPasses ?? 3,
    confirmationsLeft: options.maxConfirmations ?? 1_000,
    partialRows: false,
    policy: {
      gate: new RateGate(options.concurrency ?? 4),
      signal: stop.signal,
      maxRetries: options.maxRetries ?? 5,
      maxRateLimitWaits: options.maxRateLimitWaits ?? 20,
      retryBaseMs: options.retryBaseMs ?? 500,
      retryCapMs: 15_000,
      onRequest: () => {
        requests += 1
      },
    },
    emit: (state) => {
      pagesThisRun += 1
      const remaining = state.lastPage - state.done.size
      options.onProgress?.({
        pass: state.header.pass,
        pagesDone: state.done.size,
        pagesTotal: state.lastPage,
        contacts: state.seen.size,
        etaMs: etaMs(pagesThisRun, remaining, Date.now() - started),
      })
    },
  }
  try {
    const checkpoint = await loadCheckpoint(db, now(), options.checkpointMaxAgeMs ?? 24 * 3_600_000)
    const outcome = await run(ctx, checkpoint?.header.perPage === PER_PAGE ? checkpoint : null)
    return { ...outcome, requests }
  } catch (cause) {
    return { status: 'failed', error: pullFailure(cause), requests }
  } finally {
    options.signal?.removeEventListener('abort', onAbort)
    // Late answers of abandoned calls must not write after the pull has returned.
    stop.abort()
  }
}

type DistributeOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
type RunOutcome = DistributeOmit<PullOutcome, 'requests'>

async function run(ctx: PullContext, checkpoint: Awaited<ReturnType<typeof loadCheckpoint>>): Promise<RunOutcome> {
  let state: PassState | Stopped
  if (checkpoint) {
    const seen = new Set<number>()
    for (const ids of checkpoint.pages.values()) for (const id of ids) seen.add(id)
    const { header, pages, totalChanged } = checkpoint
    state = { header, lastPage: header.lastPage, done: new Set(pages.keys()), seen, totalChanged }
  } else {
    if (ctx.stop.signal.aborted) return { status: 'aborted' }
    state = await beginPass(ctx, 1, ctx.now().toISOString())
  }
  let deleted = 0
  for (;;) {
    if ('status' in state) return state
    const stopped = await readPages(ctx, state)
    if (stopped) return stopped
    const end = await fetchPage(ctx.bridge, 1, PER_PAGE, ctx.policy)
    if (end.status !== 'ok') return end
    if (ctx.stop.signal.aborted) return { status: 'aborted' }
    noteRowShape(ctx, end.data.data)
    await ctx.db.transaction('rw', [ctx.db.contacts, ctx.db.meta, ctx.db.outbox], async () => {
      await mergeServerRows(ctx.db, end.data.data)
    })
    for (const row of end.data.data) state.seen.add(row.id)
    let consistent = isPassConsistent({
      startTotal: state.header.startTotal,
      endTotal: end.data.meta.total,
      distinctIds: state.seen.size,
      totalChanged: state.totalChanged,
    })
    if (consistent) {
      const settled = await settleUnseenRows(ctx.db, ctx.bridge, state.seen, ctx.confirmationsLeft, ctx.policy)
      if (!settled) return { status: 'aborted' }
      ctx.confirmationsLeft -= settled.asked
      deleted += settled.deleted
      // A live row the pass missed proves drift the counts hid, and a row deleted after its page
      // was read hides behind that same drift, so the set is read again. Without such proof (no
      // missed row was in the mirror) that row stays until the next pull.
      consistent = settled.live === 0
    }
    if (consistent || state.header.pass >= ctx.maxPasses) {
      await finish(ctx)
      return { status: 'completed', consistent, total: end.data.meta.total, deleted, passes: state.header.pass }
    }
    state = await beginPass(ctx, state.header.pass + 1, state.header.startedAt)
  }
}

/** Reads page 1 (which tells the total and the page count) and saves the new pass's header. */
async function beginPass(ctx: PullContext, pass: number, startedAt: string): Promise<PassState | Stopped> {
  const first = await fetchPage(ctx.bridge, 1, PER_PAGE, ctx.policy)
  if (first.status !== 'ok') return first
  if (ctx.stop.signal.aborted) return { status: 'aborted' }
  const { meta, data } = first.data
  const header = await startPass(ctx.db, { pass, startedAt, perPage: PER_PAGE, startTotal: meta.total, lastPage: meta.last_page })
  const state: PassState = { header, lastPage: meta.last_page, done: new Set(), seen: new Set(), totalChanged: false }
  await mergePage(ctx, state, 1, data, meta.total)
  return state
}

/** Reads the pass's remaining pages with bounded, rate-aware concurrency. */
async function readPages(ctx: PullContext, state: PassState): Promise<Stopped | null> {
  const queue = pagesLeft(state.lastPage, state.done)
  let failure: Stopped | null = null
  await forEachPaced(queue, ctx.policy, async (page) => {
    try {
      const fetched = await fetchPage(ctx.bridge, page, PER_PAGE, ctx.policy)
      if (fetched.status === 'failed') {
        failure ??= fetched
        ctx.stop.abort()
        return
      }
      if (fetched.status === 'aborted' || ctx.stop.signal.aborted) return
      const { meta, data } = fetched.data
      if (meta.total !== state.header.startTotal) state.totalChanged = true
      for (let extra = state.lastPage + 1; extra <= meta.last_page; extra += 1) queue.push(extra)
      state.lastPage = Math.max(state.lastPage, meta.last_page)
      await mergePage(ctx, state, page, data, meta.total)
    } catch (cause) {
      failure ??= { status: 'failed', error: pullFailure(cause) }
      ctx.stop.abort()
    }
  })
  if (failure) return failure
  return ctx.stop.signal.aborted ? { status: 'aborted' } : null
}

/** Merges a page and marks it done in one transaction, so a crash never loses or half-records it. */
async function mergePage(ctx: PullContext, state: PassState, page: number, rows: ContactRow[], total: number): Promise<void> {
  const ids = rows.map((row) => row.id)
  noteRowShape(ctx, rows)
  await ctx.db.transaction('rw', [ctx.db.contacts, ctx.db.meta, ctx.db.outbox], async () => {
    await mergeServerRows(ctx.db, rows)
    await recordPage(ctx.db, page, ids, total)
  })
  state.done.add(page)
  for (const id of ids) state.seen.add(id)
  ctx.emit(state)
}


function noteRowShape(ctx: PullContext, rows: readonly ContactRow[]): void {
  if (!ctx.partialRows && !rows.every(isFullRow)) ctx.partialRows = true
}

/** Ends the pull in one transaction: the sync time and the rows' shape recorded, the checkpoint dropped. */
async function finish(ctx: PullContext): Promise<void> {
  await ctx.db.transaction('rw', ctx.db.meta, async () => {
    await recordSyncedAt(ctx.db, ctx.now())
    await recordListRowsFull(ctx.db, !ctx.partialRows)
    await clearCheckpoint(ctx.db)
  })
}
