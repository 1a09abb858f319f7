import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { openAccountDatabase } from '../../db/database'
import { fakeBridge } from '../../test-support/fake-bridge'
import { inProcessLocks } from '../outbox'
import type { pullContacts } from '../pull/puller'
import { startSyncSession } from './sync-session'

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
})
