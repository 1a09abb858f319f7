import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import Dexie from 'dexie'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { AuthStatus } from '../../../../shared/contract'
import type { Result } from '../../../../shared/result'
import { ok } from '../../../../shared/result'
import { setBridge } from '../../bridge'
import { databaseName } from '../../db/database'
import { InProcessWorker } from '../../search/test-support/in-process-worker'
import { fakeBridge } from '../../test-support/fake-bridge'
import { useWorkspaceStore } from '../../workspace/workspace-store'
import { useSessionStore } from './session-store'
import { signOutInOrder } from './sign-out-steps'

const signedOut: AuthStatus = { mode: 'signed_out', baseUrl: null, keyHint: null, accountId: null, storage: 'keychain', storageWarning: null }
const randomKey = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64')

beforeEach(() => setActivePinia(createPinia()))

/** The signed-in account's workspace, open and sealed; `steps` records what happened, in order. */
async function signedIn(clear: () => Promise<Result<AuthStatus>>) {
  const accountId = `out-${randomUUID()}`
  const steps: string[] = []
  const workspace = useWorkspaceStore()
  await workspace.open(accountId, { worker: InProcessWorker.factory({ open: true }), grantKey: async () => ok({ accountId, key: randomKey(), sessionOnly: false }) })
  await workspace.current!.db.outbox.add({ contactId: 1 })
  setBridge(
    fakeBridge({
      'auth.clear': async () => {
        steps.push(`main forgets the keys (copy still on disk: ${await Dexie.exists(databaseName(accountId))})`)
        return clear()
      },
    }),
  )
  return { accountId, steps, workspace }
}

describe('signing out', () => {
  it('has main delete the data key before the offline copy is deleted', async () => {
    const { accountId, steps, workspace } = await signedIn(async () => ok(signedOut))
    expect(await signOutInOrder(useSessionStore(), workspace, accountId)).toBe(true)
    steps.push(`copy on disk afterwards: ${await Dexie.exists(databaseName(accountId))}`)
    expect(steps).toEqual(['main forgets the keys (copy still on disk: true)', 'copy on disk afterwards: false'])
    expect(workspace.current).toBeNull()
  })

  it('keeps the copy and its queued edits when main could not forget the keys', async () => {
    const { accountId, workspace } = await signedIn(async () => ({ ok: false, error: { kind: 'internal', message: 'The keychain is locked.' } }))
    expect(await signOutInOrder(useSessionStore(), workspace, accountId)).toBe(false)
    expect(await workspace.current!.db.outbox.count()).toBe(1)
    await workspace.open(null)
  })
})
