// What a failed send means for the intent: retry later, pause the queue, or park it for the user. Pure.
import type { ApiError } from '../../../../shared/result'
import { backoffMs } from '../pacing/backoff'

export interface RetryTiming {
  baseMs: number
  capMs: number
}

export type ErrorAction =
  | { action: 'retry'; delayMs: number }
  /** The key was refused: every intent waits for a new one; nothing is dropped. */
  | { action: 'pause' }
  /** 404: the contact was deleted on the server. */
  | { action: 'gone' }
  /** 422: the user fixes the fields or discards. */
  | { action: 'invalid' }
  /** Retrying will not help (a bug on our side): the user retries or discards. */
  | { action: 'failed' }

/** `attempts` counts earlier failures of this intent. Retry-After wins over our own backoff. */
export function decideOnError(error: ApiError, attempts: number, timing: RetryTiming, random: () => number = Math.random): ErrorAction {
  switch (error.kind) {
    case 'rate_limited':
      return { action: 'retry', delayMs: error.retryAfterMs }
    case 'offline':
    case 'timeout':
    case 'server':
    case 'bad_response':
      return { action: 'retry', delayMs: backoffMs(attempts, timing.baseMs, timing.capMs, random) }
    case 'unauthorized':
    case 'signed_out':
      return { action: 'pause' }
    case 'not_found':
      return { action: 'gone' }
    case 'validation':
      return { action: 'invalid' }
    case 'forbidden':
    case 'internal':
      return { action: 'failed' }
  }
}

/**
 * Whether the request surely never took effect. Otherwise (no answer, a 5xx that may come from a
 * proxy after the write, an unreadable answer) a create or note is looked up before it is re-sent.
 */
export function surelyNotApplied(error: ApiError): boolean {
  return ['rate_limited', 'unauthorized', 'signed_out', 'not_found', 'validation', 'forbidden'].includes(error.kind)
}
