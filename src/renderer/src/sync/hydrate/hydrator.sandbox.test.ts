// Hydration against the real sandbox over HTTP with partial list rows: completes, resumes, pauses, never undoes an edit, keeps its order.
import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ContactRow } from '../../../../shared/contact'
import { createSkylightClient } from '../../../../main/api/client'
import { createRateLimiter } from '../../../../main/api/limiter'
import { startSandbox, type Sandbox, type SandboxKnobs } from '../../../../sandbox/faults/knobbed-sandbox'
import { allRows } from '../../db/contacts-repo'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { enqueue, inProcessLocks } from '../outbox'
import { testBridge, type TestBridge } from '../outbox/test-support/sandbox-bridge'
import { pullContacts } from '../pull/puller'
import { createConnectivity, type Connectivity } from '../session/connectivity'
import type { HydrateBridge } from './hydrate-contact'
import { keepOfflineFirst, noteOpened } from './hydration-marks'
import { createHydrator, type HydrationState, type Hydrator, type HydratorOptions } from './hydrator'

let sandbox: Sandbox
let db: ContactsDb
let net: TestBridge
let connectivity: Connectivity
const running: Hydrator[] = []
afterEach(async () => {
  for (const hydrator of running.splice(0)) await hydrator.stop()
  db.close()
  await sandbox.close()
})

async function start(contacts: number, knobs: Partial<SandboxKnobs> = {}): Promise<void> {
  sandbox = await startSandbox({ port: 0, contacts, seed: 21, knobs: { rows: 'partial', ...knobs } })
  const client = createSkylightClient({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, limiter: createRateLimiter(), retry: { attempts: 1, baseDelayMs: 5 }, timeoutMs: 2_000 })
  net = testBridge(client)
  connectivity = createConnectivity()
  db = await openAccountDatabase(`hydrate-${randomUUID()}`)
  expect(await pullContacts(db, net.bridge, { retryBaseMs: 5 })).toMatchObject({ status: 'completed' })
}

/** The bridge as the session hands it over: every answer tells connectivity whether the API is there; calls are logged in order. */
function observed(log: number[] = []): HydrateBridge {
  // This test's: a late answer to an earlier test's call must not reach the next test's.
  const reach = connectivity
  const report = <T extends { ok: boolean; error?: unknown }>(result: T) => {
    reach.report(result.ok ? null : (result as unknown as { error: Parameters<Connectivity['report']>[0] }).error)
    return result
  }
  return {
    'contacts.get': async (args) => {
      log.push(args.id)
      return report(await net.bridge['contacts.get'](args))
    },
    'notes.list': async (args) => {
      log.push(args.id)
      return report(await net.bridge['notes.list'](args))
    },
  }
}

function hydrate(options: Partial<HydratorOptions> = {}, states: HydrationState[] = []): Hydrator {
  const hydrator = createHydrator({
    db,
    bridge: observed(),
    reachability: connectivity,
    locks: inProcessLocks(),
    retryBaseMs: 10,
    retryCapMs: 50,
    deferMs: 50,
    onChange: (state) => states.push(state),
    ...options,
  })
  running.push(hydrator)
  hydrator.start()
  return hydrator
}

const byId = (a: ContactRow, b: ContactRow) => a.id - b.id
const gets = () => sandbox.stats.byRoute['GET /api/v1/contacts/{id}'] ?? 0
const noteLists = () => sandbox.stats.byRoute['GET /api/v1/contacts/{id}/notes'] ?? 0

async function expectMirrorEqualsServer(): Promise<void> {
  expect((await allRows(db)).sort(byId)).toEqual(sandbox.store.all())
  for (const contact of sandbox.store.all()) {
    const kept = (await db.notes.where('contactId').equals(contact.id).sortBy('id')).map(({ contactId: _c, ...note }) => note)
    expect(kept).toEqual(sandbox.store.notes(contact.id))
  }
}

describe('hydration against the sandbox', () => {
  it('reads every contact\'s details and notes once, until the mirror equals the server', async () => {
    await start(230)
    expect((await db.contacts.get(sandbox.store.nth(0)!.id))?.email).toBeUndefined()
    const hydrator = hydrate()
    await vi.waitFor(() => expect(hydrator.state).toMatchObject({ status: 'done', hydrated: 230, total: 230 }), { timeout: 20_000 })
    await expectMirrorEqualsServer()
    expect([gets(), noteLists()]).toEqual([230, 230])
  })

  it('asks only for notes when the list rows carry every field', async () => {
    await start(120, { rows: 'full' })
    const hydrator = hydrate()
    await vi.waitFor(() => expect(hydrator.state).toMatchObject({ status: 'done', hydrated: 120 }), { timeout: 20_000 })
    expect([gets(), noteLists()]).toEqual([0, 120])
    await expectMirrorEqualsServer()
  })

  it('resumes after a restart mid-way without reading again what it read', async () => {
    await start(200)
    const first = hydrate({ concurrency: 1 })
    await vi.waitFor(() => expect(first.state.hydrated).toBeGreaterThanOrEqual(60), { timeout: 20_000 })
    await first.stop()
    const before = gets() + noteLists()
    expect(before).toBeLessThan(400)
    // A new process: new hydrator, the same mirror.
    const second = hydrate()
    await vi.waitFor(() => expect(second.state).toMatchObject({ status: 'done', hydrated: 200 }), { timeout: 20_000 })
    // At most the one contact in flight at the stop is read twice.
    expect(gets() + noteLists()).toBeLessThanOrEqual(400 + 2)
    await expectMirrorEqualsServer()
  })

  it('stops at once, even while waiting out a slow answer', async () => {
    await start(20)
    sandbox.knobs.latencyMs = 30_000
    const hydrator = hydrate()
    await vi.waitFor(() => expect(hydrator.state.status).toBe('running'))
    const asked = Date.now()
    await hydrator.stop()
    expect(Date.now() - asked).toBeLessThan(1_000)
    expect(hydrator.state.status).toBe('stopped')
  })

  it('ends quietly when the mirror is closed under it (signing out)', async () => {
    await start(100)
    const errors: unknown[] = []
    const hydrator = hydrate({ onError: (error) => errors.push(error) })
    await vi.waitFor(() => expect(hydrator.state.hydrated).toBeGreaterThanOrEqual(5), { timeout: 20_000 })
    db.close()
    await vi.waitFor(() => expect(hydrator.state.status).toBe('stopped'), { timeout: 5_000 })
    await hydrator.stop()
    expect(errors).toEqual([])
  })

  it('pauses while the API is unreachable and goes on by itself once it answers again', async () => {
    await start(150)
    const hydrator = hydrate({ concurrency: 1 })
    await vi.waitFor(() => expect(hydrator.state.hydrated).toBeGreaterThanOrEqual(20), { timeout: 20_000 })
    net.offline = true
    await vi.waitFor(() => expect(hydrator.state.status).toBe('offline'), { timeout: 5_000 })
    const whileOffline = gets() + noteLists()
    await new Promise((resolve) => setTimeout(resolve, 200))
    // Waiting, not retrying: no request left while offline.
    expect(gets() + noteLists()).toBe(whileOffline)
    net.offline = false
    // The session's reconnect probe is answered.
    connectivity.report(null)
    await vi.waitFor(() => expect(hydrator.state).toMatchObject({ status: 'done', hydrated: 150 }), { timeout: 20_000 })
    await expectMirrorEqualsServer()
  })

  it('pauses on a refused key and goes on once a key is answered again', async () => {
    await start(120)
    const hydrator = hydrate({ concurrency: 1 })
    await vi.waitFor(() => expect(hydrator.state.hydrated).toBeGreaterThanOrEqual(10), { timeout: 20_000 })
    const key = sandbox.apiKey
    sandbox.apiKey = 'sk_test_revoked'
    await vi.waitFor(() => expect(hydrator.state.status).toBe('unauthorized'), { timeout: 5_000 })
    const refused = sandbox.stats.requests
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(sandbox.stats.requests).toBe(refused)
    sandbox.apiKey = key
    connectivity.report(null)
    await vi.waitFor(() => expect(hydrator.state).toMatchObject({ status: 'done', hydrated: 120 }), { timeout: 20_000 })
    await expectMirrorEqualsServer()
  })

  it('never overwrites a queued edit, and lets an edit made meanwhile win', async () => {
    await start(60)
    const target = sandbox.store.nth(5)!
    const racing = sandbox.store.nth(9)!
    await enqueue(db, { kind: 'update', contactId: target.id, changes: { email: 'mine@example.com' } })
    const hydrator = createHydrator({
      db,
      reachability: connectivity,
      locks: inProcessLocks(),
      deferMs: 60_000,
      bridge: {
        ...observed(),
        // The GET of `racing` is answered with the server as it was; then, before that answer
        // lands, an edit of it reaches the server and its answer the mirror (as the replayer does).
        'contacts.get': async (args) => {
          const answer = await net.bridge['contacts.get'](args)
          if (args.id === racing.id) {
            sandbox.store.update(racing.id, { email: 'edited@example.com' })
            await db.contacts.update(racing.id, { email: 'edited@example.com' })
          }
          return answer
        },
      },
    })
    running.push(hydrator)
    hydrator.start()
    // Every contact read but the racing one, set aside for the next try.
    await vi.waitFor(() => expect(hydrator.state.status).toBe('waiting'), { timeout: 20_000 })
    expect(await db.contacts.get(target.id)).toMatchObject({ email: 'mine@example.com', status: target.status })
    // The older answer did not undo the edit.
    expect((await db.contacts.get(racing.id))?.email).toBe('edited@example.com')
    // The racing contact's details wait for the next round; the others are complete.
    expect(hydrator.state.hydrated).toBe(59)
  })

  it('reads contacts opened or edited lately first, then those kept offline first, then the rest in the list\'s name order', async () => {
    await start(80)
    const contacts = sandbox.store.all()
    const edited = contacts[60]!.id
    const opened = contacts[40]!.id
    const tagged = contacts.filter((contact) => contact.id !== opened && contact.tags.length > 0)
    const tag = tagged[0]!.tags[0]!
    const kept = contacts.filter((contact) => contact.id !== opened && contact.tags.includes(tag)).map((contact) => contact.id)
    // Edited, and the edit already sent: the contact is no longer queued, yet comes right after the one opened since.
    await enqueue(db, { kind: 'setBlacklisted', contactId: edited, blacklisted: !contacts[60]!.blacklisted })
    await db.outbox.clear()
    await noteOpened(db, opened)
    await keepOfflineFirst(db, { tag: tag.toUpperCase() }, true)
    const log: number[] = []
    // The order the search index gives (the mirror keeps no name in clear to sort by).
    const byName = contacts.toSorted((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((contact) => contact.id)
    const hydrator = hydrate({ concurrency: 1, bridge: observed(log), namesOrder: async () => byName })
    await vi.waitFor(() => expect(hydrator.state.status).toBe('done'), { timeout: 20_000 })
    // Each contact: its GET then its notes list.
    const order = log.filter((_id, i) => i % 2 === 0)
    expect(order.slice(0, 2)).toEqual([opened, edited])
    const marked = kept.filter((id) => id !== edited)
    expect(new Set(order.slice(2, 2 + marked.length))).toEqual(new Set(marked))
    const rest = order.slice(2 + marked.length).map((id) => contacts.find((contact) => contact.id === id)!.name)
    expect(rest).toEqual([...rest].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
  })

  it('reads again, oldest first, what is older than the refresh period', async () => {
    await start(30)
    let clock = Date.now()
    const hydrator = hydrate({ now: () => clock, refreshMs: 60_000 })
    await vi.waitFor(() => expect(hydrator.state.status).toBe('done'), { timeout: 20_000 })
    expect(noteLists()).toBe(30)
    // Another user changes what list rows leave out: an email, a status, a note.
    const [a, b] = [sandbox.store.nth(3)!, sandbox.store.nth(17)!]
    sandbox.store.update(a.id, { email: 'changed@example.com' })
    sandbox.store.update(b.id, { status: b.status === 'active' ? 'inactive' : 'active' })
    sandbox.store.addNote(b.id, 'Added by a colleague')
    clock += 61_000
    hydrator.request()
    await vi.waitFor(() => expect(noteLists()).toBe(60), { timeout: 20_000 })
    await vi.waitFor(() => expect(hydrator.state.status).toBe('done'), { timeout: 20_000 })
    await expectMirrorEqualsServer()
  })
})
