// Runs pulls one at a time: on request (start, reconnect, Ctrl/Cmd+R) and on a timer; says how far it is.
import type { ContactsDb } from '../../db/database'
import { pullContacts, type PullBridge, type PullOptions, type PullOutcome, type PullProgress } from './puller'

/** A full re-read every few minutes keeps the mirror close to what other users change. */
export const PULL_INTERVAL_MS = 5 * 60_000

export interface PullRunnerState {
  running: boolean
  /** The running pull's progress, null between pulls. */
  progress: PullProgress | null
  last: PullOutcome | null
}

export interface PullRunner {
  readonly state: PullRunnerState
  /** Starts a pull, or one more right after the one running (changes may have come meanwhile). */
  request(): void
  /** Aborts the running pull (its checkpoint lets the next one resume) and stops the timer. */
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
}

export function createPullRunner(options: PullRunnerOptions): PullRunner {
  const pull = options.pull ?? pullContacts
  const state: PullRunnerState = { running: false, progress: null, last: null }
  let again = false
  let stopped = false
  let abort: AbortController | null = null
  let current: Promise<void> = Promise.resolve()
  const timer = setInterval(() => request(), options.intervalMs ?? PULL_INTERVAL_MS)

  const changed = () => options.onChange({ ...state })

  async function runOnce(): Promise<void> {
    abort = new AbortController()
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
    if (outcome.status === 'completed') await options.onCompleted?.(outcome)
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
    async stop() {
      stopped = true
      clearInterval(timer)
      abort?.abort()
      await current
    },
  }
}
