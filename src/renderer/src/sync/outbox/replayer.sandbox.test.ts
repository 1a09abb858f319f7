// The replayer against the real sandbox over HTTP, through the real client, as main would call it.
import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { Contact } from '../../../../shared/contact'
import { createSkylightClient, type SkylightClient } from '../../../../main/api/client'
import { createRateLimiter } from '../../../../main/api/limiter'
import { startSandbox, type Sandbox, type SandboxKnobs } from '../../../../sandbox/faults/knobbed-sandbox'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { pullContacts } from '../pull/puller'
import { enqueue, enqueueMany } from './enqueue'
import type { IntentInput } from './intent'
import { inProcessLocks, type LockManagerLike } from './locks'
import { outboxEvents, type OutboxEvent } from './outbox-events'
import { discard, editIntent, listQueue, pendingCount, recreate, resolveConflict } from './queue'
import { createReplayer, type Replayer } from './replayer'
import { testBridge, type TestBridge } from './test-support/sandbox-bridge'

let sandbox: Sandbox
let db: ContactsDb
let net: TestBridge
let locks: LockManagerLike
let current: Replayer | null = null
const replayers: Replayer[] = []
afterEach(async () => {
  current = null
  for (const replayer of replayers.splice(0)) await replayer.stop()
  db.close()
  await sandbox.close()
})

const clientFor = (s: Sandbox, apiKey = s.apiKey): SkylightClient =>
  createSkylightClient({ baseUrl: s.baseUrl, apiKey, limiter: createRateLimiter(), retry: { attempts: 1, baseDelayMs: 5 }, timeoutMs: 3_000 })

async function setup(knobs: Partial<SandboxKnobs> = {}, contacts = 12): Promise<void> {
  sandbox = await startSandbox({ port: 0, contacts, seed: 5, knobs: { rows: 'full', ...knobs } })
  net = testBridge(clientFor(sandbox))
  db = await openAccountDatabase(`replay-${randomUUID()}`)
  locks = inProcessLocks()
  await db.contacts.bulkPut(sandbox.store.all())
}

/** A replayer of this test's "app": all share one lock manager, as windows share `navigator.locks`. */
function replayer(): Replayer {
  const made = createReplayer({ db, bridge: net.bridge, locks, timing: { baseMs: 5, capMs: 40 }, idleCheckMs: 40 })
  replayers.push(made)
  return made
}

/** Runs the app's replayer (started once) until nothing is left to send. */
async function drain(): Promise<Replayer> {
  const made = (current ??= replayer())
  made.start()
  await made.settled()
  return made
}

async function queue(input: IntentInput): Promise<number> {
  const queued = await enqueue(db, input)
  if (!queued.ok) throw new Error(queued.error.message)
  return queued.data.contactId
}

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 5))
}

const withoutStamp = ({ updated_at: _u, ...rest }: Partial<Contact>) => rest
const first = () => sandbox.store.all()[0]

describe('replaying the outbox against the sandbox', () => {
  it('creates a contact made offline once, and moves its notes, intents and selection to the server id', async () => {
    await setup()
    const seen: OutboxEvent[] = []
    outboxEvents(db).subscribe((event) => seen.push(event))
    net.offline = true
    const tempId = await queue({ kind: 'create', fields: { name: 'Offline Ada', type: 'whatsapp', phone: '+14155550199' } })
    await queue({ kind: 'update', contactId: tempId, changes: { email: 'ada@example.com' } })
    await queue({ kind: 'addNote', contactId: tempId, content: 'Met offline' })
    await queue({ kind: 'setBlacklisted', contactId: tempId, blacklisted: true })
    const offline = replayer()
    offline.start()
    await until(async () => (await listQueue(db))[0]?.lastError?.kind === 'offline')
    await offline.stop()
    replayers.splice(replayers.indexOf(offline), 1)
    // The update rode on the create, which was marked in flight.
    expect(await pendingCount(db)).toBe(3)
    // Tried and waiting for its backoff (a loaded machine may have let a second try in before the stop).
    const create = (await listQueue(db))[0]
    expect(create).toMatchObject({ status: 'pending', notBefore: expect.any(Number) })
    expect(create.attempts).toBeGreaterThanOrEqual(1)

    net.offline = false
    await drain()
    const made = sandbox.store.all().filter((contact) => contact.name === 'Offline Ada')
    expect(made).toHaveLength(1)
    expect(made[0]).toMatchObject({ email: 'ada@example.com', phone: '+14155550199', blacklisted: true })
    expect(sandbox.store.notes(made[0].id).map((note) => note.content)).toEqual(['Met offline'])
    expect(seen).toContainEqual({ type: 'idChanged', from: tempId, to: made[0].id })
    expect(await db.contacts.get(tempId)).toBeUndefined()
    expect(withoutStamp((await db.contacts.get(made[0].id)) ?? {})).toEqual(withoutStamp(made[0]))
    expect(await db.notes.where('contactId').equals(made[0].id).toArray()).toMatchObject([{ content: 'Met offline', id: expect.any(Number) }])
    expect(await pendingCount(db)).toBe(0)
  })

  it('sends nothing twice when half the write responses are lost', async () => {
    await setup({ lostResponseRate: 0.5 })
    const before = sandbox.store.size()
    const target = first()
    for (let i = 0; i < 5; i += 1) {
      await queue({ kind: 'create', fields: { name: `Lost ${i}`, type: 'instagram', ...(i % 2 ? { email: `lost${i}@example.com` } : {}) } })
      await queue({ kind: 'addNote', contactId: target.id, content: i < 3 ? 'Same words' : `Note ${i}` })
    }
    await drain()
    expect(sandbox.store.size()).toBe(before + 5)
    expect(new Set(sandbox.store.all().map((contact) => contact.name)).size).toBe(before + 5)
    const contents = sandbox.store.notes(target.id).map((note) => note.content)
    expect(contents.filter((content) => content === 'Same words')).toHaveLength(3)
    expect(contents.filter((content) => content.startsWith('Note '))).toEqual(['Note 3', 'Note 4'])
    expect(await pendingCount(db)).toBe(0)
  })

  it('makes two identical creates whose outcome was unknown into two contacts, not one', async () => {
    await setup({ latencyMs: [0, 4] })
    const before = sandbox.store.size()
    net.offline = true
    for (let i = 0; i < 3; i += 1) await queue({ kind: 'create', fields: { name: 'Twin', type: 'instagram', email: 'twin@example.com' } })
    const offline = replayer()
    offline.start()
    // "Could not reach the server" may come after the request left: every create is now of unknown outcome.
    await until(async () => (await listQueue(db)).every((row) => row.sentAt !== undefined))
    await offline.stop()
    replayers.splice(replayers.indexOf(offline), 1)
    net.offline = false
    await drain()
    expect(sandbox.store.all().filter((contact) => contact.name === 'Twin')).toHaveLength(3)
    expect(sandbox.store.size()).toBe(before + 3)
  })

  it('replays a blacklist only when the server differs from the wanted state', async () => {
    await setup()
    const target = sandbox.store.all().find((contact) => !contact.blacklisted) as Contact
    await queue({ kind: 'setBlacklisted', contactId: target.id, blacklisted: true })
    sandbox.store.toggleBlacklist(target.id)
    await drain()
    expect(sandbox.store.get(target.id)?.blacklisted).toBe(true)
    expect(sandbox.stats.byRoute['POST /api/v1/contacts/{id}/blacklist'] ?? 0).toBe(0)
  })

  it('adds and removes tags on the tags the server has now', async () => {
    await setup()
    const target = first()
    sandbox.store.update(target.id, { tags: ['old', 'theirs'] })
    await db.contacts.put({ ...target, tags: ['old'] })
    await queue({ kind: 'addTags', contactId: target.id, tags: ['vip'] })
    await queue({ kind: 'removeTags', contactId: target.id, tags: ['old'] })
    await drain()
    expect(sandbox.store.get(target.id)?.tags).toEqual(['theirs', 'vip'])
    expect((await db.contacts.get(target.id))?.tags).toEqual(['theirs', 'vip'])
  })

  it('parks a field changed on both sides as a conflict until the user picks mine or theirs', async () => {
    await setup()
    const [a, b] = sandbox.store.all()
    await queue({ kind: 'update', contactId: a.id, changes: { name: 'Mine A' } })
    await queue({ kind: 'update', contactId: b.id, changes: { name: 'Mine B', status: 'inactive' } })
    sandbox.store.update(a.id, { name: 'Theirs A' })
    sandbox.store.update(b.id, { name: 'Theirs B' })
    await drain()
    const parked = await listQueue(db)
    expect(parked.map((row) => [row.status, row.kind === 'update' && row.conflicts])).toEqual([
      ['conflict', [{ field: 'name', base: a.name, mine: 'Mine A', theirs: 'Theirs A' }]],
      ['conflict', [{ field: 'name', base: b.name, mine: 'Mine B', theirs: 'Theirs B' }]],
    ])
    expect(sandbox.store.get(b.id)?.status).toBe('active')
    expect(await resolveConflict(db, parked[0].seq, 'name', 'mine')).toEqual({ ok: true, data: undefined })
    expect(await resolveConflict(db, parked[1].seq, 'name', 'theirs')).toEqual({ ok: true, data: undefined })
    await drain()
    expect(sandbox.store.get(a.id)?.name).toBe('Mine A')
    expect(sandbox.store.get(b.id)).toMatchObject({ name: 'Theirs B', status: 'inactive' })
    expect(await db.contacts.get(b.id)).toMatchObject({ name: 'Theirs B', status: 'inactive' })
    expect(await pendingCount(db)).toBe(0)
  })

  it('pauses on a refused key without dropping anything, and resumes with a new one', async () => {
    await setup()
    net.client = clientFor(sandbox, 'sk_test_revoked')
    await queue({ kind: 'update', contactId: first().id, changes: { name: 'After the new key' } })
    const paused = await drain()
    expect(paused.state).toBe('paused_unauthorized')
    expect(paused.pausedBy).toMatchObject({ kind: 'unauthorized' })
    expect(await listQueue(db)).toMatchObject([{ status: 'pending', lastError: { kind: 'unauthorized' } }])
    net.client = clientFor(sandbox)
    paused.resume()
    await paused.settled()
    expect(sandbox.store.get(first().id)?.name).toBe('After the new key')
    expect(paused.state).toBe('idle')
  })

  it('parks intents of a contact deleted on the server as gone; recreate makes it again, discard forgets it', async () => {
    await setup()
    const [a, b] = sandbox.store.all()
    await queue({ kind: 'update', contactId: a.id, changes: { name: 'Kept A' } })
    await queue({ kind: 'addNote', contactId: a.id, content: 'Still wanted' })
    await queue({ kind: 'addTags', contactId: b.id, tags: ['late'] })
    sandbox.store.remove(a.id)
    sandbox.store.remove(b.id)
    await drain()
    const gone = await listQueue(db)
    expect(gone.filter((row) => row.status === 'gone').map((row) => row.contactId)).toEqual([a.id, b.id])
    const seen: OutboxEvent[] = []
    outboxEvents(db).subscribe((event) => seen.push(event))
    expect((await recreate(db, gone[0].seq)).ok).toBe(true)
    expect((await discard(db, gone[2].seq)).ok).toBe(true)
    expect(await db.contacts.get(b.id)).toBeUndefined()
    await drain()
    const again = sandbox.store.all().filter((contact) => contact.name === 'Kept A')
    expect(again).toHaveLength(1)
    expect(again[0]).toMatchObject({ phone: a.phone, email: a.email, tags: a.tags, blacklisted: a.blacklisted })
    expect(sandbox.store.notes(again[0].id).map((note) => note.content)).toEqual(['Still wanted'])
    expect(seen.filter((event) => event.type === 'idChanged')).toHaveLength(2)
    expect(await pendingCount(db)).toBe(0)
  })

  it('parks a refused value with the field errors until the user fixes it', async () => {
    await setup()
    const [a, b] = sandbox.store.all().filter((contact) => contact.phone)
    await queue({ kind: 'update', contactId: a.id, changes: { phone: b.phone } })
    await drain()
    const [parked] = await listQueue(db)
    expect(parked).toMatchObject({ status: 'invalid', lastError: { kind: 'validation', fields: { phone: ['The phone has already been taken.'] } } })
    expect(await editIntent(db, parked.seq, { changes: { phone: 'nope' } })).toMatchObject({ ok: false })
    expect(await editIntent(db, parked.seq, { changes: { phone: '+14155550142' } })).toEqual({ ok: true, data: undefined })
    await drain()
    expect(sandbox.store.get(a.id)?.phone).toBe('+14155550142')
    expect((await db.contacts.get(a.id))?.phone).toBe('+14155550142')
  })

  it('retries 5xx with backoff until every write is through, within a tight rate limit and without a 429 storm', async () => {
    // A window of 3 calls, tighter than the replayer's 4 contacts at once: the shared limiter must pace it.
    await setup({ errorRate: 0.3, rateLimit: { limit: 3, windowMs: 500 } })
    const targets = sandbox.store.all().slice(0, 6)
    await enqueueMany(db, targets.map((contact) => ({ kind: 'addTags' as const, contactId: contact.id, tags: ['retried'] })))
    await drain()
    for (const contact of targets) expect(sandbox.store.get(contact.id)?.tags).toContain('retried')
    // Without faults each contact takes two calls (read its tags, write them): more means the 5xx were retried.
    expect(sandbox.stats.requests).toBeGreaterThan(2 * targets.length)
    expect(sandbox.stats.rateLimited).toBeLessThanOrEqual(1)
    expect(await pendingCount(db)).toBe(0)
  }, 30_000)

  it('lets only one replayer replay at a time across windows', async () => {
    await setup({ latencyMs: 5 })
    const one = replayer()
    const two = replayer()
    one.start()
    two.start()
    expect(two.state).toBe('waiting_for_lock')
    await queue({ kind: 'addTags', contactId: first().id, tags: ['once'] })
    await one.settled()
    expect(two.state).toBe('waiting_for_lock')
    await one.stop()
    await queue({ kind: 'addTags', contactId: first().id, tags: ['twice'] })
    await two.settled()
    expect(sandbox.store.get(first().id)?.tags.slice(-2)).toEqual(['once', 'twice'])
  })

  it('survives a restart in the middle of replay with no duplicate and nothing lost', async () => {
    await setup({ latencyMs: 15 })
    const before = sandbox.store.size()
    for (let i = 0; i < 8; i += 1) await queue({ kind: 'create', fields: { name: `Restart ${i}`, type: 'instagram' } })
    const crashed = replayer()
    const firstCreated = new Promise<void>((resolve) => outboxEvents(db).subscribe((event) => event.type === 'idChanged' && resolve()))
    crashed.start()
    // Quit as soon as one create is through: the others are queued or in flight.
    await firstCreated
    await crashed.stop()
    replayers.splice(replayers.indexOf(crashed), 1)
    // The old process's requests land (or not) before the new one starts.
    await net.settled()
    expect(await pendingCount(db)).toBeGreaterThan(0)
    await drain()
    expect(sandbox.store.size()).toBe(before + 8)
    expect(new Set(sandbox.store.all().map((contact) => contact.name)).size).toBe(before + 8)
  })

  it("sends an update that waits for other contacts only after their deletes: a merge's survivor takes a deleted member's phone", async () => {
    await setup({ lostResponseRate: 0.3 })
    const [survivor, member] = sandbox.store.all().filter((contact) => contact.phone)
    // The survivor's update is queued with the delete, in one go, as a merge queues them.
    const queued = await enqueueMany(db, [
      { kind: 'delete', contactId: member!.id },
      { kind: 'update', contactId: survivor!.id, changes: { phone: member!.phone }, after: [member!.id] },
    ])
    if (!queued.ok) throw new Error(queued.error.message)
    // The delete fails three times first: an update sent meanwhile would find the phone taken.
    const calls = net.bridge
    let failures = 3
    const order: string[] = []
    net.bridge = {
      ...calls,
      'contacts.delete': async (args) => {
        order.push(`delete ${args.id}`)
        if (failures-- > 0) return { ok: false, error: { kind: 'server', message: 'Busy.', status: 503 } }
        return calls['contacts.delete'](args)
      },
      'contacts.update': async (args) => {
        order.push(`update ${args.id}`)
        return calls['contacts.update'](args)
      },
    }
    await drain()
    expect(await listQueue(db)).toEqual([])
    expect(sandbox.store.get(member!.id)).toBeUndefined()
    expect(sandbox.store.get(survivor!.id)).toMatchObject({ phone: member!.phone })
    expect(order.slice(0, 4)).toEqual([`delete ${member!.id}`, `delete ${member!.id}`, `delete ${member!.id}`, `delete ${member!.id}`])
  })

  it('keeps local edits visible through a pull', async () => {
    await setup()
    const target = first()
    await queue({ kind: 'update', contactId: target.id, changes: { name: 'Not yet sent' } })
    await queue({ kind: 'addTags', contactId: target.id, tags: ['local'] })
    const doomed = sandbox.store.all()[1].id
    await queue({ kind: 'delete', contactId: doomed })
    sandbox.store.update(target.id, { email: 'fresh@example.com' })
    const pulled = await pullContacts(db, net.bridge, { retryBaseMs: 5 })
    expect(pulled).toMatchObject({ status: 'completed' })
    expect(await db.contacts.get(target.id)).toMatchObject({ name: 'Not yet sent', email: 'fresh@example.com', tags: [...target.tags, 'local'] })
    expect(await db.contacts.get(doomed)).toBeUndefined()
  })
})
