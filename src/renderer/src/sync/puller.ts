// Pulls every contact from the server into the mirror: paced, resumable, and exact despite offset drift.
import type { ContactRow } from '../../../shared/contact'
import type { ApiError } from '../../../shared/result'
import type { ContactsDb } from '../db/database'
import { deleteMissing, mergeRows } from '../db/contacts-repo'
import { pendingContactIds } from '../db/pending-edits'
import { withPendingIntents } from './outbox/pull-overlay'
import { clearCheckpoint, loadCheckpoint, recordPage, startPass, type PullCheckpointHeader } from './pull-checkpoint'
import { etaMs, isPassConsistent, pagesLeft } from './pull-plan'
import { fetchPage, type FetchPolicy, type ListBridge } from './page-fetcher'
import { RateGate } from './rate-gate'
import { recordSyncedAt } from './sync-state'

export type { ListBridge } from './page-fetcher'

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
      /** False when drift persisted through every pass: rows were merged, nothing was deleted. */
      consistent: boolean
      /** The server's total at the end. */
      total: number
      /** Local rows removed because the server no longer has them. */
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
  bridge: ListBridge
  policy: FetchPolicy
  stop: AbortController
  maxPasses: number
  now: () => Date
  emit: (state: PassState) => void
}

/**
 * Reads every page (`per_page` 100) into the mirror, merging partial rows without erasing
 * known fields. Re-reads the set (up to `maxPasses`) until a pass is consistent; only a
 * consistent pull deletes local rows the server no longer has, never rows with queued
 * intents nor temporary (negative) ids. Never throws.
 */
export async function pullContacts(db: ContactsDb, bridge: ListBridge, options: PullOptions = {}): Promise<PullOutcome> {
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
    const detail = cause instanceof Error ? cause.message : String(cause)
    return { status: 'failed', error: { kind: 'internal', message: `The local database failed during the pull (${detail}).` }, requests }
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
    state = { header: checkpoint.header, lastPage: checkpoint.header.lastPage, done: new Set(checkpoint.pages.keys()), seen, totalChanged: false }
  } else {
    if (ctx.stop.signal.aborted) return { status: 'aborted' }
    state = await beginPass(ctx, 1, ctx.now().toISOString())
  }
  for (;;) {
    if ('status' in state) return state
    const stopped = await readPages(ctx, state)
    if (stopped) return stopped
    const end = await fetchPage(ctx.bridge, 1, PER_PAGE, ctx.policy)
    if (end.status !== 'ok') return end
    if (ctx.stop.signal.aborted) return { status: 'aborted' }
    await ctx.db.transaction('rw', [ctx.db.contacts, ctx.db.meta, ctx.db.outbox], async () => {
      await mergePulled(ctx.db, end.page.data)
    })
    for (const row of end.page.data) state.seen.add(row.id)
    const consistent = isPassConsistent({
      startTotal: state.header.startTotal,
      endTotal: end.page.meta.total,
      distinctIds: state.seen.size,
      totalChanged: state.totalChanged,
    })
    if (consistent || state.header.pass >= ctx.maxPasses) {
      const deleted = await finish(ctx, state.seen, consistent)
      return { status: 'completed', consistent, total: end.page.meta.total, deleted, passes: state.header.pass }
    }
    state = await beginPass(ctx, state.header.pass + 1, state.header.startedAt)
  }
}

/** Reads page 1 (which tells the total and the page count) and saves the new pass's header. */
async function beginPass(ctx: PullContext, pass: number, startedAt: string): Promise<PassState | Stopped> {
  const first = await fetchPage(ctx.bridge, 1, PER_PAGE, ctx.policy)
  if (first.status !== 'ok') return first
  if (ctx.stop.signal.aborted) return { status: 'aborted' }
  const { meta, data } = first.page
  const header = await startPass(ctx.db, { pass, startedAt, perPage: PER_PAGE, startTotal: meta.total, lastPage: meta.last_page })
  const state: PassState = { header, lastPage: meta.last_page, done: new Set(), seen: new Set(), totalChanged: false }
  await mergePage(ctx, state, 1, data)
  return state
}

/** Reads the pass's remaining pages with bounded, rate-aware concurrency. */
async function readPages(ctx: PullContext, state: PassState): Promise<Stopped | null> {
  const queue = pagesLeft(state.lastPage, state.done)
  let failure: Stopped | null = null
  const readOne = async (page: number): Promise<void> => {
    try {
      const fetched = await fetchPage(ctx.bridge, page, PER_PAGE, ctx.policy)
      if (fetched.status === 'failed') {
        failure ??= fetched
        ctx.stop.abort()
        return
      }
      if (fetched.status === 'aborted' || ctx.stop.signal.aborted) return
      const { meta, data } = fetched.page
      if (meta.total !== state.header.startTotal) state.totalChanged = true
      for (let extra = state.lastPage + 1; extra <= meta.last_page; extra += 1) queue.push(extra)
      state.lastPage = Math.max(state.lastPage, meta.last_page)
      await mergePage(ctx, state, page, data)
    } catch (cause) {
      const detail = cause instanceof Error ? cause.message : String(cause)
      failure ??= { status: 'failed', error: { kind: 'internal', message: `The local database failed during the pull (${detail}).` } }
      ctx.stop.abort()
    }
  }
  const running = new Set<Promise<void>>()
  while (queue.length > 0 || running.size > 0) {
    while (!ctx.stop.signal.aborted && running.size < ctx.policy.gate.limit && queue.length > 0) {
      const task: Promise<void> = readOne(queue.shift() as number).finally(() => running.delete(task))
      running.add(task)
    }
    if (running.size === 0) break
    await Promise.race(running)
  }
  if (failure) return failure
  return ctx.stop.signal.aborted ? { status: 'aborted' } : null
}

/** Merges a page and marks it done in one transaction, so a crash never loses or half-records it. */
async function mergePage(ctx: PullContext, state: PassState, page: number, rows: ContactRow[]): Promise<void> {
  const ids = rows.map((row) => row.id)
  await ctx.db.transaction('rw', [ctx.db.contacts, ctx.db.meta, ctx.db.outbox], async () => {
    await mergePulled(ctx.db, rows)
    await recordPage(ctx.db, page, ids)
  })
  state.done.add(page)
  for (const id of ids) state.seen.add(id)
  ctx.emit(state)
}

/** Merges pulled rows with the queued intents re-applied on top; the caller's transaction must span `contacts`, `meta` and `outbox`. */
async function mergePulled(db: ContactsDb, rows: ContactRow[]): Promise<void> {
  const shown = await withPendingIntents(db, rows)
  await mergeRows(db, shown)
}

/** Ends the pull in one transaction: deletions (only when consistent), the sync time, the checkpoint dropped. */
async function finish(ctx: PullContext, seen: ReadonlySet<number>, consistent: boolean): Promise<number> {
  const { db } = ctx
  return db.transaction('rw', [db.contacts, db.notes, db.meta, db.outbox], async () => {
    const deleted = consistent ? await deleteMissing(db, seen, await pendingContactIds(db)) : 0
    await recordSyncedAt(db, ctx.now())
    await clearCheckpoint(db)
    return deleted
  })
}
