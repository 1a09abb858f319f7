import { afterEach, describe, expect, it } from 'vitest'
import type { Contact, ContactRow } from '../../shared/contact'
import { FixedWindowLimiter, latencyFor } from './knobs'
import { mulberry32 } from '../prng'
import { startSandbox, type Sandbox, type SandboxOptions } from './knobbed-sandbox'
import { testClient } from '../test-support/test-client'

let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

async function start(options: SandboxOptions): Promise<{ sandbox: Sandbox; api: ReturnType<typeof testClient> }> {
  sandbox = await startSandbox({ contacts: 30, seed: 3, ...options })
  return { sandbox, api: testClient(sandbox) }
}

describe('rate limit', () => {
  it('counts down X-RateLimit-Remaining, answers 429 with Retry-After, and recovers after the window', async () => {
    const { sandbox, api } = await start({ knobs: { rateLimit: { limit: 3, windowMs: 400 } } })
    const remaining: (string | null)[] = []
    for (let i = 0; i < 3; i++) {
      const answer = await api.get('/api/v1/contacts/1')
      expect(answer.status).toBe(200)
      expect(answer.headers.get('x-ratelimit-limit')).toBe('3')
      remaining.push(answer.headers.get('x-ratelimit-remaining'))
    }
    expect(remaining).toEqual(['2', '1', '0'])

    const limited = await api.get('/api/v1/contacts/1')
    expect(limited.status).toBe(429)
    expect(limited.body.success).toBe(false)
    expect(limited.headers.get('retry-after')).toBe('1')
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(sandbox.stats.rateLimited).toBe(1)

    await new Promise((resolve) => setTimeout(resolve, 450))
    const recovered = await api.get('/api/v1/contacts/1')
    expect(recovered.status).toBe(200)
    expect(recovered.headers.get('x-ratelimit-remaining')).toBe('2')
  })

  it('sends no rate-limit headers when the limit is off', async () => {
    const { api } = await start({})
    expect((await api.get('/api/v1/contacts/1')).headers.has('x-ratelimit-limit')).toBe(false)
  })

  it('rounds Retry-After up to whole seconds of the window left', () => {
    const limiter = new FixedWindowLimiter()
    const rule = { limit: 1, windowMs: 5000 }
    expect(limiter.check('k', rule, 0).limited).toBe(false)
    expect(limiter.check('k', rule, 1200)).toEqual({ limited: true, limit: 1, remaining: 0, retryAfterSeconds: 4 })
    expect(limiter.check('other', rule, 1200).limited).toBe(false)
    expect(limiter.check('k', rule, 5000).limited).toBe(false)
  })
})

describe('injected failures', () => {
  it('answers 5xx with an HTML body and applies nothing when errorRate is 1', async () => {
    const { sandbox, api } = await start({ knobs: { errorRate: 1 } })
    const before = sandbox.store.all()
    for (let i = 0; i < 6; i++) {
      const answer = await api.post('/api/v1/contacts/1/blacklist')
      expect([500, 502, 503]).toContain(answer.status)
      expect(answer.headers.get('content-type')).toMatch(/^text\/html/)
      expect(answer.text).toMatch(/^<!DOCTYPE html>/)
    }
    expect(sandbox.store.all()).toEqual(before)
    sandbox.knobs.errorRate = 0
    expect((await api.get('/api/v1/contacts/1')).status).toBe(200)
  })

  it('fails the same requests for the same seed', async () => {
    const statuses: number[][] = []
    for (let run = 0; run < 2; run++) {
      const { api } = await start({ seed: 9, knobs: { errorRate: 0.5 } })
      const seen: number[] = []
      for (let i = 0; i < 12; i++) seen.push((await api.get('/api/v1/contacts/1')).status)
      statuses.push(seen)
      await sandbox?.close()
      sandbox = undefined
    }
    expect(statuses[0]).toEqual(statuses[1])
    expect(new Set(statuses[0])).toContain(200)
    expect([...new Set(statuses[0])].some((status) => status >= 500)).toBe(true)
  })
})

describe('lost responses', () => {
  it('applies a write and then closes the socket without answering', async () => {
    const { sandbox, api } = await start({ knobs: { lostResponseRate: 1 } })
    const size = sandbox.store.size()
    await expect(api.post('/api/v1/contacts', { name: 'Lost Lena', type: 'instagram' })).rejects.toThrow()
    expect(sandbox.store.size()).toBe(size + 1)
    expect(sandbox.store.all().at(-1)?.name).toBe('Lost Lena')

    const blacklisted = (sandbox.store.get(2) as Contact).blacklisted
    await expect(api.post('/api/v1/contacts/2/blacklist')).rejects.toThrow()
    expect(sandbox.store.get(2)?.blacklisted).toBe(!blacklisted)
  })

  it('still answers reads', async () => {
    const { api } = await start({ knobs: { lostResponseRate: 1 } })
    expect((await api.get<ContactRow[]>('/api/v1/contacts')).status).toBe(200)
  })
})

describe('down', () => {
  it('drops every connection while down, and answers again once up', async () => {
    const { sandbox, api } = await start({})
    sandbox.knobs.down = true
    await expect(api.get('/api/v1/contacts/1')).rejects.toThrow()
    sandbox.knobs.down = false
    expect((await api.get('/api/v1/contacts/1')).status).toBe(200)
  })
})

describe('latency', () => {
  it('delays each answer by the fixed latency', async () => {
    const { api } = await start({ knobs: { latencyMs: 150 } })
    const started = performance.now()
    await api.get('/api/v1/contacts/1')
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('delays by a value inside the range', async () => {
    const { sandbox, api } = await start({})
    sandbox.knobs.latencyMs = [100, 120]
    const started = performance.now()
    await api.get('/api/v1/contacts/1')
    expect(performance.now() - started).toBeGreaterThanOrEqual(95)
    const random = mulberry32(1)
    for (let i = 0; i < 100; i++) {
      const delay = latencyFor([20, 30], random)
      expect(delay).toBeGreaterThanOrEqual(20)
      expect(delay).toBeLessThanOrEqual(30)
    }
  })
})
