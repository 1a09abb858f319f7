import { describe, expect, it } from 'vitest'
import { fail, ok, type ApiError, type Result } from '../../shared/result'
import { backoffDelayMs, DEFAULT_RETRY, isRetryable, NO_RETRY, retryDelayMs, retryPolicyFor, withRetry } from './retry'

const policy = { attempts: 3, baseDelayMs: 100 }
const server: ApiError = { kind: 'server', message: 'boom', status: 503 }

describe('isRetryable', () => {
  it('retries GET on offline, timeout, 5xx and 429 only', () => {
    expect(isRetryable('GET', { kind: 'offline', message: '' })).toBe(true)
    expect(isRetryable('GET', { kind: 'timeout', message: '' })).toBe(true)
    expect(isRetryable('GET', server)).toBe(true)
    expect(isRetryable('GET', { kind: 'rate_limited', message: '', retryAfterMs: 1 })).toBe(true)
    expect(isRetryable('GET', { kind: 'not_found', message: '' })).toBe(false)
    expect(isRetryable('GET', { kind: 'unauthorized', message: '' })).toBe(false)
    expect(isRetryable('GET', { kind: 'bad_response', message: '' })).toBe(false)
  })

  it('never retries a write', () => {
    for (const method of ['POST', 'PUT', 'DELETE'] as const) {
      expect(isRetryable(method, { kind: 'offline', message: '' })).toBe(false)
      expect(isRetryable(method, server)).toBe(false)
    }
  })
})

describe('backoff', () => {
  it('doubles per failure, with jitter between half and all of the step', () => {
    expect(backoffDelayMs(1, policy, () => 0)).toBe(50)
    expect(backoffDelayMs(1, policy, () => 1)).toBe(100)
    expect(backoffDelayMs(3, policy, () => 0)).toBe(200)
    expect(backoffDelayMs(3, policy, () => 1)).toBe(400)
  })

  it('is capped', () => {
    expect(backoffDelayMs(40, policy, () => 1)).toBe(10_000)
  })

  it('lets Retry-After win over backoff', () => {
    expect(retryDelayMs({ kind: 'rate_limited', message: '', retryAfterMs: 4321 }, 1, policy)).toBe(4321)
  })
})

describe('withRetry', () => {
  const run = (method: 'GET' | 'POST', outcomes: Result<string>[]) => {
    let calls = 0
    const waits: number[] = []
    const result = withRetry(
      method,
      policy,
      async () => outcomes[Math.min(calls++, outcomes.length - 1)]!,
      async (ms) => {
        waits.push(ms)
      },
    )
    return result.then((value) => ({ value, calls, waits }))
  }

  it('repeats a GET after a 5xx until it succeeds', async () => {
    const { value, calls, waits } = await run('GET', [fail(server), ok('done')])
    expect(value).toEqual(ok('done'))
    expect(calls).toBe(2)
    expect(waits).toHaveLength(1)
  })

  it('gives up after the allowed attempts', async () => {
    const { value, calls } = await run('GET', [fail(server)])
    expect(value.ok).toBe(false)
    expect(calls).toBe(3)
  })

  it('waits what Retry-After says before repeating a rate-limited GET', async () => {
    const { waits } = await run('GET', [fail({ kind: 'rate_limited', message: '', retryAfterMs: 777 }), ok('x')])
    expect(waits).toEqual([777])
  })

  it('sends a POST once, whatever the failure', async () => {
    const { calls } = await run('POST', [fail(server), ok('late')])
    expect(calls).toBe(1)
  })
})

describe('retryPolicyFor', () => {
  it("repeats only the user's calls; background callers repeat their own", () => {
    expect(retryPolicyFor('interactive')).toBe(DEFAULT_RETRY)
    const custom = { attempts: 5, baseDelayMs: 10 }
    expect(retryPolicyFor('interactive', custom)).toBe(custom)
    for (const priority of ['replay', 'pull', 'hydrate'] as const) expect(retryPolicyFor(priority, custom)).toBe(NO_RETRY)
  })
})
