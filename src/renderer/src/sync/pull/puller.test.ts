import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Contact, ContactQuery, ContactRow } from '../../../../shared/contact'
import type { ApiError } from '../../../../shared/result'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { allRows } from '../../db/contacts-repo'
import { loadCheckpoint } from './pull-checkpoint'
import { pullContacts, type PullBridge, type PullProgress } from './puller'
import { isFirstPullComplete, readLastSyncedAt } from './last-synced'
import { outboxStore } from '../outbox/test-support/queue-states'

const contactNumber = (id: number): Contact => ({
  id,
  name: `Contact ${id}`,
  email: `c${id}@example.com`,
  phone: `+1415555${String(id).padStart(4, '0')}`,
  type: 'whatsapp',
  status: 'active',
  blacklisted: id % 7 === 0,
  tags: id % 3 === 0 ? ['vip'] : [],
  last_message_at: null,
  created_at: '2026-03-04T10:00:00.000000Z',
  updated_at: '2026-03-04T10:00:00.000000Z',
})

/** An in-memory `contacts.list` paging by id like a Laravel back end, and `contacts.get`, with hooks to inject faults and drift. */
class FakeServer {
  contacts: Contact[]
  queries: ContactQuery[] = []
  partial = false
  inFlight = 0
  maxInFlight = 0
  /** Runs before answering request number `n` (1-based); may change the set or return an error. */
  hook: (n: number, query: ContactQuery) => ApiError | void = () => {}
  /** Ids asked for with `contacts.get`, in order. */
  gets: number[] = []
  /** Runs before answering a get; may change the set or the mirror, or return an error. */
  getHook: (id: number) => Promise<ApiError | void> | ApiError | void = () => {}
  private nextId: number

  constructor(count: number) {
    this.contacts = Array.from({ length: count }, (_, i) => contactNumber(i + 1))
    this.nextId = count + 1
  }

  create(n: number): void {
    for (let i = 0; i < n; i += 1) this.contacts.push(contactNumber(this.nextId++))
  }

  remove(ids: number[]): void {
    this.contacts = this.contacts.filter((c) => !ids.includes(c.id))
  }

  readonly bridge: PullBridge = {
    'contacts.get': async ({ id }) => {
      this.gets.push(id)
      const error = await this.getHook(id)
      if (error) return { ok: false, error }
      const contact = this.contacts.find((c) => c.id === id)
      return contact ? { ok: true, data: { ...contact } } : { ok: false, error: { kind: 'not_found', message: 'Contact not found.' } }
    },
    'contacts.list': async (query) => {
      const n = this.queries.push(query)
      this.inFlight += 1
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
      await new Promise((resolve) => setTimeout(resolve, 1))
      this.inFlight -= 1
      const error = this.hook(n, query)
      if (error) return { ok: false, error }
      const perPage = query.per_page ?? 15
      const page = query.page ?? 1
      const total = this.contacts.length
      const rows = this.contacts.slice((page - 1) * perPage, page * perPage)
      const data: ContactRow[] = this.partial
        ? rows.map(({ id, name, phone, type, blacklisted, tags }) => ({ id, name, phone, type, blacklisted, tags }))
        : rows.map((c) => ({ ...c }))
      return {
        ok: true,
        data: { data, meta: { current_page: page, per_page: perPage, total, last_page: Math.max(1, Math.ceil(total / perPage)) } },
      }
    },
  }
}

const fast = { retryBaseMs: 1 }
/** One page read at a time, so a drift hook lands between known pages. */
const oneAtATime = { ...fast, concurrency: 1 }

/**
 * Before list request 4 (pages 1–3 read) contact 10 is deleted and one contact created: the
 * total holds, yet page 4 onwards shift back one place, so contact 301 is never read.
 */
function missContact301(server: FakeServer): void {
  server.hook = (n) => {
    if (n !== 4) return
    server.remove([10])
    server.create(1)
  }
}
const queuedBlacklist = (contactId: number, blacklisted: boolean) =>
  outboxStore(db).add({ kind: 'setBlacklisted', contactId, blacklisted, status: 'pending', attempts: 0, createdAt: '2026-03-04T10:00:00.000Z' })
const byId = (a: ContactRow, b: ContactRow) => a.id - b.id
const mirror = async (db: ContactsDb) => (await allRows(db)).sort(byId)
const idsOf = (rows: ContactRow[]) => rows.map((row) => row.id)

let db: ContactsDb
beforeEach(async () => {
  db = await openAccountDatabase(`pull-${randomUUID()}`)
})
afterEach(() => db.close())

describe('pullContacts', () => {
  it('mirrors the server set exactly, fields included, with one request per page plus a final check', async () => {
    const server = new FakeServer(2345)
    const progress: PullProgress[] = []
    const outcome = await pullContacts(db, server.bridge, { ...fast, onProgress: (p) => progress.push(p) })
    expect(outcome).toEqual({ status: 'completed', consistent: true, total: 2345, deleted: 0, passes: 1, requests: 25 })
    expect(await mirror(db)).toEqual(server.contacts)
    expect(server.queries.every((q) => q.per_page === 100)).toBe(true)
    expect(progress.at(-1)).toMatchObject({ pass: 1, pagesDone: 24, pagesTotal: 24, contacts: 2345, etaMs: 0 })
    expect(progress.map((p) => p.pagesDone)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1))
    expect(await isFirstPullComplete(db)).toBe(true)
    expect(await loadCheckpoint(db, new Date(), Infinity)).toBeNull()
  })

  it('reads at most four pages at once', async () => {
    const server = new FakeServer(2000)
    await pullContacts(db, server.bridge, fast)
    expect(server.maxInFlight).toBe(4)
  })

  it('keeps known emails when the server sends partial rows', async () => {
    const server = new FakeServer(250)
    await db.contacts.bulkPut(server.contacts.map(({ id, email }) => ({ id, email, name: 'Old name' })))
    server.partial = true
    server.contacts[0] = { ...server.contacts[0], name: 'Renamed' }
    const outcome = await pullContacts(db, server.bridge, fast)
    expect(outcome.status).toBe('completed')
    const rows = await mirror(db)
    expect(rows.every((row) => row.email === `c${row.id}@example.com`)).toBe(true)
    expect(rows[0].name).toBe('Renamed')
    expect(rows[1].name).toBe('Contact 2')
  })

  it('ends with the server set exactly when contacts are created and deleted during the pull', async () => {
    const server = new FakeServer(1000)
    await db.contacts.bulkPut([{ id: 5, name: 'Stale' }, { id: 4000, name: 'Deleted long ago' }])
    server.hook = (n) => {
      if (n === 4) {
        server.remove([3, 150, 420, 999])
        server.create(7)
      }
      if (n === 9) server.remove([700])
    }
    const outcome = await pullContacts(db, server.bridge, fast)
    expect(outcome).toMatchObject({ status: 'completed', consistent: true, passes: 2, total: 1002 })
    expect(idsOf(await mirror(db))).toEqual(idsOf(server.contacts))
    expect(await db.contacts.get(5)).toEqual(server.contacts.find((c) => c.id === 5))
  })

  it('deletes nothing when drift persists through every pass', async () => {
    const server = new FakeServer(500)
    await db.contacts.bulkPut([{ id: 9000, name: 'Only local' }])
    server.hook = (n) => {
      if (n % 3 === 0) server.create(1)
    }
    const outcome = await pullContacts(db, server.bridge, { ...fast, maxPasses: 2 })
    expect(outcome).toMatchObject({ status: 'completed', consistent: false, deleted: 0, passes: 2 })
    expect(await db.contacts.get(9000)).toEqual({ id: 9000, name: 'Only local' })
    expect(await readLastSyncedAt(db)).not.toBeNull()
  })

  it('never deletes rows with queued intents nor temporary ids', async () => {
    const server = new FakeServer(120)
    await db.contacts.bulkPut([{ id: 500, name: 'Edited offline' }, { id: -1, name: 'Created offline' }, { id: 501, name: 'Gone' }])
    await outboxStore(db).add({ kind: 'setBlacklisted', contactId: 500, blacklisted: true, status: 'pending', attempts: 0, createdAt: '2026-03-04T10:00:00.000Z' })
    const outcome = await pullContacts(db, server.bridge, fast)
    expect(outcome).toMatchObject({ status: 'completed', consistent: true, deleted: 1 })
    const ids = idsOf(await mirror(db))
    expect(ids).toContain(500)
    expect(ids).toContain(-1)
    expect(ids).not.toContain(501)
  })

  it('waits out rate limits with less concurrency and retries server faults', async () => {
    const server = new FakeServer(1500)
    server.hook = (n) => {
      if (n === 3 || n === 4) return { kind: 'rate_limited', message: 'Too Many Attempts.', retryAfterMs: 30 }
      if (n % 5 === 0) return { kind: 'server', message: 'Bad gateway', status: 502 }
      if (n === 11) return { kind: 'timeout', message: 'Timed out' }
    }
    const started = Date.now()
    const outcome = await pullContacts(db, server.bridge, fast)
    expect(Date.now() - started).toBeGreaterThanOrEqual(30)
    expect(outcome).toMatchObject({ status: 'completed', consistent: true, total: 1500 })
    expect(idsOf(await mirror(db))).toEqual(idsOf(server.contacts))
    expect(server.queries.length).toBeGreaterThan(16)
  })

  it('stops at once on unauthorized', async () => {
    const server = new FakeServer(3000)
    server.hook = (n) => (n >= 2 ? { kind: 'unauthorized', message: 'Unauthenticated.' } : undefined)
    const outcome = await pullContacts(db, server.bridge, fast)
    expect(outcome).toMatchObject({ status: 'failed', error: { kind: 'unauthorized' } })
    expect(server.queries.length).toBeLessThanOrEqual(5)
  })

  it('fails after bounded retries, keeping its checkpoint, and a later pull resumes', async () => {
    const server = new FakeServer(1000)
    let offline = false
    server.hook = (n, query) => {
      if (n === 5) offline = true
      if (offline && query.page !== 1) return { kind: 'offline', message: 'No network' }
    }
    const failed = await pullContacts(db, server.bridge, { ...fast, maxRetries: 2 })
    expect(failed).toMatchObject({ status: 'failed', error: { kind: 'offline' } })
    const checkpoint = await loadCheckpoint(db, new Date(), Infinity)
    expect(checkpoint?.pages.size).toBeGreaterThan(0)
    offline = false
    server.queries = []
    server.hook = () => {}
    const resumed = await pullContacts(db, server.bridge, fast)
    expect(resumed).toMatchObject({ status: 'completed', consistent: true })
    expect(server.queries.length).toBe(10 - (checkpoint?.pages.size ?? 0) + 1)
    expect(idsOf(await mirror(db))).toEqual(idsOf(server.contacts))
  })

  it('resumes after a quit half-way with fewer requests than a fresh pull', async () => {
    const server = new FakeServer(2000)
    const quit = new AbortController()
    const aborted = await pullContacts(db, server.bridge, {
      ...fast,
      signal: quit.signal,
      onProgress: (p) => p.pagesDone === 8 && quit.abort(),
    })
    expect(aborted.status).toBe('aborted')
    const firstRun = server.queries.length
    expect(firstRun).toBeLessThan(21)
    server.queries = []
    const resumed = await pullContacts(db, server.bridge, fast)
    expect(resumed).toMatchObject({ status: 'completed', consistent: true, passes: 1 })
    expect(server.queries.length).toBeLessThanOrEqual(21 - 8)
    expect(server.queries.map((q) => q.page)).not.toContain(2)
    expect(idsOf(await mirror(db))).toEqual(idsOf(server.contacts))
  })

  it('starts over when the checkpoint is too old', async () => {
    const server = new FakeServer(600)
    const quit = new AbortController()
    const startedAt = new Date('2026-03-01T10:00:00Z')
    await pullContacts(db, server.bridge, { ...fast, signal: quit.signal, now: () => startedAt, onProgress: (p) => p.pagesDone === 3 && quit.abort() })
    expect(await loadCheckpoint(db, startedAt, 0)).not.toBeNull()
    server.queries = []
    const later = new Date(startedAt.getTime() + 25 * 3_600_000)
    const outcome = await pullContacts(db, server.bridge, { ...fast, now: () => later })
    expect(outcome).toMatchObject({ status: 'completed', requests: 7 })
    expect(server.queries.filter((q) => q.page === 2)).toHaveLength(1)
  })

  it('returns aborted without a request when the signal is already aborted', async () => {
    const server = new FakeServer(10)
    const outcome = await pullContacts(db, server.bridge, { signal: AbortSignal.abort() })
    expect(outcome).toEqual({ status: 'aborted', requests: 0 })
  })

  it('mirrors an empty account and removes what the server no longer has', async () => {
    const server = new FakeServer(0)
    await db.contacts.bulkPut([{ id: 1 }, { id: 2 }])
    const outcome = await pullContacts(db, server.bridge, fast)
    expect(outcome).toMatchObject({ status: 'completed', consistent: true, total: 0, deleted: 2, requests: 4 })
    expect(await db.contacts.count()).toBe(0)
    expect(server.gets).toEqual([1, 2])
  })

  it('keeps a live row that balanced drift hid from the pass, merged from its full answer with queued intents re-applied', async () => {
    const server = new FakeServer(1000)
    server.partial = true
    await db.contacts.bulkPut(server.contacts.map(({ id }) => ({ id, name: 'Old name' })))
    missContact301(server)
    // The user blacklists 301 again while the pull asks for it.
    server.getHook = async (id) => void (id === 301 && (await queuedBlacklist(301, false)))
    const outcome = await pullContacts(db, server.bridge, { ...oneAtATime, maxPasses: 1 })
    // Counts consistent, but a missed row found alive proves drift: not consistent, and contact 10 (read before its delete) stays.
    expect(outcome).toMatchObject({ status: 'completed', consistent: false, passes: 1, deleted: 0 })
    expect(server.gets).toEqual([301])
    expect(await db.contacts.get(301)).toEqual({ ...contactNumber(301), blacklisted: false })
    expect(idsOf(await mirror(db))).toEqual([...idsOf(server.contacts), 10].sort((a, b) => a - b))
  })

  it('reads the set again once drift is proven, and then deletes what went unseen behind it', async () => {
    const server = new FakeServer(1000)
    await db.contacts.bulkPut(server.contacts)
    missContact301(server)
    const outcome = await pullContacts(db, server.bridge, oneAtATime)
    expect(outcome).toMatchObject({ status: 'completed', consistent: true, passes: 2, deleted: 1 })
    expect(server.gets).toEqual([301, 10])
    expect(await mirror(db)).toEqual(server.contacts)
  })

  it('never writes back a row deleted here while its confirmation was in flight', async () => {
    const server = new FakeServer(1000)
    await db.contacts.bulkPut(server.contacts)
    missContact301(server)
    server.getHook = async (id) => void (id === 301 && (await db.contacts.delete(301)))
    await pullContacts(db, server.bridge, { ...oneAtATime, maxPasses: 1 })
    expect(await db.contacts.get(301)).toBeUndefined()
  })

  it('keeps a row whose confirmation is uncertain and asks for no more this pull', async () => {
    const server = new FakeServer(50)
    await db.contacts.bulkPut([{ id: 7001 }, { id: 7002 }, { id: 7003 }])
    server.getHook = () => ({ kind: 'timeout', message: 'Timed out' })
    const outcome = await pullContacts(db, server.bridge, { ...oneAtATime, maxRetries: 1 })
    expect(outcome).toMatchObject({ status: 'completed', consistent: true, deleted: 0 })
    expect(server.gets).toEqual([7001, 7001])
    expect(await db.contacts.count()).toBe(53)
  })

  it('asks for at most maxConfirmations unseen rows per pull', async () => {
    const server = new FakeServer(50)
    await db.contacts.bulkPut([{ id: 7001 }, { id: 7002 }, { id: 7003 }, { id: 7004 }, { id: 7005 }])
    const outcome = await pullContacts(db, server.bridge, { ...fast, maxConfirmations: 3 })
    expect(outcome).toMatchObject({ status: 'completed', consistent: true, deleted: 3 })
    expect(server.gets).toEqual([7001, 7002, 7003])
    expect(idsOf(await mirror(db))).toEqual([...idsOf(server.contacts), 7004, 7005])
  })

  it('still reads the set again after a resume when a page before the quit saw the total move', async () => {
    const server = new FakeServer(1000)
    const quit = new AbortController()
    server.hook = (n) => void (n === 3 && server.create(1))
    await pullContacts(db, server.bridge, { ...oneAtATime, signal: quit.signal, onProgress: (p) => p.pagesDone === 4 && quit.abort() })
    // While closed the total goes back to where the pass started; only the saved evidence shows the drift.
    server.remove([1001])
    server.hook = () => {}
    const resumed = await pullContacts(db, server.bridge, oneAtATime)
    expect(resumed).toMatchObject({ status: 'completed', consistent: true, passes: 2 })
    expect(await mirror(db)).toEqual(server.contacts)
  })
  it('names the real cause of a failure: a broken bridge or malformed answer is not the database', async () => {
    const server = new FakeServer(500)
    const list = server.bridge['contacts.list']
    let calls = 0
    const throwing: PullBridge = {
      ...server.bridge,
      'contacts.list': (query) => (++calls === 3 ? Promise.reject(new Error('IPC channel closed')) : list(query)),
    }
    const broken = await pullContacts(db, throwing, fast)
    expect(broken).toMatchObject({ status: 'failed', error: { kind: 'internal', message: 'The app could not pass the call to SkyLight on (IPC channel closed).' } })

    const malformed: PullBridge = {
      ...server.bridge,
      'contacts.list': async (query) => {
        const answer = await list(query)
        return answer.ok && query.page === 2 ? { ok: true, data: { ...answer.data, data: null as never } } : answer
      },
    }
    const outcome = await pullContacts(db, malformed, fast)
    expect(outcome.status).toBe('failed')
    const message = outcome.status === 'failed' ? outcome.error.message : ''
    expect(message).toMatch(/^The pull stopped on an unexpected error \(TypeError: /)
    expect(message).not.toContain('database')
  })

  it('says the local database failed when it did', async () => {
    const server = new FakeServer(500)
    server.hook = (n) => {
      if (n === 3) db.close()
    }
    const outcome = await pullContacts(db, server.bridge, oneAtATime)
    expect(outcome).toMatchObject({ status: 'failed', error: { kind: 'internal' } })
    expect(outcome.status === 'failed' && outcome.error.message).toMatch(/^The local database failed during the pull \(.*\)\.$/)
  })
})
