import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Contact, ContactRow, Note } from '../shared/contact'
import { startSandboxServer, type SandboxServer } from './sandbox-server'
import { testClient } from './test-support/test-client'

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/

describe('a default sandbox', () => {
  let sandbox: SandboxServer
  let api: ReturnType<typeof testClient>
  beforeAll(async () => {
    sandbox = await startSandboxServer({ contacts: 50 })
    api = testClient(sandbox)
  })
  afterAll(() => sandbox.close())

  it('listens on loopback with a random sk_test_ key', () => {
    expect(sandbox.baseUrl).toBe(`http://127.0.0.1:${sandbox.port}`)
    expect(sandbox.apiKey).toMatch(/^sk_test_[0-9a-f]{32}$/)
  })

  it('answers 401 Unauthenticated for a missing, wrong or malformed key', async () => {
    const attempts = [
      api.get('/api/v1/contacts', { key: null }),
      api.get('/api/v1/contacts', { key: 'sk_test_wrong' }),
      api.get('/api/v1/contacts/999999', { key: 'sk_test_wrong' }),
      fetch(`${sandbox.baseUrl}/api/v1/contacts`, { headers: { Authorization: `Token ${sandbox.apiKey}` } }),
    ]
    for (const attempt of await Promise.all(attempts)) {
      expect(attempt.status).toBe(401)
      const text = attempt instanceof Response ? await attempt.text() : attempt.text
      expect(JSON.parse(text)).toEqual({ success: false, message: 'Unauthenticated.' })
    }
  })

  it('writes every timestamp as ISO 8601 UTC with microseconds', async () => {
    const created = await api.post<Contact>('/api/v1/contacts', { name: 'Time Keeper', type: 'instagram' })
    const note = await api.post<Note>(`/api/v1/contacts/${created.body.data.id}/notes`, { content: 'hello' })
    const stamps = [created.body.data.created_at, created.body.data.updated_at, note.body.data.created_at]
    for (const contact of sandbox.store.all()) stamps.push(contact.created_at, contact.updated_at, contact.last_message_at ?? contact.created_at)
    for (const stamp of stamps) expect(stamp).toMatch(TIMESTAMP)
  })

  it('counts requests per route', async () => {
    const before = sandbox.stats.requests
    await api.get('/api/v1/contacts/1')
    await api.get('/api/v1/contacts/2')
    await api.get('/nowhere')
    expect(sandbox.stats.requests).toBe(before + 3)
    expect(sandbox.stats.byRoute['GET /api/v1/contacts/{id}']).toBeGreaterThanOrEqual(2)
    expect(sandbox.stats.byRoute.unmatched).toBeGreaterThanOrEqual(1)
  })
})

describe('startSandboxServer options', () => {
  it('accepts a given key and port', async () => {
    const probe = await startSandboxServer({ contacts: 0 })
    const port = probe.port
    await probe.close()
    const sandbox = await startSandboxServer({ port, apiKey: 'sk_test_fixed', contacts: 3 })
    try {
      expect(sandbox.port).toBe(port)
      const answer = await testClient(sandbox).get<ContactRow[]>('/api/v1/contacts')
      expect(answer.body.meta.total).toBe(3)
    } finally {
      await sandbox.close()
    }
  })

  it('revokes the old key when its key is changed live', async () => {
    const sandbox = await startSandboxServer({ apiKey: 'sk_test_old', contacts: 1 })
    try {
      sandbox.apiKey = 'sk_test_new'
      const api = testClient(sandbox)
      expect((await api.get('/api/v1/contacts', { key: 'sk_test_old' })).status).toBe(401)
      expect((await api.get('/api/v1/contacts')).status).toBe(200)
    } finally {
      await sandbox.close()
    }
  })

  it('stops accepting connections once closed', async () => {
    const sandbox = await startSandboxServer({ contacts: 1 })
    const api = testClient(sandbox)
    expect((await api.get('/api/v1/contacts/1')).status).toBe(200)
    await sandbox.close()
    await expect(api.get('/api/v1/contacts/1')).rejects.toThrow()
  })

  it('serves 100,000 contacts, paging to the last id and continuing ids on create', async () => {
    const sandbox = await startSandboxServer({ contacts: 100_000, seed: 2 })
    try {
      const api = testClient(sandbox)
      const last = await api.get<ContactRow[]>('/api/v1/contacts?page=1000&per_page=100')
      expect(last.body.meta).toEqual({ current_page: 1000, last_page: 1000, per_page: 100, total: 100_000 })
      expect(last.body.data.map((row) => row.id)).toEqual(Array.from({ length: 100 }, (_, i) => 99_901 + i))
      const search = await api.get<ContactRow[]>('/api/v1/contacts?search=muller&per_page=5')
      expect(search.body.meta.total).toBeGreaterThan(0)
      const created = await api.post<Contact>('/api/v1/contacts', { name: 'Number Next', type: 'instagram' })
      expect(created.body.data.id).toBe(100_001)
    } finally {
      await sandbox.close()
    }
  })
})
