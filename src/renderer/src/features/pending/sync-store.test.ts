import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SkylightBridge } from '../../../../shared/contract'
import { setBridge } from '../../bridge'
import { InProcessWorker } from '../../search/test-support/in-process-worker'
import { enqueue, inProcessLocks } from '../../sync/outbox'
import { openWorkspace } from '../../workspace/workspace'
import { useSyncStore } from './sync-store'

/** A main process that never answers: every call stays in flight until the caller gives up on it. */
function silentBridge(onCall: (channel: string) => void): SkylightBridge {
  return new Proxy({}, { get: (_target, channel: string) => () => (onCall(channel), new Promise(() => {})) }) as SkylightBridge
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => setBridge(null))

describe('the sync store', () => {
  it('stops syncing an account before its mirror closes (sign-out mid-replay), so no step meets a closed database', async () => {
    const called = new Set<string>()
    let replaying = () => {}
    const sending = new Promise<void>((resolve) => (replaying = resolve))
    setBridge(
      silentBridge((channel) => {
        called.add(channel)
        if (channel === 'lists.add') replaying()
      }),
    )
    const workspace = await openWorkspace(`sync-store-${randomUUID()}`, { worker: InProcessWorker.factory({ open: true }) })
    await workspace.db.contacts.put({ id: 1, name: 'Ada', type: 'whatsapp', blacklisted: false, tags: [] })
    await enqueue(workspace.db, { kind: 'addToList', contactId: 1, listId: 3 })
    await workspace.search.ready
    const errors: unknown[] = []
    const sync = useSyncStore()
    await sync.attach(workspace, {
      replay: { locks: inProcessLocks(), onError: (error) => errors.push(error) },
      hydrate: { locks: inProcessLocks(), onError: (error) => errors.push(error) },
    })
    const session = sync.session!
    await sending

    // What the workspace store does on sign-out, before the sync store hears the workspace is gone.
    await workspace.close({ deleteData: true })
    expect(session.replayer.state).toBe('stopped')
    expect(session.hydrator.state.status).toBe('stopped')
    expect(session.pulls.state.running).toBe(false)
    expect(errors).toEqual([])
    await sync.attach(null)
  })

  it('starts nothing on a mirror closed while it was still stopping the previous sync (a quick sign-out)', async () => {
    setBridge(silentBridge(() => {}))
    const workspace = await openWorkspace(`sync-store-${randomUUID()}`, { worker: InProcessWorker.factory({ open: true }) })
    await workspace.close()
    const sync = useSyncStore()
    await expect(sync.attach(workspace)).resolves.toBeUndefined()
    expect(sync.session).toBeNull()
  })
})
