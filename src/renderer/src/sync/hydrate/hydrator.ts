// Fills the mirror with every contact's details and notes in the background, within hydration's share of the API budget.
import type { ApiError } from '../../../../shared/result'
import type { ContactsDb } from '../../db/database'
import { unlessClosed } from '../../db/unless-closed'
import { platformLocks, type LockManagerLike } from '../outbox'
import { backoffMs } from '../pacing/backoff'
import { sleep } from '../pacing/abortable'
import { listRowsFull } from '../pull/list-rows'
import type { Reachability } from '../session/connectivity'
import { hydrateContact, type ContactOutcome, type HydrateBridge } from './hydrate-contact'
import { isPaused, keptOfflineFirst, setPaused } from './hydration-marks'
import { recentContacts } from '../../db/recent-contacts'
import { planHydration, type HydrationTask } from './hydration-plan'
import { Waker } from './waker'

/** Details and notes read longer ago than this are read again (the user's setting; this is its default). */
export const DEFAULT_REFRESH_MS = 24 * 3_600_000

export type HydrationStatus = 'stopped' | 'planning' | 'running' | 'waiting' | 'done' | 'paused' | 'offline' | 'unauthorized'

export interface HydrationState {
  status: HydrationStatus
  /** Contacts on the server the mirror holds. */
  total: number
  /** Of those, contacts whose details and notes have both been read. */
  hydrated: number
  /** Requests this round still has to make. */
  requestsLeft: number
  /** Hydration's requests per second over the last minute, null until measured. */
  perSecond: number | null
  /** Time left at that rate, null until measured. */
  etaMs: number | null
}

export interface Hydrator {
  readonly state: HydrationState
  start(): void
  /** Aborts at once: any wait, any call in flight (its late answer is ignored). */
  stop(): Promise<void>
  /** Plan again now: a pull completed, a contact was opened, a mark changed. */
  request(): void
  /** The user's pause and resume, kept across restarts. */
  pause(): Promise<void>
  resume(): Promise<void>
  setRefreshMs(ms: number): void
}

export interface HydratorOptions {
  db: ContactsDb
  bridge: HydrateBridge
  /** Whether the API answers (the session's connectivity): hydration waits while offline or refused. */
  reachability?: { readonly state: Reachability; subscribe(listener: (state: Reachability) => void): () => void }
  onChange?: (state: HydrationState) => void
  refreshMs?: number
  /**
   * Contact ids by name, as the list shows them (the search index knows that order; the mirror keeps no name in
   * clear to sort by). Default: by id.
   */
  namesOrder?: () => Promise<readonly number[]>
  /** Contacts read at once; main's limiter paces the requests. Default 2. */
  concurrency?: number
  /** A contact that could not be read is left alone this long. Default 60 s. */
  deferMs?: number
  /** Backoff after a round that failed (offline, 5xx). Default 1 s doubling to 60 s. */
  retryBaseMs?: number
  retryCapMs?: number
  locks?: LockManagerLike
  now?: () => number
  onError?: (error: unknown) => void
}

/** Rate measured over this window. */
const RATE_WINDOW_MS = 60_000

type Halt = 'offline' | 'unauthorized' | 'backoff' | 'replan' | 'aborted' | null

export function createHydrator(options: HydratorOptions): Hydrator {
  const { db } = options
  const now = options.now ?? Date.now
  const concurrency = Math.max(1, options.concurrency ?? 2)
  const deferMs = options.deferMs ?? 60_000
  const locks = options.locks ?? platformLocks()
  let refreshMs = options.refreshMs ?? DEFAULT_REFRESH_MS
  const state: HydrationState = { status: 'stopped', total: 0, hydrated: 0, requestsLeft: 0, perSecond: null, etaMs: null }
  const waker = new Waker()
  /** Contacts that failed or changed while read: skipped until then (epoch ms). */
  const deferred = new Map<number, number>()
  /** When each recent request finished, for the rate. */
  const finished: number[] = []
  let replan = false
  let userPaused: boolean | null = null
  let control: AbortController | null = null
  let running: Promise<void> | null = null
  let offReach: () => void = () => {}

  const changed = () => options.onChange?.({ ...state })
  const setStatus = (status: HydrationStatus) => {
    if (state.status === status) return
    state.status = status
    changed()
  }

  function countRequests(count: number): void {
    const at = now()
    for (let i = 0; i < count; i += 1) finished.push(at)
    while (finished.length > 0 && finished[0]! < at - RATE_WINDOW_MS) finished.shift()
    state.requestsLeft = Math.max(0, state.requestsLeft - count)
    // From the first request in the window: a pause (idle, offline) before it does not dilute the rate.
    const span = at - (finished[0] ?? at)
    state.perSecond = span >= 1_000 ? (finished.length - 1) / (span / 1_000) : null
    state.etaMs = state.perSecond ? (state.requestsLeft / state.perSecond) * 1_000 : null
  }

  async function loop(signal: AbortSignal): Promise<void> {
    userPaused ??= await isPaused(db)
    let failures = 0
    while (!signal.aborted) {
      if (userPaused) {
        setStatus('paused')
        await waker.wait(Infinity, signal)
        continue
      }
      const reach = options.reachability?.state
      if (reach === 'offline' || reach === 'unauthorized') {
        setStatus(reach)
        await waker.wait(Infinity, signal)
        continue
      }
      replan = false
      setStatus('planning')
      const plan = await planHydration(db, {
        now: now(),
        refreshMs,
        listRowsFull: await listRowsFull(db),
        recent: await recentContacts(db),
        byName: (await options.namesOrder?.()) ?? [],
        keepFirst: await keptOfflineFirst(db),
      })
      const at = now()
      for (const [id, until] of deferred) if (until <= at) deferred.delete(id)
      const tasks = plan.tasks.filter((task) => !deferred.has(task.id))
      state.total = plan.total
      state.hydrated = plan.hydrated
      state.requestsLeft = tasks.reduce((sum, task) => sum + Number(task.details) + Number(task.notes), 0)
      if (tasks.length === 0) {
        // Done only when nothing is due at all; contacts set aside for a while keep it waiting.
        setStatus(plan.tasks.length === 0 ? 'done' : 'waiting')
        const nextAt = Math.min(plan.nextDueAt ?? Infinity, ...deferred.values())
        await waker.wait(nextAt - now(), signal)
        continue
      }
      setStatus('running')
      const halt = await runTasks(tasks, signal)
      if (halt === 'offline' || halt === 'unauthorized' || halt === 'backoff') {
        failures += 1
        if (halt !== 'backoff' && options.reachability?.state === halt) setStatus(halt)
        await waker.wait(backoffMs(failures - 1, options.retryBaseMs ?? 1_000, options.retryCapMs ?? 60_000), signal)
      } else failures = 0
    }
  }

  /** Reads the tasks in order, a few contacts at once, until done or something says stop. */
  async function runTasks(tasks: HydrationTask[], signal: AbortSignal): Promise<Halt> {
    let next = 0
    let halt: Halt = null
    const worker = async () => {
      while (halt === null && next < tasks.length) {
        if (signal.aborted) halt = 'aborted'
        else if (replan || userPaused) halt = 'replan'
        if (halt !== null) break
        const task = tasks[next++]!
        const outcome = await hydrateContact({ db, bridge: options.bridge, signal, now }, task)
        halt ??= await settle(task, outcome, signal)
      }
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker))
    return halt
  }

  /** Counts the outcome; says whether the round must stop (and why). */
  async function settle(task: HydrationTask, outcome: ContactOutcome, signal: AbortSignal): Promise<Halt> {
    countRequests(outcome.requests)
    switch (outcome.status) {
      case 'aborted':
        return 'aborted'
      case 'gone':
        state.total = Math.max(0, state.total - 1)
        changed()
        return null
      case 'read':
        if (outcome.complete) state.hydrated = Math.min(state.total, state.hydrated + (task.hydrated ? 0 : 1))
        else deferred.set(task.id, now() + deferMs)
        changed()
        return null
      case 'failed': {
        const halt = await haltFor(outcome.error, signal)
        // Offline, a refused key or a 429 say nothing about this contact: it stays first. A refusal or a
        // fault (5xx) answered for it leaves it aside a while, so one bad contact cannot hold up the rest.
        if (halt !== 'offline' && halt !== 'unauthorized' && outcome.error.kind !== 'rate_limited') deferred.set(task.id, now() + deferMs)
        return halt
      }
    }
  }

  async function haltFor(error: ApiError, signal: AbortSignal): Promise<Halt> {
    switch (error.kind) {
      case 'offline':
      case 'timeout':
        return 'offline'
      case 'unauthorized':
      case 'signed_out':
        return 'unauthorized'
      case 'rate_limited':
        // Main's limiter already waited and retried: this is the server insisting.
        await sleep(error.retryAfterMs, signal)
        return null
      case 'server':
      case 'bad_response':
      case 'internal':
        return 'backoff'
      default:
        // A refusal about this contact alone (422, 403): the others go on.
        return null
    }
  }

  return {
    get state() {
      return state
    },
    start() {
      if (running) return
      const stop = new AbortController()
      control = stop
      offReach = options.reachability?.subscribe(() => waker.poke()) ?? (() => {})
      running = locks
        // Signing out may close the mirror a moment before the session stops: nothing is left to do then.
        .request(`skylight-hydrate:${db.name}`, { signal: stop.signal }, () => unlessClosed(loop(stop.signal)))
        .catch((error: unknown) => {
          if (!stop.signal.aborted) (options.onError ?? console.error)(error)
        })
        .finally(() => setStatus('stopped'))
    },
    async stop() {
      control?.abort()
      waker.poke()
      offReach()
      await running
      running = null
      control = null
    },
    request() {
      replan = true
      waker.poke()
    },
    async pause() {
      userPaused = true
      await setPaused(db, true)
      waker.poke()
    },
    async resume() {
      userPaused = false
      await setPaused(db, false)
      replan = true
      waker.poke()
    },
    setRefreshMs(ms) {
      if (ms === refreshMs) return
      refreshMs = ms
      replan = true
      waker.poke()
    },
  }
}
