// When and how long to wait before repeating a failed call: only the user's GETs, with backoff and jitter.
import type { CallPriority } from '../../shared/contract'
import type { ApiError, Result } from '../../shared/result'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number
  baseDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 300 }
/** One try: the caller repeats the call itself. */
export const NO_RETRY: RetryPolicy = { attempts: 1, baseDelayMs: 0 }

/**
 * Retries live in one layer. The user's own reads are repeated here, since nobody else would; a
 * background caller (replay, pull, hydration) repeats its calls in the page, where its pacing counts
 * every request and a quit aborts the wait, so main tries those once: a page read then costs at most
 * the pull's tries, not main's times the pull's.
 */
export function retryPolicyFor(priority: CallPriority, interactive: RetryPolicy = DEFAULT_RETRY): RetryPolicy {
  return priority === 'interactive' ? interactive : NO_RETRY
}
const MAX_BACKOFF_MS = 10_000

/**
 * Only GET is safe to repeat: a POST whose response was lost may have been applied (create is not
 * idempotent, blacklist toggles), so writes are left to the outbox, which checks the server first.
 */
export function isRetryable(method: HttpMethod, error: ApiError): boolean {
  if (method !== 'GET') return false
  switch (error.kind) {
    case 'offline':
    case 'timeout':
    case 'rate_limited':
      return true
    case 'server':
      return error.status >= 500
    default:
      return false
  }
}

/** Exponential backoff with "equal jitter": half the delay fixed, half random, so clients spread out. */
export function backoffDelayMs(failures: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, policy.baseDelayMs * 2 ** Math.max(0, failures - 1))
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

/** The server's Retry-After wins over our own backoff. */
export function retryDelayMs(error: ApiError, failures: number, policy: RetryPolicy, random: () => number = Math.random): number {
  return error.kind === 'rate_limited' ? error.retryAfterMs : backoffDelayMs(failures, policy, random)
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Runs `once` until it succeeds, fails for good, or the policy's attempts are spent. */
export async function withRetry<T>(
  method: HttpMethod,
  policy: RetryPolicy,
  once: () => Promise<Result<T>>,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<Result<T>> {
  for (let failures = 1; ; failures++) {
    const result = await once()
    if (result.ok || failures >= policy.attempts || !isRetryable(method, result.error)) return result
    await wait(retryDelayMs(result.error, failures, policy))
  }
}
