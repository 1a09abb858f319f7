// Bridge calls paced for the pull: each waits out rate limits and retries transient faults; many run with bounded concurrency.
import type { ApiError, ErrorKind, Result } from '../../../../shared/result'
import { ABORTED, sleep, unlessAborted } from './abortable'
import { backoffMs } from './backoff'
import type { RateGate } from './rate-gate'
import { syncError } from '../sync-errors'

export type Paced<T> = { status: 'ok'; data: T } | { status: 'failed'; error: ApiError } | { status: 'aborted' }

export interface CallPolicy {
  gate: RateGate
  signal: AbortSignal
  /** Retries of offline / timeout / server / unreadable answers before the call fails. */
  maxRetries: number
  /** Rate-limit waits a single call may sit through before it fails. */
  maxRateLimitWaits: number
  retryBaseMs: number
  retryCapMs: number
  /** Counts every request made, retries included, for progress and tests. */
  onRequest: () => void
}

/** Worth another try after a pause; anything else (401, 404, 422, a bug) will not get better by retrying. */
const TRANSIENT: ReadonlySet<ErrorKind> = new Set(['offline', 'timeout', 'server', 'bad_response'])

/** Sends `call` once the gate allows, again after a 429 or a transient fault, within the policy's bounds. */
export async function pacedCall<T>(call: () => Promise<Result<T>>, policy: CallPolicy): Promise<Paced<T>> {
  let retries = 0
  let rateWaits = 0
  for (;;) {
    if (!(await sleep(policy.gate.waitMs(), policy.signal))) return { status: 'aborted' }
    policy.onRequest()
    const result = await unlessAborted(callOrFailure(call), policy.signal)
    if (result === ABORTED) return { status: 'aborted' }
    if (result.ok) {
      policy.gate.succeeded()
      return { status: 'ok', data: result.data }
    }
    const error = result.error
    if (error.kind === 'rate_limited' && rateWaits < policy.maxRateLimitWaits) {
      rateWaits += 1
      policy.gate.rateLimited(error.retryAfterMs)
      continue
    }
    if (TRANSIENT.has(error.kind) && retries < policy.maxRetries) {
      const delay = backoffMs(retries, policy.retryBaseMs, policy.retryCapMs)
      retries += 1
      if (!(await sleep(delay, policy.signal))) return { status: 'aborted' }
      continue
    }
    return { status: 'failed', error }
  }
}

/** A bridge that throws (its transport to main broke) fails the call with that reason, not as a database error. */
async function callOrFailure<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call()
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause)
    return { ok: false, error: syncError('internal', { code: 'bridgeBroke', detail }) }
  }
}

/**
 * Runs `work` for each item of `queue`, in order, with at most `gate.limit` in flight. `work` may
 * push more items, or empty the queue to start no more; nothing new starts once `signal` aborts.
 */
export async function forEachPaced<T>(
  queue: T[],
  policy: Pick<CallPolicy, 'gate' | 'signal'>,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const running = new Set<Promise<void>>()
  while (queue.length > 0 || running.size > 0) {
    while (!policy.signal.aborted && running.size < policy.gate.limit && queue.length > 0) {
      const task: Promise<void> = work(queue.shift() as T).finally(() => running.delete(task))
      running.add(task)
    }
    if (running.size === 0) break
    await Promise.race(running)
  }
}
