// Bulk edits rebased from list pages, against the real sandbox over HTTP: requests counted at the server.
import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { createSkylightClient } from '../../../../main/api/client'
import { createRateLimiter } from '../../../../main/api/limiter'
import { startSandbox, type Sandbox, type SandboxKnobs } from '../../../../sandbox/faults/knobbed-sandbox'
import { allRows } from '../../db/contacts-repo'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { enqueueMany } from './enqueue'
import type { IntentInput } from './intent'
import { inProcessLocks } from './locks'
import { pagePlans } from './page-plans'
import { pageQueryFor, type PageQuery } from './page-query'
import { pendingCount } from './queue'
import { createReplayer, type Replayer } from './replayer'
import { testBridge, type TestBridge } from './test-support/sandbox-bridge'
import { withdrawUnsent } from './withdraw'

let sandbox: Sandbox
let db: ContactsDb
let net: TestBridge
const replayers: Replayer[] = []
afterEach(async () => {
  for (const replayer of replayers.splice(0)) await replayer.stop()
  db.close()
  await sandbox.close()
})

const LIST = 'GET /api/v1/contacts'
const GET = 'GET /api/v1/contacts/{id}'
const PUT = 'PUT /api/v1/contacts/{id}'
const TOGGLE = 'POST /api/v1/contacts/{id}/blacklist'

/** `contacts` on the server, every `tagEvery`-th tagged "fair"; the mirror holds them all, as after a pull. */
async function setup(contacts: number, tagEvery: number, knobs: Partial<SandboxKnobs> = {}): Promise<number[]> {
  sandbox = await startSandbox({ port: 0, contacts, seed: 11, knobs })
  const fair = sandbox.store
    .all()
    .filter((_, i) => i % tagEvery === 0)
    .map((contact) => {
      sandbox.store.update(contact.id, { tags: [...contact.tags.filter((tag) => tag !== 'fair' && tag !== 'called'), 'fair'] })
      return contact.id
    })
  net = testBridge(createSkylightClient({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, limiter: createRateLimiter(), retry: { attempts: 1, baseDelayMs: 5 }, timeoutMs: 3_000 }))
  db = await openAccountDatabase(`pages-${randomUUID()}`)
  await db.contacts.bulkPut(sandbox.store.all())
  return fair
}

async function queue(inputs: IntentInput[], pages?: PageQuery): Promise<number[]> {
  const queued = await enqueueMany(db, inputs, new Date(), pages ? { pages } : {})
  if (!queued.ok) throw new Error(queued.error.message)
  return queued.data.map((item) => item.seq)
}

/** Replays until the queue is empty; returns the requests it took, by route. */
async function replay(): Promise<Record<string, number>> {
  const before = { ...sandbox.stats.byRoute }
  const replayer = createReplayer({ db, bridge: net.bridge, locks: inProcessLocks(), timing: { baseMs: 5, capMs: 40 }, idleCheckMs: 40 })
  replayers.push(replayer)
  replayer.start()
  await replayer.settled()
  expect(await pendingCount(db)).toBe(0)
  expect(await pagePlans(db)).toEqual([])
  return Object.fromEntries(Object.entries(sandbox.stats.byRoute).map(([route, count]) => [route, count - (before[route] ?? 0)]))
}

const hasTag = (id: number, tag: string) => sandbox.store.get(id)?.tags.includes(tag)
const sortedTags = <T extends { tags?: string[] }>(rows: T[]) => rows.map((row) => ({ ...row, tags: [...(row.tags ?? [])].sort() }))

describe('bulk edits rebased from list pages', () => {
  it('tags contacts picked by a tag filter with one page read per 100 and no GET, keeping tags others added meanwhile', async () => {
    const fair = await setup(500, 2)
    await queue(fair.map((contactId) => ({ kind: 'addTags', contactId, tags: ['called'] })), pageQueryFor({ text: '', filters: { tag: 'fair' } }))
    sandbox.store.update(fair[7], { tags: [...sandbox.store.get(fair[7])!.tags, 'theirs'] })

    const requests = await replay()

    expect(requests).toEqual({ [LIST]: 3, [PUT]: 250 })
    expect(fair.every((id) => hasTag(id, 'called') && hasTag(id, 'fair'))).toBe(true)
    expect(hasTag(fair[7], 'theirs')).toBe(true)
    expect(sortedTags(await allRows(db)).sort((a, b) => a.id - b.id)).toEqual(sortedTags(sandbox.store.all()))
  })

  it('rebases a contact the pages no longer hold on its own GET', async () => {
    const fair = await setup(300, 3)
    await queue(fair.map((contactId) => ({ kind: 'addTags', contactId, tags: ['called'] })), { tag: 'fair' })
    // Another user took one contact out of the filter before replay: its page never shows it.
    sandbox.store.update(fair[3], { tags: ['moved'] })

    const requests = await replay()

    expect(requests).toEqual({ [LIST]: 1, [GET]: 1, [PUT]: 100 })
    expect(sandbox.store.get(fair[3])?.tags).toEqual(['moved', 'called'])
  })

  it('follows the list as its own writes take contacts out of the filter', async () => {
    const fair = await setup(700, 2)
    await queue(fair.map((contactId) => ({ kind: 'removeTags', contactId, tags: ['fair'] })), { tag: 'fair' })

    const requests = await replay()

    expect(requests[GET]).toBeUndefined()
    expect(requests[PUT]).toBe(350)
    // The list shrinks under the sweep: page 1 again and again, then the empty page that ends the lap.
    expect(requests[LIST]).toBeLessThanOrEqual(5)
    expect(fair.some((id) => hasTag(id, 'fair'))).toBe(false)
  })

  it('sets blacklists wanted from a blacklist filter, toggling only those that differ', async () => {
    await setup(260, 1)
    const clear = sandbox.store.all().filter((contact) => !contact.blacklisted)
    // One was blacklisted by someone else since: toggling it would undo that.
    sandbox.store.toggleBlacklist(clear[5].id)
    await queue(clear.map((contact) => ({ kind: 'setBlacklisted', contactId: contact.id, blacklisted: true })), { blacklisted: false })

    const requests = await replay()

    expect(sandbox.store.all().every((contact) => contact.blacklisted)).toBe(true)
    expect(requests[TOGGLE]).toBe(clear.length - 1)
    expect(requests[GET]).toBe(1)
  })

  it('changes the channel of contacts picked by a channel filter from partial list rows, as they leave the filter', async () => {
    await setup(400, 1)
    const whatsapp = sandbox.store.all().filter((contact) => contact.type === 'whatsapp' && contact.phone)
    await queue(whatsapp.map((contact) => ({ kind: 'update', contactId: contact.id, changes: { type: 'telegram' } })), { type: 'whatsapp' })

    const requests = await replay()

    expect(requests[GET]).toBeUndefined()
    expect(requests[PUT]).toBe(whatsapp.length)
    expect(requests[LIST]).toBeLessThanOrEqual(Math.ceil(whatsapp.length / 100) + 1)
    expect(whatsapp.every((contact) => sandbox.store.get(contact.id)?.type === 'telegram')).toBe(true)
  })

  it('reads a text search as the server searches it, and stops reading pages that do not pay', async () => {
    await setup(400, 4)
    const word = sandbox.store.all()[0].name.split(' ')[0]
    const picked = sandbox.store.all().filter((contact) => contact.name.toLowerCase().includes(word.toLowerCase()))
    const query = pageQueryFor({ text: word, filters: {} })
    expect(query).toEqual({ search: word.toLowerCase() })
    await queue(picked.map((contact) => ({ kind: 'addTags', contactId: contact.id, tags: ['called'] })), query)
    // A second bulk, over contacts its query does not hold at all: one page read, then one by one.
    const others = sandbox.store.all().filter((contact) => !contact.name.toLowerCase().includes(word.toLowerCase())).slice(0, 3)
    await queue(others.map((contact) => ({ kind: 'addTags', contactId: contact.id, tags: ['later'] })), { search: 'no-such-name-anywhere' })

    const requests = await replay()

    expect(requests[LIST]).toBe(Math.ceil(picked.length / 100) + 1)
    expect(requests[GET]).toBe(others.length)
    expect(requests[PUT]).toBe(picked.length + others.length)
  })

  it('reads no page for a bulk edit undone before it was sent', async () => {
    const fair = await setup(200, 2)
    const seqs = await queue(fair.map((contactId) => ({ kind: 'addTags', contactId, tags: ['called'] })), { tag: 'fair' })
    await withdrawUnsent(db, seqs, async () => {})
    expect(await pagePlans(db)).toHaveLength(1)

    expect(await replay()).toEqual({})
  })

  it('resumes its sweep after a restart, without a GET for the contacts written before it', async () => {
    const fair = await setup(600, 2, { latencyMs: [1, 2] })
    await queue(fair.map((contactId) => ({ kind: 'addTags', contactId, tags: ['called'] })), { tag: 'fair' })
    const first = createReplayer({ db, bridge: net.bridge, locks: inProcessLocks(), timing: { baseMs: 5, capMs: 40 }, idleCheckMs: 40 })
    first.start()
    while (!fair.slice(0, 150).every((id) => hasTag(id, 'called'))) await new Promise((resolve) => setTimeout(resolve, 5))
    await first.stop()
    await net.settled()

    const requests = await replay()

    expect(requests[GET]).toBeUndefined()
    expect(fair.every((id) => hasTag(id, 'called'))).toBe(true)
  })
})
