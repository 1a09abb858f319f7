import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { openAccountDatabase } from '../../db/database'
import { ok } from '../../../../shared/result'
import { fakeBridge, type CallLog } from '../../test-support/fake-bridge'
import { enqueue, inProcessLocks, mergeServerRows } from '../outbox'
import type { PullBridge, pullContacts } from '../pull/puller'
import { START_DELAY_CAP_MS, startSyncSession } from './sync-session'

describe('sync session start', () => {
  it('waits for the search index before the first pull, so launch is not slowed by it', async () => {
    const db = await openAccountDatabase(`start-${randomUUID()}`)
    let markReady: () => void = () => {}
    const ready = new Promise<void>((resolve) => (markReady = resolve))
    const pull = vi.fn((async () => ({ status: 'completed', consistent: true, total: 0, deleted: 0, passes: 1, requests: 1 })) as unknown as typeof pullContacts)
    const session = startSyncSession({
      db,
      bridge: fakeBridge({}),
      search: { saveSnapshot: async () => 0, ready },
      onPullChange: () => {},
      pull: { pull },
      replay: { locks: inProcessLocks() },
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(pull).not.toHaveBeenCalled()
    markReady()
    await vi.waitFor(() => expect(pull).toHaveBeenCalledTimes(1))
    await session.stop()
    db.close()
  })

  it('waits seconds for a big account\'s index, and starts anyway when the search never answers', async () => {
    const db = await openAccountDatabase(`start-${randomUUID()}`)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let session: ReturnType<typeof startSyncSession> | null = null
    try {
      const pull = vi.fn((async () => ({ status: 'completed', consistent: true, total: 0, deleted: 0, passes: 1, requests: 1 })) as unknown as typeof pullContacts)
      session = startSyncSession({
        db,
        bridge: fakeBridge({}),
        search: { saveSnapshot: async () => 0, ready: new Promise<void>(() => {}) },
        onPullChange: () => {},
        pull: { pull },
        replay: { locks: inProcessLocks() },
      })
      await vi.advanceTimersByTimeAsync(10_000)
      expect(pull).not.toHaveBeenCalled()
      await vi.advanceTimersByTimeAsync(START_DELAY_CAP_MS - 10_000)
      expect(pull).toHaveBeenCalledTimes(1)
    } finally {
      vi.useRealTimers()
      await session?.stop()
      db.close()
    }
  })

  it('says offline at once when the OS has no network, before any call fails', async () => {
    const db = await openAccountDatabase(`start-${randomUUID()}`)
    const start = () =>
      startSyncSession({
        db,
        bridge: fakeBridge({}),
        search: { saveSnapshot: async () => 0, ready: new Promise<void>(() => {}) },
        onPullChange: () => {},
        replay: { locks: inProcessLocks() },
      })
    vi.stubGlobal('navigator', { onLine: false })
    const offline = start()
    expect(offline.connectivity.state).toBe('offline')
    await offline.stop()
    vi.stubGlobal('navigator', { onLine: true })
    const online = start()
    expect(online.connectivity.state).toBe('unknown')
    await online.stop()
    vi.unstubAllGlobals()
    db.close()
  })

  it('pulls again when the API is back after being unreachable', async () => {
    const db = await openAccountDatabase(`start-${randomUUID()}`)
    const pull = vi.fn((async () => ({ status: 'completed', consistent: true, total: 0, deleted: 0, passes: 1, requests: 1 })) as unknown as typeof pullContacts)
    const session = startSyncSession({
      db,
      bridge: fakeBridge({}),
      search: { saveSnapshot: async () => 0, ready: Promise.resolve() },
      onPullChange: () => {},
      pull: { pull },
      replay: { locks: inProcessLocks() },
    })
    await vi.waitFor(() => expect(pull).toHaveBeenCalledTimes(1))
    session.connectivity.report({ kind: 'offline', message: 'SkyLight cannot be reached.' })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(pull).toHaveBeenCalledTimes(1)
    session.connectivity.report(null)
    await vi.waitFor(() => expect(pull).toHaveBeenCalledTimes(2))
    await session.stop()
    db.close()
  })

  it("calls main as the pull, the replay and the reconnect probe, so main's limiter serves the user's own calls first", async () => {
    const db = await openAccountDatabase(`start-${randomUUID()}`)
    const log: CallLog = []
    const pull = vi.fn((async (_db: unknown, bridge: PullBridge) => {
      await bridge['contacts.list']({ page: 1, per_page: 100 })
      return { status: 'completed', consistent: true, total: 0, deleted: 0, passes: 1, requests: 1 }
    }) as unknown as typeof pullContacts)
    await db.transaction('rw', [db.contacts, db.meta, db.outbox], () =>
      mergeServerRows(db, [{ id: 5, name: 'Ada', phone: '+14155550105', type: 'whatsapp', blacklisted: false, tags: [] }]),
    )
    expect((await enqueue(db, { kind: 'addNote', contactId: 5, content: 'Called back.' })).ok).toBe(true)
    const session = startSyncSession({
      db,
      bridge: fakeBridge(
        {
          'contacts.list': async () => ok({ data: [], meta: { current_page: 1, last_page: 1, per_page: 100, total: 0 } }),
          'notes.add': async () => ok({ id: 9, content: 'Called back.' }),
        },
        log,
      ),
      search: { saveSnapshot: async () => 0, ready: Promise.resolve() },
      onPullChange: () => {},
      pull: { pull },
      replay: { locks: inProcessLocks() },
      probeDelayMs: 10,
    })
    await vi.waitFor(() => expect(log.map((call) => call.channel)).toEqual(expect.arrayContaining(['contacts.list', 'notes.add'])))
    // Offline, the session probes the API: its own check, not the user's.
    session.connectivity.report({ kind: 'offline', message: 'SkyLight cannot be reached.' })
    const probe = () => log.find((call) => call.channel === 'contacts.list' && (call.args as { per_page: number }).per_page === 1)
    await vi.waitFor(() => expect(probe()).toBeDefined())
    await session.stop()
    expect(log.find((call) => call.channel === 'notes.add')?.options).toEqual({ priority: 'replay' })
    expect(log.find((call) => call.channel === 'contacts.list')?.options).toEqual({ priority: 'pull' })
    expect(probe()?.options).toEqual({ priority: 'pull' })
    db.close()
  })
})
