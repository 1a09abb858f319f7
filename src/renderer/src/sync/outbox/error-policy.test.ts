import { describe, expect, it } from 'vitest'
import type { ApiError } from '../../../../shared/result'
import { decideOnError, surelyNotApplied } from './error-policy'

const timing = { baseMs: 1000, capMs: 60_000 }

describe('what a failed send means', () => {
  it.each<[ApiError, string, boolean]>([
    [{ kind: 'offline', message: '' }, 'retry', false],
    [{ kind: 'timeout', message: '' }, 'retry', false],
    [{ kind: 'server', message: '', status: 503 }, 'retry', false],
    [{ kind: 'bad_response', message: '' }, 'retry', false],
    [{ kind: 'rate_limited', message: '', retryAfterMs: 1 }, 'retry', true],
    [{ kind: 'unauthorized', message: '' }, 'pause', true],
    [{ kind: 'signed_out', message: '' }, 'pause', true],
    [{ kind: 'not_found', message: '' }, 'gone', true],
    [{ kind: 'validation', message: '', fields: { phone: ['taken'] } }, 'invalid', true],
    [{ kind: 'internal', message: '' }, 'failed', false],
  ])('%o → %s', (error, action, notApplied) => {
    expect(decideOnError(error, 0, timing).action).toBe(action)
    expect(surelyNotApplied(error)).toBe(notApplied)
  })

  it('waits what Retry-After says, over its own backoff', () => {
    expect(decideOnError({ kind: 'rate_limited', message: '', retryAfterMs: 7000 }, 5, timing)).toEqual({ action: 'retry', delayMs: 7000 })
  })

  it('backs off exponentially with jitter, capped', () => {
    const offline: ApiError = { kind: 'offline', message: '' }
    expect(decideOnError(offline, 0, timing, () => 0)).toEqual({ action: 'retry', delayMs: 500 })
    expect(decideOnError(offline, 3, timing, () => 1)).toEqual({ action: 'retry', delayMs: 8000 })
    expect(decideOnError(offline, 20, timing, () => 1)).toEqual({ action: 'retry', delayMs: 60_000 })
  })
})
