// The client over real HTTP against the local sandbox: every endpoint, every error kind, the rate limit.
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Result } from '../../shared/result'
import { startSandbox, type Sandbox } from '../../sandbox/faults/knobbed-sandbox'
import { createSkylightClient, type ClientOptions } from './client'
import { createRateLimiter } from './limiter'

let sandbox: Sandbox
// Every result a test sees, checked at the end for the key.
const seen: Result<unknown>[] = []

beforeAll(async () => {
  sandbox = await startSandbox({ contacts: 40, seed: 7 })
})
afterAll(async () => {
  for (const result of seen) expect(JSON.stringify(result)).not.toContain(sandbox.apiKey)
  await sandbox.close()
})
beforeEach(() => {
  Object.assign(sandbox.knobs, { rows: 'partial', latencyMs: 0, rateLimit: null, errorRate: 0, lostResponseRate: 0 })
})

/** A client with its own limiter, so tests do not share rate-limit state; results are recorded. */
function client(options: Partial<ClientOptions> = {}) {
  const inner = createSkylightClient({
    baseUrl: sandbox.baseUrl,
    apiKey: sandbox.apiKey,
    limiter: createRateLimiter(),
    retry: { attempts: 3, baseDelayMs: 10 },
    ...options,
  })
  return new Proxy(inner, {
    get: (target, name: keyof typeof inner) =>
      async (...args: unknown[]) => {
        const result = await (target[name] as (...a: unknown[]) => Promise<Result<unknown>>)(...args)
        seen.push(result)
        return result
      },
  })
}

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.kind}: ${result.error.message}`)
  return result.data
}

const requestsDuring = async <T>(work: () => Promise<T>): Promise<{ value: T; requests: number }> => {
  const before = sandbox.stats.requests
  const value = await work()
  return { value, requests: sandbox.stats.requests - before }
}

describe('endpoints', () => {
  it('lists a page with its meta, honouring filters', async () => {
    const page = data(await client().listContacts({ page: 2, per_page: 10 }))
    expect(page.meta).toEqual({ current_page: 2, last_page: 4, per_page: 10, total: 40 })
    expect(page.data.map((row) => row.id)).toEqual(sandbox.store.all().slice(10, 20).map((c) => c.id))

    const blacklisted = data(await client().listContacts({ blacklisted: true, type: 'telegram', per_page: 100 }))
    const expected = sandbox.store.all().filter((c) => c.blacklisted && c.type === 'telegram')
    expect(blacklisted.data.map((row) => row.id)).toEqual(expected.map((c) => c.id))
  })

  it('finds by search and tag', async () => {
    const target = sandbox.store.all().find((c) => c.tags.length > 0)!
    const bySearch = data(await client().listContacts({ search: target.name, per_page: 100 }))
    expect(bySearch.data.map((row) => row.id)).toContain(target.id)
    const byTag = data(await client().listContacts({ tag: target.tags[0]!, per_page: 100 }))
    expect(byTag.data.every((row) => row.tags?.includes(target.tags[0]!))).toBe(true)
  })

  it('keeps the absent fields of partial list rows absent', async () => {
    const partial = data(await client().listContacts({ per_page: 5 }))
    for (const row of partial.data) {
      expect(Object.keys(row).sort()).toEqual(['blacklisted', 'id', 'name', 'phone', 'tags', 'type'])
    }
    sandbox.knobs.rows = 'full'
    const full = data(await client().listContacts({ per_page: 5 }))
    expect(full.data[0]).toEqual(sandbox.store.get(full.data[0]!.id))
  })

  it('gets a full contact', async () => {
    const first = sandbox.store.all()[0]!
    expect(data(await client().getContact(first.id))).toEqual(first)
  })

  it('creates, updates and deletes a contact', async () => {
    const api = client()
    const created = data(await api.createContact({ name: 'Ada Lovelace', type: 'whatsapp', phone: '+442071838750', tags: ['math'] }))
    expect(created).toMatchObject({ name: 'Ada Lovelace', phone: '+442071838750', tags: ['math'] })
    expect(sandbox.store.get(created.id)?.name).toBe('Ada Lovelace')

    const updated = data(await api.updateContact(created.id, { name: 'Ada King', email: 'ada@example.com' }))
    expect(updated).toMatchObject({ id: created.id, name: 'Ada King' })
    expect(sandbox.store.get(created.id)).toMatchObject({ name: 'Ada King', email: 'ada@example.com', phone: '+442071838750' })

    expect(await api.deleteContact(created.id)).toEqual({ ok: true, data: null })
    expect(sandbox.store.get(created.id)).toBeUndefined()
  })

  it('toggles the blacklist', async () => {
    const target = sandbox.store.all()[1]!
    const once = data(await client().toggleBlacklist(target.id))
    expect(once).toEqual({ id: target.id, blacklisted: !target.blacklisted })
    const twice = data(await client().toggleBlacklist(target.id))
    expect(twice.blacklisted).toBe(target.blacklisted)
  })

  it('adds and lists notes', async () => {
    const target = sandbox.store.all()[2]!
    const added = data(await client().addNote(target.id, 'Called today.'))
    expect(added).toMatchObject({ content: 'Called today.' })
    const notes = data(await client().listNotes(target.id))
    expect(notes.map((n) => n.id)).toContain(added.id)
  })

  it('adds to a list and to a segment', async () => {
    const target = sandbox.store.all()[3]!
    expect(await client().addToList(target.id, 5)).toEqual({ ok: true, data: { message: 'Contact added to list.' } })
    expect(await client().addToSegment(target.id, 3)).toEqual({ ok: true, data: { message: 'Contact added to segment.' } })
  })
})

describe('errors', () => {
  it('reports unauthorized for a wrong key', async () => {
    const result = await client({ apiKey: 'sk_test_wrong' }).listContacts({})
    expect(result).toEqual({ ok: false, error: { kind: 'unauthorized', message: 'Unauthenticated.' } })
  })

  it('reports not_found for an unknown id', async () => {
    expect(await client().getContact(999_999)).toMatchObject({ ok: false, error: { kind: 'not_found' } })
  })

  it('reports validation with the field errors', async () => {
    const taken = sandbox.store.all().find((c) => c.phone !== null)!.phone!
    const missing = await client().createContact({ name: 'No Phone', type: 'whatsapp' })
    expect(missing).toMatchObject({ ok: false, error: { kind: 'validation', fields: { phone: [expect.any(String)] } } })
    const duplicate = await client().createContact({ name: 'Dup', type: 'telegram', phone: taken })
    expect(duplicate).toMatchObject({ ok: false, error: { kind: 'validation', fields: { phone: [expect.any(String)] } } })
  })

  it('reports server for 5xx and gives up on a GET after the allowed attempts', async () => {
    sandbox.knobs.errorRate = 1
    const { value, requests } = await requestsDuring(() => client().getContact(1))
    expect(value).toMatchObject({ ok: false, error: { kind: 'server', status: expect.any(Number) } })
    if (!value.ok && value.error.kind === 'server') expect([500, 502, 503]).toContain(value.error.status)
    expect(requests).toBe(3)
  })

  it('retries a GET after a 5xx and succeeds', async () => {
    sandbox.knobs.errorRate = 1
    // Heal the server as soon as the first failure has been answered.
    const healing: typeof fetch = async (...args) => {
      const response = await fetch(...args)
      sandbox.knobs.errorRate = 0
      return response
    }
    const { value, requests } = await requestsDuring(() => client({ fetch: healing }).getContact(1))
    expect(value.ok).toBe(true)
    expect(requests).toBe(2)
  })

  it('never retries a POST, PUT or DELETE', async () => {
    sandbox.knobs.errorRate = 1
    const api = client()
    const { value, requests } = await requestsDuring(() =>
      Promise.all([api.createContact({ name: 'Once', type: 'instagram' }), api.updateContact(1, { name: 'X' }), api.deleteContact(1), api.toggleBlacklist(1)]),
    )
    expect(value.every((r) => !r.ok && r.error.kind === 'server')).toBe(true)
    expect(requests).toBe(4)
  })

  it('reports timeout when the server is slower than the timeout', async () => {
    sandbox.knobs.latencyMs = 400
    const result = await client({ timeoutMs: 100, retry: { attempts: 1, baseDelayMs: 1 } }).getContact(1)
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } })
  })

  it('reports offline when nothing listens on the port', async () => {
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const { port } = probe.address() as AddressInfo
    await new Promise<void>((resolve) => probe.close(() => resolve()))
    const result = await client({ baseUrl: `http://127.0.0.1:${port}` }).listContacts({})
    expect(result).toMatchObject({ ok: false, error: { kind: 'offline' } })
  })
})

describe('rate limit', () => {
  it('holds a burst of 30 GETs under 10 per second: few 429s, all succeed', async () => {
    sandbox.knobs.rateLimit = { limit: 10, windowMs: 1000 }
    const api = client()
    const before = sandbox.stats.rateLimited
    const ids = sandbox.store.all().slice(0, 30).map((c) => c.id)
    const results = await Promise.all(ids.map((id) => api.getContact(id)))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(sandbox.stats.rateLimited - before).toBeLessThanOrEqual(3)
  })

  it('shares one limiter between clients of the same account', async () => {
    sandbox.knobs.rateLimit = { limit: 10, windowMs: 1000 }
    // No limiter given: both clients take the account's shared one.
    const options = { baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey }
    const a = createSkylightClient(options)
    const b = createSkylightClient(options)
    const before = sandbox.stats.rateLimited
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 ? a : b).listContacts({ page: 1 + (i % 3) })))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(sandbox.stats.rateLimited - before).toBeLessThanOrEqual(3)
  })

  it('reports rate_limited with the wait for a write, without retrying it', async () => {
    sandbox.knobs.rateLimit = { limit: 2, windowMs: 1000 }
    // Another app instance has spent the window; this client has not seen it.
    await Promise.all([client().getContact(1), client().getContact(1)])
    const { value, requests } = await requestsDuring(() => client().createContact({ name: 'Late', type: 'instagram' }))
    expect(value).toMatchObject({ ok: false, error: { kind: 'rate_limited' } })
    if (!value.ok && value.error.kind === 'rate_limited') {
      expect(value.error.retryAfterMs).toBeGreaterThan(0)
      expect(value.error.retryAfterMs).toBeLessThanOrEqual(1000)
    }
    expect(requests).toBe(1)
  })
})
