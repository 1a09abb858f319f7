// One queue per account: keeps the client under the server's rate limit, serves the most urgent calls first,
// and keeps background work to its share of the limit.
import { createHash } from 'node:crypto'
import { CALL_PRIORITIES, type CallPriority } from '../../shared/contract'
import { DEFAULT_RETRY_AFTER_MS, rateLimitLimit, rateLimitRemaining, retryAfterMs } from './rate-headers'

/** What a task reports back so the limiter can learn the server's limits. */
export interface Attempt<T> {
  value: T
  /** HTTP status, when a response arrived. */
  status?: number
  headers?: Headers
}

/** The classes that may be held to a share of the limit: every one but the user's own calls. */
export type SharedPriority = Exclude<CallPriority, 'interactive'>

/**
 * Of the server's limit per window, how much each class may have used when it starts a call. A class
 * stops at its share, so the calls above it always find the rest: replay leaves the user a tenth,
 * the pull a fifth, hydration half (a user setting).
 */
export const DEFAULT_SHARES: Readonly<Record<SharedPriority, number>> = { replay: 0.9, pull: 0.8, hydrate: 0.5 }

export interface RateLimiter {
  /** Runs the task when the limits allow, after every waiting call of a higher class; resolves with its value, rejects with its exception. */
  run<T>(task: () => Promise<Attempt<T>>, priority?: CallPriority): Promise<T>
  /** Changes a class's share of the limit (0 < share ≤ 1), from its next call on. */
  setShare(priority: SharedPriority, share: number): void
}

export interface QueueWait {
  priority: CallPriority
  /** From `run` to the task's start. */
  waitedMs: number
}

export interface RateLimiterOptions {
  /** Calls in flight at once (default 6, a browser's per-host connection count); one of them is kept for the user's calls. */
  maxConcurrent?: number
  /**
   * The server's window until it shows another (the time after the window's first call before a
   * spent window is probed again), and the hold after a 429 without Retry-After. Default 1 s.
   */
  fallbackHoldMs?: number
  shares?: Partial<Record<SharedPriority, number>>
  /** Told as each call starts how long it queued: for the bench and tests. */
  onStart?: (wait: QueueWait) => void
}

/**
 * Slack after a window's assumed end, for timers firing early. The window is counted from its first
 * answer, after the server opened it, so the trip there needs no slack.
 */
const WINDOW_MARGIN_MS = 20
/** The longest window the limiter believes in (a longer Retry-After is still obeyed). */
const MAX_WINDOW_MS = 10 * 60_000
/**
 * Probes that found a window still running before its length is learned anew: fewer is jitter (a probe
 * a little early), more means the window is longer than the guess.
 */
const EARLY_PROBES_TO_RELEARN = 3

interface Waiting {
  queuedAt: number
  start: (seq: number) => void
}

const clampShare = (share: number): number => (Number.isFinite(share) ? Math.min(1, Math.max(0.01, share)) : 1)

/**
 * Holds every new call while the server asks us to wait (Retry-After, or X-RateLimit-Remaining
 * spent), so a burst costs at most one 429 instead of a storm of them. Within that, a higher class
 * always starts first; a lower one never starts while a higher one waits, never takes the last
 * connection (kept for the user), and stops at its share of the window.
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const maxConcurrent = Math.max(1, options.maxConcurrent ?? 6)
  const fallbackHoldMs = options.fallbackHoldMs ?? DEFAULT_RETRY_AFTER_MS
  const shares: Record<CallPriority, number> = { interactive: 1, ...DEFAULT_SHARES }
  for (const [priority, share] of Object.entries(options.shares ?? {})) shares[priority as SharedPriority] = clampShare(share)
  const queues: Record<CallPriority, Waiting[]> = { interactive: [], replay: [], pull: [], hydrate: [] }
  /** Sequence numbers of the calls in flight. */
  const inFlight = new Set<number>()
  let nextSeq = 0
  /**
   * Calls the server still allows in this window: 'unknown' until an answer says (one call at a time
   * goes, to learn it), 'unlimited' when the server sends no counts.
   */
  let left: number | 'unknown' | 'unlimited' = 'unknown'
  /** The server's calls per window: announced, or the most it was seen to allow. */
  let limit: number | null = null
  let heldUntil = 0
  let windowMs = fallbackHoldMs
  /**
   * When the first call of the current window was answered (when it went out, until then): the server
   * opened the window before that, so a spent window waited out from there is never probed too early.
   */
  let windowStartedAt: number | null = null
  /** Answers of calls started before this one were counted in an earlier window. */
  let windowFirstSeq = 0
  /** The lowest count the window's answers gave, and which call gave it: a later call answering more means a new window. */
  let lowest: { remaining: number; seq: number } | null = null
  /** What was left when the limiter stopped to wait for the window's end; the probe after it tells whether it had ended. */
  let leftBeforeProbe: number | null = null
  /** Probes in a row that found the window still running: each waits twice as long past the guess as the one before. */
  let earlyProbes = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  /** Calls a class must leave to the classes above it in each window. */
  function reserveOf(priority: CallPriority): number {
    if (limit === null || priority === 'interactive') return 0
    return limit - Math.max(1, Math.floor(limit * shares[priority] + 1e-9))
  }

  function mayStart(priority: CallPriority): boolean {
    const connections = priority === 'interactive' || maxConcurrent === 1 ? maxConcurrent : maxConcurrent - 1
    if (inFlight.size >= connections) return false
    if (left === 'unlimited') return true
    if (left === 'unknown') return inFlight.size === 0
    return left > reserveOf(priority)
  }

  function holdFor(ms: number): void {
    const now = Date.now()
    heldUntil = Math.max(heldUntil, now + ms)
    // The server named the window's end: a window is at least that long from its first call.
    if (windowStartedAt !== null) windowMs = Math.min(MAX_WINDOW_MS, Math.max(windowMs, heldUntil - windowStartedAt))
    // After a hold we do not know the new window: one probe call learns it before the rest follow.
    left = 'unknown'
    windowStartedAt = null
    lowest = null
    leftBeforeProbe = null
    earlyProbes = 0
  }

  function learnCount(seq: number, remaining: number, announced: number | null): void {
    limit = announced ?? Math.max(limit ?? 0, remaining + 1)
    // Calls started after this one were probably not yet counted by the server.
    let startedLater = 0
    for (const other of inFlight) if (other > seq) startedLater++
    const estimate = remaining - startedLater
    let newWindow = false
    if (leftBeforeProbe !== null) {
      // The probe after a wait: fewer left than before means the window had not ended yet.
      if (remaining < leftBeforeProbe) earlyProbes++
      else {
        newWindow = true
        if (earlyProbes >= EARLY_PROBES_TO_RELEARN && windowStartedAt !== null) {
          windowMs = Math.min(MAX_WINDOW_MS, Date.now() - windowStartedAt - WINDOW_MARGIN_MS)
        }
        earlyProbes = 0
      }
      leftBeforeProbe = null
    } else if (lowest !== null && seq > lowest.seq && remaining > lowest.remaining) {
      newWindow = true
    }
    if (newWindow) {
      windowStartedAt = Date.now()
      windowFirstSeq = seq
      lowest = null
    } else if (seq === windowFirstSeq) {
      windowStartedAt = Date.now()
    }
    if (lowest === null || remaining < lowest.remaining) lowest = { remaining, seq }
    left = newWindow || typeof left !== 'number' ? estimate : Math.min(left, estimate)
  }

  function settle(seq: number, status: number | undefined, headers: Headers | undefined): void {
    inFlight.delete(seq)
    // Nothing learned (no response): an unknown window lets the next probe go; a counted one stays counted.
    if (!headers) return
    const wait = retryAfterMs(headers) ?? (status === 429 ? fallbackHoldMs : null)
    if (wait !== null) return holdFor(wait)
    const remaining = rateLimitRemaining(headers)
    if (remaining === null) {
      left = 'unlimited'
      return
    }
    if (seq >= windowFirstSeq) learnCount(seq, remaining, rateLimitLimit(headers))
  }

  function start(priority: CallPriority, now: number): void {
    const waiting = queues[priority].shift()!
    const seq = nextSeq++
    if (windowStartedAt === null) {
      windowStartedAt = now
      windowFirstSeq = seq
    }
    inFlight.add(seq)
    if (typeof left === 'number') left--
    options.onStart?.({ priority, waitedMs: now - waiting.queuedAt })
    waiting.start(seq)
  }

  function wakeAt(at: number, then: () => void = pump): void {
    clearTimeout(timer)
    timer = setTimeout(then, Math.max(0, at - Date.now()))
  }

  function pump(): void {
    clearTimeout(timer)
    const now = Date.now()
    if (now < heldUntil) return wakeAt(heldUntil)
    let blocked = false
    for (const priority of CALL_PRIORITIES) {
      while (queues[priority].length > 0 && mayStart(priority)) start(priority, now)
      // Strict order: nothing of a lower class starts while a higher one waits.
      if (queues[priority].length > 0) {
        blocked = true
        break
      }
    }
    // Waiting with nothing in flight whose answer could tell more: the window is spent for the waiting class.
    // Wait for its end, counted from its first answer (not from now, which would waste the time the burst took), then probe.
    if (blocked && inFlight.size === 0) {
      wakeAt((windowStartedAt ?? now) + windowMs + WINDOW_MARGIN_MS * 2 ** earlyProbes, () => {
        leftBeforeProbe = typeof left === 'number' ? left : null
        left = 'unknown'
        pump()
      })
    }
  }

  return {
    run<T>(task: () => Promise<Attempt<T>>, priority: CallPriority = 'interactive'): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queues[priority].push({
          queuedAt: Date.now(),
          start: (seq) => {
            Promise.resolve()
              .then(task)
              .then(
                (attempt) => {
                  settle(seq, attempt.status, attempt.headers)
                  resolve(attempt.value)
                },
                (error: unknown) => {
                  settle(seq, undefined, undefined)
                  reject(error)
                },
              )
              .finally(pump)
          },
        })
        pump()
      })
    },
    setShare(priority, share) {
      shares[priority] = clampShare(share)
      pump()
    },
  }
}

const shared = new Map<string, RateLimiter>()
let hydrateShare = DEFAULT_SHARES.hydrate

/** The limiter every client of one account shares; keyed by a hash so the map never holds the key. */
export function sharedLimiter(baseUrl: string, apiKey: string): RateLimiter {
  const id = `${baseUrl}\n${createHash('sha256').update(apiKey).digest('hex')}`
  let limiter = shared.get(id)
  if (!limiter) {
    limiter = createRateLimiter({ shares: { hydrate: hydrateShare } })
    shared.set(id, limiter)
  }
  return limiter
}

/** The user's setting: hydration's share of the limit, for every account's limiter now and later. */
export function setSharedHydrateShare(share: number): void {
  hydrateShare = clampShare(share)
  for (const limiter of shared.values()) limiter.setShare('hydrate', hydrateShare)
}
