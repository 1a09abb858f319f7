// Replays the outbox to the server: FIFO per contact, a few contacts at once, one replayer across windows.
import type { ApiError } from '../../../../shared/result'
import type { ContactsDb } from '../../db/database'
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
import { replayNext, type StepContext } from './replay-step'

export type ReplayerState = 'stopped' | 'waiting_for_lock' | 'idle' | 'running' | 'paused_unauthorized'

export interface ReplayerOptions {
  db: ContactsDb
  bridge: OutboxBridge
  /** Default: `navigator.locks`, or an in-process lock where there is none. */
  locks?: LockManagerLike
  /** Contacts replayed at once (each strictly in order). The client's limiter paces the requests. Default 4. */
  concurrency?: number
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
  const events = outboxEvents(db)
  let state: ReplayerState = 'stopped'
  let pausedBy: ApiError | null = null
  let control: AbortController | null = null
  let running: Promise<void> | null = null
  let woken = false
  let wake: () => void = () => {}
  const stateListeners = new Set<(state: ReplayerState) => void>()
  let settledWaiters: (() => void)[] = []

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
    woken = true
    wake()
  }
  /** Sleeps until poked (the outbox changed, resume), `ms` pass, or stop. */
  async function nap(ms: number, signal: AbortSignal): Promise<void> {
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
  }

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
    while (!signal.aborted) {
      if (pausedBy) {
        setState('paused_unauthorized')
        notifySettled()
        await nap(idleCheckMs, signal)
        continue
      }
      woken = false
      await expandBatches(db)
      const scan = await scanQueue(db, now())
      if (scan.runnable.length === 0) {
        setState('idle')
        if (!scan.waiting) notifySettled()
        await nap(scan.nextAt === null ? idleCheckMs : Math.min(idleCheckMs, Math.max(1, scan.nextAt - now())), signal)
        continue
      }
      setState('running')
      const ok = await inPool(scan.runnable, concurrency, (contactId) => replayContact(ctx, contactId))
      if (!ok) await nap(idleCheckMs, signal)
    }
  }

  async function replayContact(ctx: StepContext, contactId: number): Promise<boolean> {
    try {
      while (!ctx.signal.aborted && !pausedBy) {
        // A bulk edit queued meanwhile may hold this contact's next intent: expanded first, it keeps its turn.
        await expandBatches(ctx.db)
        if ((await replayNext(ctx, contactId)) !== 'continue') break
      }
      return true
    } catch (error) {
      // A bug or a failing local database, not a server answer: reported, then retried after a pause.
      ;(options.onError ?? console.error)(error)
      return false
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
        .request(`skylight-outbox:${db.name}`, { signal: stop.signal }, () => loop(stop.signal))
        .catch((error: unknown) => {
          if (!stop.signal.aborted) (options.onError ?? console.error)(error)
        })
        .finally(() => setState('stopped'))
    },
    async stop() {
      control?.abort()
      wake()
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
  /** Some contact's next intent is pending (now or after a backoff). */
  waiting: boolean
  /** When the earliest backoff ends. */
  nextAt: number | null
}

async function scanQueue(db: ContactsDb, at: number): Promise<QueueScan> {
  const heads = new Map<number, QueuedIntent>()
  // Primary-key order is seq order, so the first row seen for a contact is its head.
  await outboxStore(db).each((row) => {
    if (!heads.has(row.contactId)) heads.set(row.contactId, row as QueuedIntent)
  })
  const scan: QueueScan = { runnable: [], waiting: false, nextAt: null }
  const swapped = await swappedIds(db)
  for (const [contactId, head] of heads) {
    if (head.status !== 'pending') continue
    // It waits for other contacts: they are in the scan themselves (or parked, and then so is this one).
    if (isHeldBack(head, (id) => heads.get(id)?.seq, swapped)) continue
    scan.waiting = true
    const notBefore = head.notBefore ?? 0
    if (notBefore <= at) scan.runnable.push(contactId)
    else scan.nextAt = Math.min(scan.nextAt ?? Infinity, notBefore)
  }
  return scan
}

/** Runs `task` for every item, at most `limit` at once; false when any task reported a failure. */
async function inPool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<boolean>): Promise<boolean> {
  let next = 0
  let allOk = true
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]
      if (!(await task(item))) allOk = false
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return allOk
}
