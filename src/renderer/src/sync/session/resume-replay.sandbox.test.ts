// A refused key against the real sandbox, through main's session and IPC table: the queue pauses, keeps every edit, and drains once a key works.
import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS, type SkylightBridge } from '../../../../shared/contract'
import { createSkylightClient } from '../../../../main/api/client'
import { dispatch } from '../../../../main/ipc/dispatch'
import { createExportFiles } from '../../../../main/export/export-files'
import { createHandlers, NO_UPDATES } from '../../../../main/ipc/handlers'
import { silentSupport } from '../../../../main/support/test-support/silent-support'
import { startSandbox, type Sandbox } from '../../../../sandbox/faults/knobbed-sandbox'
import { createMemoryStore } from '../../../../main/secrets/memory-store'
import { createSession } from '../../../../main/session/session'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { enqueue, inProcessLocks, listQueue, pendingCount } from '../outbox'
import { startSyncSession, type SyncSession } from './sync-session'

const OWN_PAGE = 'app://skylight/index.html'

let sandbox: Sandbox
let dataDir: string
let db: ContactsDb
let sync: SyncSession
afterEach(async () => {
  await sync.stop()
  db.close()
  await sandbox.close()
  await rm(dataDir, { recursive: true, force: true })
})

/** The page's bridge as the app wires it: every call dispatched to main's handler table over a real session. */
async function signedInApp() {
  sandbox = await startSandbox({ port: 0, contacts: 30, seed: 4 })
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-key-replaced-'))
  const session = createSession({
    store: createMemoryStore(),
    dataDir,
    createClient: (o) => createSkylightClient({ ...o, retry: { attempts: 1, baseDelayMs: 5 }, timeoutMs: 2_000 }),
    startSandbox: () => Promise.reject(new Error('no demo here')),
  })
  const table = createHandlers({ session, openExternal: async () => {}, setUnsynced: () => {}, setLanguage: () => {}, setBackgroundShare: () => {}, updates: NO_UPDATES, support: silentSupport, info: { version: '0.0.0', selfUpdating: false, offlineCopy: null, logs: '/dev/null', languages: [] }, openFolder: async () => {}, exports: createExportFiles({ choosePath: async () => null }) })
  const bridge = Object.fromEntries(
    CHANNELS.map((channel) => [channel, (args: unknown, options?: unknown) => dispatch(table, channel, args, OWN_PAGE, (url) => url === OWN_PAGE, options)]),
  ) as unknown as SkylightBridge
  const signedIn = await bridge['auth.setKey']({ apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl })
  if (!signedIn.ok) throw new Error(signedIn.error.message)
  db = await openAccountDatabase(`key-replaced-${signedIn.data.accountId}-${randomUUID()}`)
  sync = startSyncSession({
    db,
    bridge,
    search: { saveSnapshot: async () => 0, ready: Promise.resolve() },
    onPullChange: () => {},
    pull: { pullOptions: { retryBaseMs: 20, maxRetries: 1 } },
    replay: { locks: inProcessLocks(), timing: { baseMs: 20, capMs: 200 }, idleCheckMs: 50 },
    probeDelayMs: 50,
  })
  await vi.waitFor(async () => expect(await db.contacts.count()).toBe(30), { timeout: 10_000 })
  return { bridge, accountId: signedIn.data.accountId }
}

/** The key is revoked on the server, then edits are made: replay pauses with all of them kept. */
async function editWithRevokedKey(revokedBy: string) {
  const target = sandbox.store.nth(0)!
  sandbox.apiKey = revokedBy
  await enqueue(db, { kind: 'update', contactId: target.id, changes: { name: 'Renamed while refused' } })
  await enqueue(db, { kind: 'create', fields: { name: 'Made while refused', type: 'instagram' } })
  await vi.waitFor(() => expect(sync.replayer.state).toBe('paused_unauthorized'), { timeout: 5_000 })
  expect(sync.connectivity.state).toBe('unauthorized')
  expect(await pendingCount(db)).toBe(2)
  return target
}

async function expectDrainedTo(targetId: number) {
  await vi.waitFor(async () => expect(await listQueue(db)).toEqual([]), { timeout: 10_000 })
  expect(sandbox.store.get(targetId)?.name).toBe('Renamed while refused')
  expect(sandbox.store.all().filter((contact) => contact.name === 'Made while refused')).toHaveLength(1)
  expect(sync.connectivity.state).toBe('online')
}

describe('a refused key', () => {
  it('keeps the queue paused until the account gets its new key, then sends everything to the same account', async () => {
    const { bridge, accountId } = await signedInApp()
    const target = await editWithRevokedKey('sk_test_rotated_in_the_dashboard_0001')

    const wrong = await bridge['auth.setKey']({ apiKey: 'sk_test_still_not_it_000000000000', baseUrl: sandbox.baseUrl, keepAccount: true })
    expect(!wrong.ok && wrong.error.kind).toBe('validation')
    expect(sync.replayer.state).toBe('paused_unauthorized')

    const renewed = await bridge['auth.setKey']({ apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl, keepAccount: true })
    expect(renewed.ok && renewed.data.accountId).toBe(accountId)
    sync.keyReplaced()
    await expectDrainedTo(target.id)
  })

  it('resumes by itself when the 401 was transient and a later call is answered', async () => {
    await signedInApp()
    const original = sandbox.apiKey
    const target = await editWithRevokedKey('sk_test_briefly_refused_00000000001')
    sandbox.apiKey = original
    sync.syncNow()
    await expectDrainedTo(target.id)
  })
})
