// A whole sync session against the real sandbox over HTTP: first pull, going offline, edits, coming back.
import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SkylightBridge } from '../../../../shared/contract'
import { createSkylightClient } from '../../../../main/api/client'
import { createRateLimiter } from '../../../../main/api/limiter'
import { startSandbox, type Sandbox } from '../../../../sandbox/faults/knobbed-sandbox'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { enqueue, inProcessLocks, pendingCount } from '../outbox'
import { testBridge } from '../outbox/test-support/sandbox-bridge'
import type { PullRunnerState } from '../pull/pull-runner'
import { startSyncSession, type SyncSession } from './sync-session'
import { readLastSyncedAt } from '../pull/last-synced'

let sandbox: Sandbox
let db: ContactsDb
let session: SyncSession | null = null
afterEach(async () => {
  await session?.stop()
  session = null
  db.close()
  await sandbox.close()
})

/** Runs before every page the app reads, as the server's other users would act meanwhile. */
type PageHook = () => void

async function start(beforePage: PageHook = () => {}): Promise<{ states: PullRunnerState[]; snapshots: () => number }> {
  sandbox = await startSandbox({ port: 0, contacts: 250, seed: 9 })
  const client = createSkylightClient({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, limiter: createRateLimiter(), retry: { attempts: 1, baseDelayMs: 5 }, timeoutMs: 2_000 })
  db = await openAccountDatabase(`session-${randomUUID()}`)
  const states: PullRunnerState[] = []
  let saved = 0
  const bridge = testBridge(client).bridge as unknown as SkylightBridge
  session = startSyncSession({
    db,
    bridge: {
      ...bridge,
      'contacts.list': (query) => {
        beforePage()
        return bridge['contacts.list'](query)
      },
    },
    search: { saveSnapshot: async () => ++saved, ready: Promise.resolve() },
    onPullChange: (state) => states.push(state),
    pull: { pullOptions: { retryBaseMs: 20, maxRetries: 1 }, recheckBaseMs: 200 },
    replay: { locks: inProcessLocks(), timing: { baseMs: 20, capMs: 200 }, idleCheckMs: 50 },
    probeDelayMs: 50,
  })
  return { states, snapshots: () => saved }
}

describe('sync session', () => {
  it('pulls the whole account at start, with progress, and saves the search snapshot', async () => {
    const { states, snapshots } = await start()
    await vi.waitFor(async () => expect(await db.contacts.count()).toBe(250), { timeout: 10_000 })
    await vi.waitFor(() => expect(states.at(-1)).toMatchObject({ running: false, last: { status: 'completed' } }))
    expect(states.some((state) => state.progress && state.progress.pagesTotal === 3)).toBe(true)
    expect(snapshots()).toBe(1)
    expect(await readLastSyncedAt(db)).not.toBeNull()
    expect(session?.connectivity.state).toBe('online')
  })

  it('goes offline when the API drops, keeps the edits, and sends them when it is back', async () => {
    await start()
    await vi.waitFor(async () => expect(await readLastSyncedAt(db)).not.toBeNull(), { timeout: 10_000 })
    sandbox.knobs.down = true
    const target = sandbox.store.nth(0)!
    await enqueue(db, { kind: 'setBlacklisted', contactId: target.id, blacklisted: !target.blacklisted })
    await vi.waitFor(() => expect(session?.connectivity.state).toBe('offline'), { timeout: 5_000 })
    expect(await pendingCount(db)).toBe(1)

    sandbox.knobs.down = false
    await vi.waitFor(() => expect(session?.connectivity.state).toBe('online'), { timeout: 5_000 })
    await vi.waitFor(async () => expect(await pendingCount(db)).toBe(0), { timeout: 10_000 })
    expect(sandbox.store.get(target.id)?.blacklisted).toBe(!target.blacklisted)
  })
  it('when the server kept changing through every pass, says so and reads it again soon, then shows its exact set', async () => {
    let churning = true
    const { states } = await start(() => {
      if (!churning) return
      // Another user adds one contact and deletes another between every two pages.
      sandbox.store.create({ name: `Walk-in ${sandbox.store.size()}`, type: 'instagram' })
      sandbox.store.remove(sandbox.store.nth(3)!.id)
    })
    await vi.waitFor(() => expect(states.at(-1)).toMatchObject({ running: false, last: { status: 'completed', consistent: false } }), { timeout: 20_000 })
    expect(states.at(-1)?.recheckAt).toBeGreaterThan(Date.now() - 1_000)
    churning = false
    await vi.waitFor(() => expect(states.at(-1)).toMatchObject({ running: false, last: { status: 'completed', consistent: true }, recheckAt: null }), { timeout: 20_000 })
    const mirrored = (await db.contacts.toArray()).map((row) => row.id).sort((a, b) => a - b)
    expect(mirrored).toEqual(sandbox.store.all().map((contact) => contact.id))
  })

  it('reads every contact\'s details and notes after the pull, waits while the API is down, and finishes by itself once it is back', async () => {
    await start()
    const hydrator = session!.hydrator
    await vi.waitFor(() => expect(hydrator.state.hydrated).toBeGreaterThanOrEqual(20), { timeout: 20_000 })
    sandbox.knobs.down = true
    await vi.waitFor(() => expect(hydrator.state.status).toBe('offline'), { timeout: 10_000 })
    expect(hydrator.state.hydrated).toBeLessThan(250)
    sandbox.knobs.down = false
    // No one presses anything: the session's reconnect probe finds the API, and hydration goes on.
    await vi.waitFor(() => expect(hydrator.state).toMatchObject({ status: 'done', hydrated: 250, total: 250 }), { timeout: 30_000 })
    const target = sandbox.store.nth(7)!
    expect(await db.contacts.get(target.id)).toEqual(target)
    expect((await db.notes.where('contactId').equals(target.id).toArray()).map((note) => note.content)).toEqual(sandbox.store.notes(target.id).map((note) => note.content))
  }, 60_000)
})
