// Reads one page of contacts through the bridge, waiting out rate limits and retrying transient faults.
import type { ContactPage } from '../../../shared/contact'
import type { SkylightBridge } from '../../../shared/contract'
import type { ApiError, ErrorKind } from '../../../shared/result'
import { ABORTED, sleep, unlessAborted } from './abortable'
import { backoffMs } from './backoff'
import type { RateGate } from './rate-gate'

/** The one bridge method a pull needs; tests pass a fake or a real HTTP client here. */
export type ListBridge = Pick<SkylightBridge, 'contacts.list'>

export type PageFetch =
  | { status: 'ok'; page: ContactPage }
  | { status: 'failed'; error: ApiError }
  | { status: 'aborted' }

export interface FetchPolicy {
  gate: RateGate
  signal: AbortSignal
  /** Retries of offline / timeout / server / unreadable answers before the page fails. */
  maxRetries: number
  /** Rate-limit waits a single page may sit through before it fails. */
  maxRateLimitWaits: number
  retryBaseMs: number
  retryCapMs: number
  /** Counts every call made, for progress and tests. */
  onRequest: () => void
}

/** Worth another try after a pause; anything else (401, 422, a bug) will not get better by retrying. */
const TRANSIENT: ReadonlySet<ErrorKind> = new Set(['offline', 'timeout', 'server', 'bad_response'])

export async function fetchPage(bridge: ListBridge, page: number, perPage: number, policy: FetchPolicy): Promise<PageFetch> {
  let retries = 0
  let rateWaits = 0
  for (;;) {
    if (!(await sleep(policy.gate.waitMs(), policy.signal))) return { status: 'aborted' }
    policy.onRequest()
    const result = await unlessAborted(bridge['contacts.list']({ page, per_page: perPage }), policy.signal)
    if (result === ABORTED) return { status: 'aborted' }
    if (result.ok) {
      policy.gate.succeeded()
      return { status: 'ok', page: result.data }
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
