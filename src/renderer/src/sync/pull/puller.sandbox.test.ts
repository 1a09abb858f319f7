// The puller against the real sandbox over HTTP, through the real client (as main would call it).
import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ContactQuery, ContactRow } from '../../../../shared/contact'
import { createSkylightClient, type SkylightClient } from '../../../../main/api/client'
import { createRateLimiter } from '../../../../main/api/limiter'
import { startSandbox, type Sandbox, type SandboxKnobs } from '../../../../sandbox/faults/knobbed-sandbox'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { allRows } from '../../db/contacts-repo'
import { pullContacts, type PullBridge } from './puller'
import { outboxStore } from '../outbox/test-support/queue-states'

let db: ContactsDb
let sandbox: Sandbox | undefined
/** Error kinds the bridge handed to the puller in this test. */
let errorsSeen: string[] = []
beforeEach(async () => {
  errorsSeen = []
  db = await openAccountDatabase(`sandbox-pull-${randomUUID()}`)
})
afterEach(async () => {
  db.close()
  await sandbox?.close()
  sandbox = undefined
})

async function start(contacts: number, knobs: Partial<SandboxKnobs> = {}): Promise<{ sandbox: Sandbox; client: SkylightClient }> {
  sandbox = await startSandbox({ port: 0, contacts, seed: 11, knobs: { rows: 'full', ...knobs } })
  // One try per call and a limiter of its own: faults reach the puller, which must handle them.
  const client = createSkylightClient({
    baseUrl: sandbox.baseUrl,
    apiKey: sandbox.apiKey,
    limiter: createRateLimiter(),
    retry: { attempts: 1, baseDelayMs: 10 },
  })
  return { sandbox, client }
}

/** The bridge main would expose, with hooks run (and awaited) before each list call and each get. */
function bridgeOf(
  client: SkylightClient,
  before: (call: number, query: ContactQuery) => Promise<void> | void = () => {},
  beforeGet: (id: number) => Promise<void> | void = () => {},
): PullBridge {
  let calls = 0
  const seen = <T extends { ok: boolean }>(result: T & ({ ok: true } | { ok: false; error: { kind: string } })): T => {
    if (!result.ok) errorsSeen.push(result.error.kind)
    return result
  }
  return {
    'contacts.list': async (query) => {
      calls += 1
      await before(calls, query)
      return seen(await client.listContacts(query))
    },
    'contacts.get': async ({ id }) => {
      await beforeGet(id)
      return seen(await client.getContact(id))
    },
  }
}

const byId = (a: ContactRow, b: ContactRow) => a.id - b.id
const mirror = async () => (await allRows(db)).sort(byId)
const listRequests = (s: Sandbox) => s.stats.byRoute['GET /api/v1/contacts'] ?? 0
const fast = { retryBaseMs: 5 }
/** One page read at a time: the drift below is then exactly the balanced case that counts cannot see. */
const oneAtATime = { ...fast, concurrency: 1 }
const getRequests = (s: Sandbox) => s.stats.byRoute['GET /api/v1/contacts/{id}'] ?? 0
const idsOf = (rows: readonly ContactRow[]) => rows.map((row) => row.id).sort((a, b) => a - b)

describe('pull against the sandbox', () => {
  it('mirrors 2,345 contacts exactly, ids and fields', async () => {
    const { sandbox, client } = await start(2345)
    const outcome = await pullContacts(db, bridgeOf(client), fast)
    expect(outcome).toEqual({ status: 'completed', consistent: true, total: 2345, deleted: 0, passes: 1, requests: 25 })
    expect(await mirror()).toEqual(sandbox.store.all())
  })

  it('keeps the emails the mirror knows when list rows are partial', async () => {
    const { sandbox, client } = await start(300)
    await db.contacts.bulkPut(sandbox.store.all())
    sandbox.knobs.rows = 'partial'
    const renamed = sandbox.store.all()[10]
    sandbox.store.update(renamed.id, { name: 'Renamed Elsewhere' })
    const outcome = await pullContacts(db, bridgeOf(client), fast)
    expect(outcome.status).toBe('completed')
    const rows = await mirror()
    expect(rows).toHaveLength(300)
    expect(rows.filter((row) => row.email).length).toBe(sandbox.store.all().filter((c) => c.email).length)
    expect(rows.map((row) => row.email)).toEqual(sandbox.store.all().map((c) => c.email))
    expect(rows.find((row) => row.id === renamed.id)?.name).toBe('Renamed Elsewhere')
  })

  it('ends with exactly the server set when contacts are created and deleted during the pull', async () => {
    const { sandbox, client } = await start(1200)
    const before = sandbox.store.all()
    await db.contacts.bulkPut(before.slice(0, 50))
    const bridge = bridgeOf(client, async (call) => {
      if (call === 3) {
        // Deleting early rows shifts later pages back (a row would be missed); creates land at the end.
        for (const contact of [before[5], before[140], before[260], before[900]]) await client.deleteContact(contact.id)
        for (let i = 0; i < 6; i += 1) await client.createContact({ name: `Drift ${i}`, type: 'instagram' })
      }
      if (call === 8) sandbox.editAsOtherUser(5)
    })
    const outcome = await pullContacts(db, bridge, fast)
    expect(outcome).toMatchObject({ status: 'completed', consistent: true })
    expect(outcome.status === 'completed' && outcome.passes).toBeGreaterThanOrEqual(2)
    expect(await mirror()).toEqual(sandbox.store.all())
  })

  it('completes under a tight rate limit and 20% server errors', async () => {
    const { sandbox, client } = await start(1000, { rateLimit: { limit: 6, windowMs: 1000 }, errorRate: 0.2 })
    // Another app on the same key spends the window behind our limiter's back, so 429s reach the puller.
    const spendWindow = () =>
      Promise.all(
        Array.from({ length: 6 }, () =>
          fetch(`${sandbox.baseUrl}/api/v1/contacts?per_page=1`, { headers: { Authorization: `Bearer ${sandbox.apiKey}` } }),
        ),
      )
    const bridge = bridgeOf(client, async (call) => {
      if (call === 2) await spendWindow()
    })
    const outcome = await pullContacts(db, bridge, { ...fast, maxRetries: 8 })
    expect(outcome).toMatchObject({ status: 'completed', consistent: true, total: 1000 })
    expect(await mirror()).toEqual(sandbox.store.all())
    expect(errorsSeen).toContain('rate_limited')
    expect(errorsSeen).toContain('server')
  })

  it('resumes after a quit half-way with fewer requests than a fresh pull', async () => {
    const { sandbox, client } = await start(2000)
    const quit = new AbortController()
    const aborted = await pullContacts(db, bridgeOf(client), {
      ...fast,
      signal: quit.signal,
      onProgress: (progress) => progress.pagesDone >= 9 && quit.abort(),
    })
    expect(aborted.status).toBe('aborted')
    const firstRun = listRequests(sandbox)
    const resumed = await pullContacts(db, bridgeOf(client), fast)
    const secondRun = listRequests(sandbox) - firstRun
    expect(resumed).toMatchObject({ status: 'completed', consistent: true, passes: 1 })
    // A fresh pull is 20 pages plus the final check.
    expect(secondRun).toBeLessThanOrEqual(21 - 9)
    expect(await mirror()).toEqual(sandbox.store.all())
  })

  it('never deletes rows with queued intents nor temporary ids, and deletes what the server lost', async () => {
    const { sandbox, client } = await start(150)
    const [first, second] = sandbox.store.all()
    await db.contacts.bulkPut(sandbox.store.all())
    await db.contacts.put({ id: -3, name: 'Created offline' })
    await outboxStore(db).add({ kind: 'setBlacklisted', contactId: first.id, blacklisted: true, status: 'pending', attempts: 0, createdAt: '2026-03-04T10:00:00.000Z' })
    sandbox.store.remove(first.id)
    sandbox.store.remove(second.id)
    const outcome = await pullContacts(db, bridgeOf(client), fast)
    expect(outcome).toMatchObject({ status: 'completed', consistent: true, deleted: 1 })
    const ids = (await mirror()).map((row) => row.id)
    expect(ids).toContain(first.id)
    expect(ids).toContain(-3)
    expect(ids).not.toContain(second.id)
  })

  it('deletes nothing when the set keeps moving through every pass', async () => {
    const { sandbox, client } = await start(400)
    const gone = sandbox.store.all()[0]
    await db.contacts.bulkPut([gone, { id: 99_999, name: 'Unknown to the server' }])
    sandbox.store.remove(gone.id)
    const bridge = bridgeOf(client, async (call) => {
      if (call % 2 === 0) await client.createContact({ name: `Churn ${call}`, type: 'instagram' })
    })
    const outcome = await pullContacts(db, bridge, { ...fast, maxPasses: 2 })
    expect(outcome).toMatchObject({ status: 'completed', consistent: false, deleted: 0, passes: 2 })
    const ids = (await mirror()).map((row) => row.id)
    expect(ids).toContain(gone.id)
    expect(ids).toContain(99_999)
  })

  it('stops at once when the key is refused', async () => {
    const { sandbox } = await start(3000)
    const wrongKey = createSkylightClient({ baseUrl: sandbox.baseUrl, apiKey: 'sk_test_wrong', limiter: createRateLimiter(), retry: { attempts: 1, baseDelayMs: 10 } })
    const outcome = await pullContacts(db, bridgeOf(wrongKey), fast)
    expect(outcome).toMatchObject({ status: 'failed', error: { kind: 'unauthorized' }, requests: 1 })
  })
})

describe('deleting only what the server confirms gone', () => {
  it('keeps every live contact when as many are created as deleted during the pass', async () => {
    const { sandbox, client } = await start(1200)
    const before = sandbox.store.all()
    await db.contacts.bulkPut(before)
    // Before page 4: two rows already read and one row ahead are deleted, three are created at the end.
    // The total never moves, yet page 4 onwards shift back two places: two live rows are never read.
    const bridge = bridgeOf(client, (call) => {
      if (call !== 4) return
      for (const index of [10, 150, 900]) sandbox.store.remove(before[index].id)
      for (let i = 0; i < 3; i += 1) sandbox.store.create({ name: `Balanced ${i}`, type: 'instagram' })
    })
    const outcome = await pullContacts(db, bridge, oneAtATime)
    // The confirmations find the missed rows alive, which proves drift: the set is read again, and that
    // second pass no longer sees the two rows deleted after their page was read, so they go too.
    expect(outcome).toMatchObject({ status: 'completed', consistent: true, passes: 2, deleted: 3, total: 1200 })
    expect(await mirror()).toEqual(sandbox.store.all())
  })

  it('with one pass allowed, keeps every live contact and, of the deleted, only those read before their delete', async () => {
    const { sandbox, client } = await start(1200)
    const before = sandbox.store.all()
    await db.contacts.bulkPut(before)
    const readThenDeleted = [before[10].id, before[150].id]
    const bridge = bridgeOf(client, (call) => {
      if (call !== 4) return
      for (const id of [...readThenDeleted, before[900].id]) sandbox.store.remove(id)
      for (let i = 0; i < 3; i += 1) sandbox.store.create({ name: `Balanced ${i}`, type: 'instagram' })
    })
    const outcome = await pullContacts(db, bridge, { ...oneAtATime, maxPasses: 1 })
    // Drift proven on the last pass allowed: the pull says it is not consistent, yet it deleted the row the server confirmed gone.
    expect(outcome).toMatchObject({ status: 'completed', consistent: false, passes: 1, deleted: 1 })
    const rows = await mirror()
    // Exactly the server's set plus the rows deleted after their page was read; every live row as the server has it.
    expect(idsOf(rows)).toEqual(idsOf([...sandbox.store.all(), ...before.filter((c) => readThenDeleted.includes(c.id))]))
    expect(rows.filter((row) => !readThenDeleted.includes(row.id))).toEqual(sandbox.store.all())
  })

  it('keeps every live contact when the server changed while the app was closed mid-pull', async () => {
    const { sandbox, client } = await start(1200)
    const before = sandbox.store.all()
    await db.contacts.bulkPut(before)
    const quit = new AbortController()
    const aborted = await pullContacts(db, bridgeOf(client), {
      ...oneAtATime,
      signal: quit.signal,
      onProgress: (progress) => progress.pagesDone >= 5 && quit.abort(),
    })
    expect(aborted.status).toBe('aborted')
    // While closed: three rows already read are deleted and three created; the unread pages shift back three places.
    for (const index of [20, 220, 420]) sandbox.store.remove(before[index].id)
    for (let i = 0; i < 3; i += 1) sandbox.store.create({ name: `While closed ${i}`, type: 'telegram', phone: `+4420700000${i}0` })
    const resumed = await pullContacts(db, bridgeOf(client), oneAtATime)
    expect(resumed).toMatchObject({ status: 'completed', consistent: true, passes: 2, deleted: 3, total: 1200 })
    expect(await mirror()).toEqual(sandbox.store.all())
  })

  it('never deletes a contact created (its temporary id swapped) after the pass read its place', async () => {
    const { sandbox, client } = await start(250)
    const before = sandbox.store.all()
    await db.contacts.bulkPut([...before, { id: -1, name: 'Created offline', type: 'instagram' }])
    // Call 4 is the check of page 1 after the last page: the replayer's create lands now, and one row
    // already read is deleted, so the total at the end is the total at the start.
    const bridge = bridgeOf(client, async (call) => {
      if (call !== 4) return
      const created = await client.createContact({ name: 'Created offline', type: 'instagram' })
      if (!created.ok) throw new Error('the create failed')
      await db.transaction('rw', db.contacts, async () => {
        await db.contacts.delete(-1)
        await db.contacts.put(created.data)
      })
      sandbox.store.remove(before[5].id)
    })
    const outcome = await pullContacts(db, bridge, oneAtATime)
    expect(outcome).toMatchObject({ status: 'completed', consistent: true, deleted: 1 })
    expect(await mirror()).toEqual(sandbox.store.all())
  })

  it.each([
    ['the API is unreachable', { down: true }, 'offline'],
    ['the server fails beyond every retry', { errorRate: 1 }, 'server'],
  ] as const)('keeps an unseen row whose confirmation fails (%s), and deletes it once the server confirms', async (_, knobs, kind) => {
    const { sandbox, client } = await start(300)
    await db.contacts.bulkPut(sandbox.store.all())
    const gone = sandbox.store.all()[42]
    sandbox.store.remove(gone.id)
    const failing = bridgeOf(client, () => {}, () => void Object.assign(sandbox.knobs, knobs))
    const outcome = await pullContacts(db, failing, { ...fast, maxRetries: 2 })
    expect(outcome).toMatchObject({ status: 'completed', consistent: true, deleted: 0 })
    expect(await db.contacts.get(gone.id)).toEqual(gone)
    expect(errorsSeen.filter((seen) => seen === kind)).toHaveLength(3)

    Object.assign(sandbox.knobs, { down: false, errorRate: 0 })
    const later = await pullContacts(db, bridgeOf(client), fast)
    expect(later).toMatchObject({ status: 'completed', consistent: true, deleted: 1 })
    expect(await mirror()).toEqual(sandbox.store.all())
  })

  it('confirms at most maxConfirmations rows per pull, and later pulls confirm the rest', async () => {
    const { sandbox, client } = await start(300)
    await db.contacts.bulkPut(sandbox.store.all())
    for (const contact of sandbox.store.all().slice(100, 125)) sandbox.store.remove(contact.id)
    const pull = () => pullContacts(db, bridgeOf(client), { ...fast, maxConfirmations: 10 })
    expect(await pull()).toMatchObject({ status: 'completed', consistent: true, deleted: 10 })
    expect(getRequests(sandbox)).toBe(10)
    expect(await db.contacts.count()).toBe(290)
    expect(await pull()).toMatchObject({ deleted: 10 })
    expect(await pull()).toMatchObject({ deleted: 5 })
    expect(getRequests(sandbox)).toBe(25)
    expect(await mirror()).toEqual(sandbox.store.all())
  })
})
