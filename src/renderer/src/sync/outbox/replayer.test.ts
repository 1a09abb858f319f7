import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Contact } from '../../../../shared/contact'
import type { Result } from '../../../../shared/result'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { enqueue } from './enqueue'
import { inProcessLocks } from './locks'
import type { OutboxBridge } from './outbox-bridge'
import { listQueue } from './queue'
import { createReplayer, type Replayer } from './replayer'
import { aContact } from '../../../../shared/test-support/contact-fixture'

// Made now: a lost create's look-up only takes contacts made since it was sent.
const contact = (id: number, name: string): Contact => aContact({ id, name, created_at: new Date().toISOString(), updated_at: new Date().toISOString() })

/** A bridge whose every channel fails loudly unless the test overrides it. */
function fakeBridge(overrides: Partial<OutboxBridge>): OutboxBridge {
  const unexpected = (): Promise<Result<never>> => Promise.reject(new Error('unexpected call'))
  return new Proxy(overrides, { get: (target, key: string) => (target as Record<string, unknown>)[key] ?? unexpected }) as OutboxBridge
}

let db: ContactsDb
const started: Replayer[] = []
beforeEach(async () => {
  db = await openAccountDatabase(`replayer-${randomUUID()}`)
  await db.contacts.put(contact(1, 'Ada'))
})
afterEach(async () => {
  for (const replayer of started.splice(0)) await replayer.stop()
  db.close()
})

function start(bridge: OutboxBridge, locks = inProcessLocks()): Replayer {
  const replayer = createReplayer({ db, bridge, locks, timing: { baseMs: 1, capMs: 5 }, idleCheckMs: 20 })
  started.push(replayer)
  replayer.start()
  return replayer
}

describe('the replayer', () => {
  it('looks a timed-out create up before sending it again, and sends it only once', async () => {
    const posts: string[] = []
    let created: Contact | null = null
    const bridge = fakeBridge({
      'contacts.create': async ({ contact: fields }) => {
        posts.push(fields.name)
        created = contact(40, fields.name)
        return { ok: false, error: { kind: 'timeout', message: 'no answer' } }
      },
      'contacts.list': async () => ({ ok: true, data: { data: created ? [created] : [], meta: { current_page: 1, last_page: 1, per_page: 100, total: 1 } } }),
      'contacts.get': async ({ id }) => (created && id === created.id ? { ok: true, data: created } : { ok: false, error: { kind: 'not_found', message: '' } }),
    })
    await enqueue(db, { kind: 'create', fields: { name: 'Once', type: 'instagram' } })
    await start(bridge).settled()
    expect(posts).toEqual(['Once'])
    expect(await db.contacts.get(40)).toMatchObject({ name: 'Once' })
    expect(await listQueue(db)).toEqual([])
  })

  it('parks an intent as failed on a bug, holding that contact back but not the others', async () => {
    await db.contacts.put(contact(2, 'Bo'))
    const bridge = fakeBridge({
      'lists.add': async ({ id }) =>
        id === 1 ? { ok: false, error: { kind: 'internal', message: 'bug' } } : { ok: true, data: {} },
    })
    await enqueue(db, { kind: 'addToList', contactId: 1, listId: 3 })
    await enqueue(db, { kind: 'addToList', contactId: 1, listId: 4 })
    await enqueue(db, { kind: 'addToList', contactId: 2, listId: 3 })
    await start(bridge).settled()
    expect((await listQueue(db)).map((row) => [row.contactId, row.status])).toEqual([
      [1, 'failed'],
      [1, 'pending'],
    ])
  })

  it('waits for the lock another window holds, and stops cleanly while waiting', async () => {
    const locks = inProcessLocks()
    let release = () => {}
    const held = locks.request('skylight-outbox:' + db.name, {}, () => new Promise<void>((resolve) => (release = resolve)))
    const waiting = start(fakeBridge({}), locks)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(waiting.state).toBe('waiting_for_lock')
    await waiting.stop()
    expect(waiting.state).toBe('stopped')
    release()
    await held
  })

  it('ends quietly when the mirror is closed under it mid-send (sign-out, another window deleting the copy)', async () => {
    const errors: unknown[] = []
    let sent = () => {}
    const sending = new Promise<void>((resolve) => (sent = resolve))
    let answer: (result: Result<never>) => void = () => {}
    const bridge = fakeBridge({
      'lists.add': () => {
        sent()
        return new Promise((resolve) => (answer = resolve))
      },
    })
    await enqueue(db, { kind: 'addToList', contactId: 1, listId: 3 })
    const replayer = createReplayer({ db, bridge, locks: inProcessLocks(), timing: { baseMs: 1, capMs: 5 }, idleCheckMs: 20, onError: (error) => errors.push(error) })
    started.push(replayer)
    const stopped = new Promise<void>((resolve) => replayer.onStateChange((state) => state === 'stopped' && resolve()))
    replayer.start()
    await sending
    db.close()
    answer({ ok: false, error: { kind: 'offline', message: 'no network' } })
    // Nothing is left to do on a closed mirror: the replayer stops by itself, and that is no error.
    await stopped
    expect(errors).toEqual([])
  })
})
