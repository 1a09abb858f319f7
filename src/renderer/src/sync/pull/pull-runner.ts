// Runs pulls one at a time: on request (start, reconnect, Ctrl/Cmd+R) and on a timer; says how far it is.
import type { ContactsDb } from '../../db/database'
import { backoffMs } from '../pacing/backoff'
import { pullContacts, type PullBridge, type PullOptions, type PullOutcome, type PullProgress } from './puller'

/** A full re-read every few minutes keeps the mirror close to what other users change. */
export const PULL_INTERVAL_MS = 5 * 60_000
/**
 * A pull whose last pass still saw the server's set change may show contacts deleted meanwhile:
 * it is read again soon, first after about this long, doubling while the drift goes on.
 */
export const DRIFT_RECHECK_BASE_MS = 15_000
/** Drift re-checks back off up to this; the regular interval takes over when it is shorter. */
export const DRIFT_RECHECK_CAP_MS = 4 * 60_000

export interface PullRunnerState {
  running: boolean
  /** The running pull's progress, null between pulls. */
  progress: PullProgress | null
  last: PullOutcome | null
  /** When the server was still changing at the end of the last pull: the time (ms) of the early re-check. */
  recheckAt: number | null
}

export interface PullRunner {
  readonly state: PullRunnerState
  /** Starts a pull, or one more right after the one running (changes may have come meanwhile). */
  request(): void
  /** Aborts the running pull (its checkpoint lets the next one resume) and stops the timer. */
  /** The regular re-read from now on comes every `ms` (the user's setting); the next one `ms` from now. */
  setIntervalMs(ms: number): void
  stop(): Promise<void>
}

export interface PullRunnerOptions {
  db: ContactsDb
  bridge: PullBridge
  onChange: (state: PullRunnerState) => void
  /** After a pull that read every page: the search worker folds the changes and saves its snapshot. */
  onCompleted?: (outcome: Extract<PullOutcome, { status: 'completed' }>) => Promise<unknown> | void
  intervalMs?: number
  pull?: typeof pullContacts
  pullOptions?: Omit<PullOptions, 'signal' | 'onProgress'>
  /** The first drift re-check delay, doubled per inconsistent pull in a row. */
  recheckBaseMs?: number
  random?: () => number
}

export function createPullRunner(options: PullRunnerOptions): PullRunner {
  const pull = options.pull ?? pullContacts
  const state: PullRunnerState = { running: false, progress: null, last: null, recheckAt: null }
  let interval = options.intervalMs ?? PULL_INTERVAL_MS
  let again = false
  /** Inconsistent pulls in a row: the drift re-check backs off with each. */
  let drifting = 0
  let recheck: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  let abort: AbortController | null = null
  let current: Promise<void> = Promise.resolve()
  let timer = setInterval(() => request(), interval)

  const changed = () => options.onChange({ ...state })

  async function runOnce(): Promise<void> {
    abort = new AbortController()
    clearTimeout(recheck)
    state.recheckAt = null
    state.running = true
    state.progress = null
    changed()
    const outcome = await pull(options.db, options.bridge, {
      ...options.pullOptions,
      signal: abort.signal,
      onProgress: (progress) => {
        state.progress = progress
        changed()
      },
    })
    abort = null
    state.last = outcome
    if (outcome.status === 'completed') {
      scheduleRecheck(outcome.consistent)
      await options.onCompleted?.(outcome)
    }
    state.running = false
    state.progress = null
    changed()
  }

  async function loop(): Promise<void> {
    do {
      again = false
      await runOnce().catch(() => {
        state.running = false
        changed()
      })
    } while (again && !stopped)
  }

  /** After a completed pull: a drifting server is read again soon, with backoff; a settled one waits for the interval. */
  function scheduleRecheck(consistent: boolean): void {
    clearTimeout(recheck)
    drifting = consistent ? 0 : drifting + 1
    const delay = backoffMs(drifting - 1, options.recheckBaseMs ?? DRIFT_RECHECK_BASE_MS, DRIFT_RECHECK_CAP_MS, options.random)
    if (consistent || stopped || delay >= interval) {
      state.recheckAt = null
      return
    }
    state.recheckAt = Date.now() + delay
    recheck = setTimeout(() => request(), delay)
  }

  function request(): void {
    if (stopped) return
    if (state.running) {
      again = true
      return
    }
    current = loop()
  }

  return {
    get state() {
      return state
    },
    request,
    setIntervalMs(ms) {
      if (stopped || ms === interval) return
      interval = ms
      clearInterval(timer)
      timer = setInterval(() => request(), interval)
    },
    async stop() {
      stopped = true
      clearInterval(timer)
      clearTimeout(recheck)
      abort?.abort()
      await current
    },
  }
}
