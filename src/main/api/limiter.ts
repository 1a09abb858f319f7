// One queue per account that keeps the client under the server's rate limit and bounds concurrency.
import { createHash } from 'node:crypto'
import { DEFAULT_RETRY_AFTER_MS, rateLimitRemaining, retryAfterMs } from './rate-headers'

/** What a task reports back so the limiter can learn the server's limits. */
export interface Attempt<T> {
  value: T
  /** HTTP status, when a response arrived. */
  status?: number
  headers?: Headers
}

export interface RateLimiter {
  /** Runs the task when the limits allow; resolves with its value, rejects with its exception. */
  run<T>(task: () => Promise<Attempt<T>>): Promise<T>
}

export interface RateLimiterOptions {
  /** Calls in flight at once (default 6, a browser's per-host connection count). */
  maxConcurrent?: number
  /** Hold after the window is spent when the server gives no Retry-After (default 1 s). */
  fallbackHoldMs?: number
}

/** Slack after a spent window, for the server's clock and the trip there. */
const WINDOW_MARGIN_MS = 50

/**
 * Holds every new call while the server asks us to wait (Retry-After, or X-RateLimit-Remaining
 * spent), so a burst costs at most one 429 instead of a storm of them.
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const maxConcurrent = Math.max(1, options.maxConcurrent ?? 6)
  const fallbackHoldMs = options.fallbackHoldMs ?? DEFAULT_RETRY_AFTER_MS
  const queue: Array<(seq: number) => void> = []
  const inFlight = new Set<number>()
  let nextSeq = 0
  // Calls we may still start in this window; null when the server sends no rate headers. It starts
  // at 1: the first call learns how much of the window is left before a burst follows it.
  let budget: number | null = 1
  let heldUntil = 0
  /** When the first call of the current window went out: a spent window is waited out from there. */
  let windowStartedAt: number | null = null
  let timer: ReturnType<typeof setTimeout> | undefined

  function holdFor(ms: number, from: number = Date.now()): void {
    heldUntil = Math.max(heldUntil, from + ms)
    // After a hold we do not know the new window: one probe call learns it before the rest follow.
    budget = 1
    windowStartedAt = null
  }

  function settle(seq: number, status: number | undefined, headers: Headers | undefined): void {
    inFlight.delete(seq)
    if (!headers) {
      // Nothing learned (no response): let one probe go rather than wait for news that will not come.
      if (budget !== null && budget <= 0 && inFlight.size === 0) budget = 1
      return
    }
    const wait = retryAfterMs(headers) ?? (status === 429 ? fallbackHoldMs : null)
    if (wait !== null) return holdFor(wait)
    const remaining = rateLimitRemaining(headers)
    if (remaining === null) {
      budget = null
      return
    }
    // Calls started after this one were probably not yet counted by the server.
    let startedLater = 0
    for (const other of inFlight) if (other > seq) startedLater++
    budget = remaining - startedLater
    if (budget <= 0 && startedLater === 0) {
      // The window is spent and no reset time is known: wait out a window counted from its first
      // call (not from now, which would waste the time the burst took), then probe.
      if (Date.now() < heldUntil) budget = 1
      else holdFor(fallbackHoldMs + WINDOW_MARGIN_MS, windowStartedAt ?? Date.now())
    }
  }

  function pump(): void {
    const wait = heldUntil - Date.now()
    if (wait > 0) {
      clearTimeout(timer)
      timer = setTimeout(pump, wait)
      return
    }
    while (queue.length > 0 && inFlight.size < maxConcurrent && (budget === null || budget > 0)) {
      const seq = nextSeq++
      windowStartedAt ??= Date.now()
      inFlight.add(seq)
      if (budget !== null) budget--
      queue.shift()!(seq)
    }
  }

  return {
    run<T>(task: () => Promise<Attempt<T>>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push((seq) => {
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
        })
        pump()
      })
    },
  }
}

const shared = new Map<string, RateLimiter>()

/** The limiter every client of one account shares; keyed by a hash so the map never holds the key. */
export function sharedLimiter(baseUrl: string, apiKey: string): RateLimiter {
  const id = `${baseUrl}\n${createHash('sha256').update(apiKey).digest('hex')}`
  let limiter = shared.get(id)
  if (!limiter) {
    limiter = createRateLimiter()
    shared.set(id, limiter)
  }
  return limiter
}
