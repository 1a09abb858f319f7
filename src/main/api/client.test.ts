// The client against a scripted raw HTTP server: request shape, and replies the sandbox never sends.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createSkylightClient, type ClientOptions } from './client'
import type { CallPriority } from '../../shared/contract'
import { createRateLimiter, type RateLimiter } from './limiter'
import { setDesktopLocale } from '../i18n/desktop-text'

const KEY = 'sk_test_raw0123456789abcdef'

interface Seen {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

type Handler = (seen: Seen, res: ServerResponse) => void

const servers: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((close) => close()))
})

async function rawServer(handler: Handler) {
  const requests: Seen[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body }
      requests.push(seen)
      handler(seen, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  )
  const { port } = server.address() as AddressInfo
  return { baseUrl: `http://127.0.0.1:${port}`, requests }
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

const clientFor = (baseUrl: string, options: Partial<ClientOptions> = {}) =>
  createSkylightClient({ baseUrl, apiKey: KEY, limiter: createRateLimiter(), retry: { attempts: 3, baseDelayMs: 5 }, ...options })

const page = { success: true, data: [], meta: { current_page: 1, last_page: 1, per_page: 15, total: 0 } }

describe('requests', () => {
  it('sends the key as a Bearer token and the query in the documented form', async () => {
    const server = await rawServer((_, res) => json(res, 200, page))
    const client = clientFor(`${server.baseUrl}/prefix/`)
    const result = await client.listContacts({ page: 2, per_page: 50, search: 'sarah & co', type: 'whatsapp', blacklisted: false, tag: 'vip' })
    expect(result.ok).toBe(true)
    const [seen] = server.requests
    expect(seen?.method).toBe('GET')
    expect(seen?.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(seen?.url).toBe('/prefix/api/v1/contacts?page=2&per_page=50&search=sarah+%26+co&type=whatsapp&blacklisted=false&tag=vip')
  })

  it('sends only the query parameters given', async () => {
    const server = await rawServer((_, res) => json(res, 200, page))
    await clientFor(server.baseUrl).listContacts({ blacklisted: true })
    expect(server.requests[0]?.url).toBe('/api/v1/contacts?blacklisted=true')
  })

  it('sends JSON bodies to the documented paths', async () => {
    const server = await rawServer((seen, res) => {
      if (seen.url.endsWith('/notes')) return json(res, 201, { success: true, data: { id: 9, content: 'hi' } })
      json(res, 200, { success: true, message: 'Added.' })
    })
    const client = clientFor(server.baseUrl)
    expect(await client.addNote(4, 'hi')).toEqual({ ok: true, data: { id: 9, content: 'hi' } })
    expect(await client.addToList(4, 5)).toEqual({ ok: true, data: { message: 'Added.' } })
    expect(await client.addToSegment(4, 3)).toEqual({ ok: true, data: { message: 'Added.' } })
    expect(server.requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      'POST /api/v1/contacts/4/notes {"content":"hi"}',
      'POST /api/v1/contacts/4/lists {"list_id":5}',
      'POST /api/v1/contacts/4/segments {"segment_id":3}',
    ])
    expect(server.requests[0]?.headers['content-type']).toBe('application/json')
  })

  it("words a refused id in the user's language", async () => {
    const client = clientFor('http://127.0.0.1:9')
    expect(await client.getContact(0)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Invalid contact id\. /) } })
    setDesktopLocale('de')
    try {
      expect(await client.getContact(0)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Ungültige Kontakt-ID\. /) } })
    } finally {
      setDesktopLocale('en')
    }
  })

  it('refuses an id that is not a positive integer without sending anything', async () => {
    const server = await rawServer((_, res) => json(res, 200, {}))
    const client = clientFor(server.baseUrl)
    for (const id of [0, -1, 1.5, Number.NaN]) {
      const result = await client.getContact(id)
      expect(result).toMatchObject({ ok: false, error: { kind: 'validation', fields: { id: expect.any(Array) } } })
    }
    expect(await client.addToList(1, 0)).toMatchObject({ ok: false, error: { kind: 'validation', fields: { list_id: expect.any(Array) } } })
    expect(server.requests).toHaveLength(0)
  })

  it('refuses to send the key over plain http to another computer', () => {
    expect(() => createSkylightClient({ baseUrl: 'http://example.com', apiKey: KEY })).toThrow(TypeError)
    expect(() => createSkylightClient({ baseUrl: 'ftp://127.0.0.1', apiKey: KEY })).toThrow(TypeError)
    expect(() => createSkylightClient({ baseUrl: 'http://localhost:8080', apiKey: KEY })).not.toThrow()
    expect(() => createSkylightClient({ baseUrl: 'https://dashboard.skylightchat.com/', apiKey: KEY })).not.toThrow()
  })

  it('does not follow a redirect, so the key never travels elsewhere', async () => {
    const elsewhere = await rawServer((_, res) => json(res, 200, page))
    const server = await rawServer((_, res) => {
      res.writeHead(302, { Location: `${elsewhere.baseUrl}/api/v1/contacts` })
      res.end()
    })
    const result = await clientFor(server.baseUrl).listContacts({})
    expect(result).toMatchObject({ ok: false, error: { kind: 'bad_response' } })
    expect(elsewhere.requests).toHaveLength(0)
  })
})

describe('priorities', () => {
  it("runs every method in the account's limiter with the caller's priority, interactive by default", async () => {
    const server = await rawServer((seen, res) => (seen.method === 'DELETE' ? res.writeHead(204).end() : json(res, 200, { success: true, data: { id: 7, name: 'A', type: 'instagram' } })))
    const inner = createRateLimiter()
    const priorities: Array<CallPriority | undefined> = []
    const limiter: RateLimiter = {
      run: (task, priority) => {
        priorities.push(priority)
        return inner.run(task, priority)
      },
      setShare: inner.setShare,
    }
    const client = clientFor(server.baseUrl, { limiter })
    await client.getContact(7)
    await client.getContact(7, { priority: 'hydrate' })
    await client.listNotes(7, { priority: 'hydrate' })
    await client.updateContact(7, { name: 'B' }, { priority: 'replay' })
    await client.toggleBlacklist(7, { priority: 'replay' })
    await client.deleteContact(7, { priority: 'replay' })
    await client.listContacts({ page: 1 }, { priority: 'pull' })
    await client.addToList(7, 2, {})
    expect(priorities).toEqual(['interactive', 'hydrate', 'hydrate', 'replay', 'replay', 'replay', 'pull', 'interactive'])
  })

  it('repeats a failed read only for the user: a background caller gets the failure after one request, to repeat it itself', async () => {
    const server = await rawServer((_, res) => json(res, 503, { message: 'down' }))
    const client = clientFor(server.baseUrl)
    expect(await client.getContact(7)).toMatchObject({ ok: false, error: { kind: 'server', status: 503 } })
    expect(server.requests).toHaveLength(3)
    for (const priority of ['replay', 'pull', 'hydrate'] as const) {
      server.requests.length = 0
      expect(await client.getContact(7, { priority })).toMatchObject({ ok: false, error: { kind: 'server', status: 503 } })
      expect(server.requests).toHaveLength(1)
    }
  })
})

describe('tolerant reading', () => {
  it('reads a partial write response, fills the id from the path and drops unknown fields', async () => {
    const server = await rawServer((_, res) => json(res, 200, { data: { name: 'Sarah', tags: ['vip'], surprise: 1 } }))
    const result = await clientFor(server.baseUrl).updateContact(42, { name: 'Sarah' })
    expect(result).toEqual({ ok: true, data: { id: 42, name: 'Sarah', tags: ['vip'] } })
  })

  it('reads a full contact whose null fields are left out, as the reference example does', async () => {
    const contact = { id: 42, name: 'S', phone: '+14155551234', type: 'whatsapp', status: 'active', blacklisted: false, tags: [], created_at: 'a', updated_at: 'b' }
    const server = await rawServer((_, res) => json(res, 200, { success: true, data: contact }))
    const result = await clientFor(server.baseUrl).getContact(42)
    expect(result).toEqual({ ok: true, data: { ...contact, email: null, last_message_at: null } })
  })

  it('keeps absent fields of a list row absent and null fields null', async () => {
    const rows = [{ id: 1, name: 'A', email: null }, { id: 2, name: 'B', extra: true }]
    const server = await rawServer((_, res) => json(res, 200, { data: rows, meta: page.meta }))
    const result = await clientFor(server.baseUrl).listContacts({})
    expect(result.ok && result.data.data).toEqual([{ id: 1, name: 'A', email: null }, { id: 2, name: 'B' }])
    expect(result.ok && Object.keys(result.data.data[1]!)).toEqual(['id', 'name'])
  })

  it('answers null for a delete with 204', async () => {
    const server = await rawServer((_, res) => {
      res.writeHead(204)
      res.end()
    })
    expect(await clientFor(server.baseUrl).deleteContact(3)).toEqual({ ok: true, data: null })
    expect(server.requests[0]?.method).toBe('DELETE')
  })
})

describe('unreadable replies', () => {
  it('reports bad_response for invalid JSON', async () => {
    const server = await rawServer((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end('{"data": [')
    })
    expect(await clientFor(server.baseUrl).listContacts({})).toMatchObject({ ok: false, error: { kind: 'bad_response' } })
  })

  it('reports bad_response for an unexpected shape, naming where', async () => {
    const server = await rawServer((_, res) => json(res, 200, { data: [{ id: 'forty-two' }], meta: page.meta }))
    const result = await clientFor(server.baseUrl).listContacts({})
    expect(result).toMatchObject({ ok: false, error: { kind: 'bad_response', message: expect.stringContaining('data.0.id') } })
  })

  it('reports bad_response when a 2xx says success: false', async () => {
    const server = await rawServer((_, res) => json(res, 200, { success: false, message: 'Odd.' }))
    expect(await clientFor(server.baseUrl).toggleBlacklist(1)).toMatchObject({ ok: false, error: { kind: 'bad_response' } })
  })

  it('reports server with the status for an HTML 502, without the page', async () => {
    const server = await rawServer((_, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' })
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>')
    })
    const result = await clientFor(server.baseUrl, { retry: { attempts: 1, baseDelayMs: 1 } }).getContact(1)
    expect(result).toEqual({ ok: false, error: { kind: 'server', status: 502, message: 'The server failed (HTTP 502).' } })
  })

  it('reads Retry-After given as an HTTP date', async () => {
    const server = await rawServer((_, res) => {
      const at = new Date(Date.now() + 5000).toUTCString()
      json(res, 429, { message: 'Too Many Attempts.' }, { 'Retry-After': at })
    })
    const result = await clientFor(server.baseUrl).createContact({ name: 'A', type: 'instagram' })
    expect(result.ok).toBe(false)
    if (result.ok || result.error.kind !== 'rate_limited') throw new Error('expected rate_limited')
    // An HTTP date has one-second precision.
    expect(result.error.retryAfterMs).toBeGreaterThan(3000)
    expect(result.error.retryAfterMs).toBeLessThanOrEqual(5000)
  })

  it('times out when the server stalls in the middle of the body', async () => {
    const server = await rawServer((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.write('{"data": ')
    })
    const client = clientFor(server.baseUrl, { timeoutMs: 150, retry: { attempts: 1, baseDelayMs: 1 } })
    expect(await client.getContact(1)).toMatchObject({ ok: false, error: { kind: 'timeout' } })
  })
})

describe('the key never leaks', () => {
  it('redacts the key when the server echoes it in messages and field errors', async () => {
    const server = await rawServer((seen, res) => {
      const echoed = `Authorization: ${seen.headers.authorization ?? ''}`
      if (seen.method === 'POST') return json(res, 422, { message: `Bad ${KEY}`, errors: { name: [echoed], [KEY]: [KEY] } })
      if (seen.url.endsWith('/1')) return json(res, 401, { message: `Key ${KEY} refused. ${echoed}` })
      res.writeHead(500, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ message: `Crash with header ${echoed}` }))
    })
    const client = clientFor(server.baseUrl, { retry: { attempts: 1, baseDelayMs: 1 } })
    const results = [
      await client.createContact({ name: 'A', type: 'instagram' }),
      await client.getContact(1),
      await client.getContact(2),
    ]
    expect(results.map((r) => !r.ok && r.error.kind)).toEqual(['validation', 'unauthorized', 'server'])
    for (const result of results) {
      const text = JSON.stringify(result)
      expect(text).not.toContain(KEY)
      expect(text).not.toContain(KEY.slice(8))
      expect(text).toContain('[redacted]')
    }
  })
})
