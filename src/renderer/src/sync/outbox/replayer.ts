// Replays the outbox to the server: FIFO per contact, a few contacts at once, one replayer across windows.
import type { ApiError } from '../../../../shared/result'
import type { ContactsDb } from '../../db/database'
import { isDatabaseClosed, unlessClosed } from '../../db/unless-closed'
import { sleep } from '../pacing/abortable'
import { expandBatches } from './batch'
import { CreateGate } from './create-gate'
import { isHeldBack } from './cross-order'
import type { RetryTiming } from './error-policy'
import type { QueuedIntent } from './intent'
import { swappedIds } from './mirror-writes'
import { outboxStore } from './outbox-store'
import { platformLocks, type LockManagerLike } from './locks'
import type { OutboxBridge } from './outbox-bridge'
import { outboxEvents } from './outbox-events'
import { inPool } from './in-pool'
import { PAGE_SIZE, planHolds, type PagePlan } from './page-plan'
import { pagePlans } from './page-plans'
import { sweepPage, type ContactClaims } from './page-sweep'
import { replayNext, type StepContext } from './replay-step'
import { contactRows } from './row-state'

/** While a sweep writes its pages, the contacts loop looks at the queue at most this often (an edit made meanwhile waits that long). */
const SWEEP_RESCAN_MS = 500

export type ReplayerState = 'stopped' | 'waiting_for_lock' | 'idle' | 'running' | 'paused_unauthorized'

export interface ReplayerOptions {
  db: ContactsDb
  bridge: OutboxBridge
  /** Default: `navigator.locks`, or an in-process lock where there is none. */
  locks?: LockManagerLike
  /** Contacts replayed at once (each strictly in order). The client's limiter paces the requests. Default 4. */
  concurrency?: number
  /** Rows per list page a bulk edit is rebased from. Default (and the API's maximum) 100; tests cross page ends with small pages. */
  pageSize?: number
  /** Backoff of offline / timeout / 5xx retries. Default 1 s doubling to 60 s, with jitter. */
  timing?: RetryTiming
  random?: () => number
  now?: () => number
  /** How often an idle replayer looks at the queue anyway (another window may have queued). Default 5 s. */
  idleCheckMs?: number
  onError?: (error: unknown) => void
}

export interface Replayer {
  readonly state: ReplayerState
  /** The 401 that paused the queue, until `resume`. */
  readonly pausedBy: ApiError | null
  start(): void
  /** Stops at once; a request in flight is abandoned and looked up or rebased by the next run. */
  stop(): Promise<void>
  /** After the user gave a new key: replay picks up where it paused. */
  resume(): void
  onStateChange(listener: (state: ReplayerState) => void): () => void
  /** Resolves once no contact's next intent is waiting to be sent (only parked ones left), or the queue paused. */
  settled(): Promise<void>
}

export function createReplayer(options: ReplayerOptions): Replayer {
  const { db } = options
  const locks = options.locks ?? platformLocks()
  const concurrency = Math.max(1, options.concurrency ?? 4)
  const now = options.now ?? Date.now
  const idleCheckMs = options.idleCheckMs ?? 5_000
  const sweep = { concurrency, pageSize: options.pageSize ?? PAGE_SIZE }
  const events = outboxEvents(db)
  let state: ReplayerState = 'stopped'
  let pausedBy: ApiError | null = null
  let control: AbortController | null = null
  let running: Promise<void> | null = null
  // The contacts loop and the page sweep each sleep on their own; the outbox changing wakes both.
  const contactsNap = napper()
  const sweepNap = napper()
  const stateListeners = new Set<(state: ReplayerState) => void>()
  let settledWaiters: (() => void)[] = []
  const busy = new Set<number>()
  const claims: ContactClaims = {
    claim(contactId) {
      if (busy.has(contactId)) return false
      busy.add(contactId)
      return true
    },
    release(contactId) {
      busy.delete(contactId)
    },
  }

  const setState = (next: ReplayerState) => {
    if (next === state) return
    state = next
    for (const listener of [...stateListeners]) listener(next)
  }
  const notifySettled = () => {
    const waiters = settledWaiters
    settledWaiters = []
    for (const resolve of waiters) resolve()
  }
  const poke = () => {
    contactsNap.poke()
    sweepNap.poke()
  }

  /** Both loops under the one lock: contacts one by one, and bulk edits from list pages. */
  async function loop(signal: AbortSignal): Promise<void> {
    const ctx: StepContext = {
      db,
      bridge: options.bridge,
      events,
      timing: options.timing ?? { baseMs: 1_000, capMs: 60_000 },
      random: options.random ?? Math.random,
      now,
      signal,
      createGate: new CreateGate(),
      onUnauthorized: (error) => {
        pausedBy = error
      },
    }
    await Promise.all([contactsLoop(ctx, signal), sweepLoop(ctx, signal)])
  }

  async function contactsLoop(ctx: StepContext, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      if (pausedBy) {
        setState('paused_unauthorized')
        notifySettled()
        await contactsNap.nap(idleCheckMs, signal)
        continue
      }
      contactsNap.clear()
      await expandBatches(db)
      const plans = await pagePlans(db)
      const scan = await scanQueue(db, now(), plans)
      if (scan.runnable.length === 0) {
        // Contacts waiting for their page are being replayed by the sweep, unless it is backing off (offline, 429).
        const sweeping = scan.onPages && plans.some((plan) => (plan.notBefore ?? 0) <= now())
        setState(sweeping ? 'running' : 'idle')
        if (!scan.waiting) notifySettled()
        // Each contact the sweep writes changes the outbox: looking again at every change would scan the whole queue per write.
        if (scan.onPages) await sleep(Math.min(idleCheckMs, SWEEP_RESCAN_MS), signal)
        await contactsNap.nap(scan.nextAt === null ? idleCheckMs : Math.min(idleCheckMs, Math.max(1, scan.nextAt - now())), signal)
        continue
      }
      setState('running')
      const ok = await inPool(scan.runnable, concurrency, (contactId) => replayContact(ctx, contactId))
      if (!ok) await contactsNap.nap(idleCheckMs, signal)
    }
  }

  async function replayContact(ctx: StepContext, contactId: number): Promise<boolean> {
    // The sweep has it (its page is being written): the next scan looks again.
    if (!claims.claim(contactId)) return true
    try {
      while (!ctx.signal.aborted && !pausedBy) {
        // A bulk edit queued meanwhile may hold this contact's next intent: expanded first, it keeps its turn.
        await expandBatches(ctx.db)
        if (await waitsForPage(ctx, contactId)) break
        if ((await replayNext(ctx, contactId)) !== 'continue') break
      }
      return true
    } catch (error) {
      // The mirror was closed meanwhile (sign-out, the copy deleted by another window): replay ends, unreported.
      if (isDatabaseClosed(error)) throw error
      // A bug or a failing local database, not a server answer: reported, then retried after a pause.
      ;(options.onError ?? console.error)(error)
      return false
    } finally {
      claims.release(contactId)
    }
  }

  /** The contact's next intent belongs to a page plan: its page will rebase it without a GET. */
  async function waitsForPage(ctx: StepContext, contactId: number): Promise<boolean> {
    const plans = await pagePlans(ctx.db)
    if (plans.length === 0) return false
    const head = (await contactRows(ctx.db, contactId))[0]
    return head !== undefined && plans.some((plan) => planHolds(plan, head.seq))
  }

  async function sweepLoop(ctx: StepContext, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      if (pausedBy) {
        await sweepNap.nap(idleCheckMs, signal)
        continue
      }
      sweepNap.clear()
      try {
        await expandBatches(db)
        const outcome = await sweepPage(ctx, claims, sweep)
        if (outcome.kind === 'aborted') return
        if (outcome.kind !== 'idle') continue
        await sweepNap.nap(outcome.nextAt === null ? idleCheckMs : Math.min(idleCheckMs, Math.max(1, outcome.nextAt - now())), signal)
      } catch (error) {
        if (isDatabaseClosed(error)) throw error
        ;(options.onError ?? console.error)(error)
        await sweepNap.nap(idleCheckMs, signal)
      }
    }
  }

  const unsubscribe = { current: () => {} }
  return {
    get state() {
      return state
    },
    get pausedBy() {
      return pausedBy
    },
    start() {
      if (running) return
      const stop = new AbortController()
      control = stop
      unsubscribe.current = events.subscribe((event) => event.type === 'changed' && poke())
      setState('waiting_for_lock')
      running = locks
        // A closed mirror ends both loops (see above): nothing is left to replay into it.
        .request(`skylight-outbox:${db.name}`, { signal: stop.signal }, () => unlessClosed(loop(stop.signal)))
        .catch((error: unknown) => {
          if (!stop.signal.aborted) (options.onError ?? console.error)(error)
        })
        .finally(() => setState('stopped'))
    },
    async stop() {
      control?.abort()
      unsubscribe.current()
      await running
      running = null
      control = null
    },
    resume() {
      pausedBy = null
      poke()
    },
    onStateChange(listener) {
      stateListeners.add(listener)
      return () => stateListeners.delete(listener)
    },
    settled() {
      return new Promise((resolve) => {
        settledWaiters.push(resolve)
        poke()
      })
    },
  }
}

interface QueueScan {
  /** Contacts whose next intent may go now, oldest first. */
  runnable: number[]
  /** Some contact's next intent waits for its list page (the sweep replays it). */
  onPages: boolean
  /** Some contact's next intent is pending (now or after a backoff). */
  waiting: boolean
  /** When the earliest backoff ends. */
  nextAt: number | null
}

async function scanQueue(db: ContactsDb, at: number, plans: readonly PagePlan[]): Promise<QueueScan> {
  const heads = new Map<number, QueuedIntent>()
  // Primary-key order is seq order, so the first row seen for a contact is its head.
  await outboxStore(db).each((row) => {
    if (!heads.has(row.contactId)) heads.set(row.contactId, row as QueuedIntent)
  })
  const scan: QueueScan = { runnable: [], onPages: false, waiting: false, nextAt: null }
  const swapped = await swappedIds(db)
  for (const [contactId, head] of heads) {
    if (head.status !== 'pending') continue
    // It waits for other contacts: they are in the scan themselves (or parked, and then so is this one).
    if (isHeldBack(head, (id) => heads.get(id)?.seq, swapped)) continue
    scan.waiting = true
    if (plans.some((plan) => planHolds(plan, head.seq))) {
      scan.onPages = true
      continue
    }
    const notBefore = head.notBefore ?? 0
    if (notBefore <= at) scan.runnable.push(contactId)
    else scan.nextAt = Math.min(scan.nextAt ?? Infinity, notBefore)
  }
  return scan
}

/** A loop's sleep: until poked (the outbox changed, resume), `ms` pass, or stop. */
function napper() {
  let woken = false
  let wake: () => void = () => {}
  return {
    poke(): void {
      woken = true
      wake()
    },
    /** Forgets pokes before a fresh look at the queue. */
    clear(): void {
      woken = false
    },
    async nap(ms: number, signal: AbortSignal): Promise<void> {
      if (woken) {
        woken = false
        return
      }
      const nudge = new AbortController()
      const onAbort = () => nudge.abort()
      signal.addEventListener('abort', onAbort, { once: true })
      wake = () => nudge.abort()
      await sleep(ms, nudge.signal)
      signal.removeEventListener('abort', onAbort)
      wake = () => {}
      woken = false
    },
  }
}
