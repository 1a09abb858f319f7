import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { effectScope, nextTick, ref, type EffectScope } from 'vue'
import { openAccountDatabase, type ContactsDb } from './database'
import { useLiveQuery } from './use-live-query'

let db: ContactsDb
let scope: EffectScope
beforeEach(async () => {
  db = await openAccountDatabase(`live-${randomUUID()}`)
  await db.contacts.bulkPut([
    { id: 1, name: 'Ada' },
    { id: 2, name: 'Bo' },
  ])
  scope = effectScope()
})
afterEach(() => {
  scope.stop()
  db.close()
})

const nameOf = (id: number) => db.contacts.get(id).then((row) => row?.name ?? null)

describe('useLiveQuery', () => {
  it('follows writes to what it read, and starts over from the initial value for a new input', async () => {
    const id = ref<number | null>(1)
    const name = scope.run(() => useLiveQuery(() => id.value, nameOf, 'loading'))!
    expect(name.value).toBe('loading')
    await expect.poll(() => name.value).toBe('Ada')
    await db.contacts.update(1, { name: 'Ada L.' })
    await expect.poll(() => name.value).toBe('Ada L.')
    id.value = 2
    await nextTick()
    expect(name.value).toBe('loading')
    await expect.poll(() => name.value).toBe('Bo')
  })

  it('keeps the last value while paused (null input) and after the scope ends, and stops reading', async () => {
    const id = ref<number | null>(1)
    const name = scope.run(() => useLiveQuery(() => id.value, nameOf, 'loading'))!
    await expect.poll(() => name.value).toBe('Ada')
    id.value = null
    await nextTick()
    await db.contacts.update(1, { name: 'Ada L.' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(name.value).toBe('Ada')
    id.value = 1
    await expect.poll(() => name.value).toBe('Ada L.')
    scope.stop()
    await db.contacts.update(1, { name: 'Ada Lovelace' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(name.value).toBe('Ada L.')
  })

  it('with a change feed, reads at once and again on each event, until the scope ends', async () => {
    const listeners = new Set<() => void>()
    const feed = (_id: number, reread: () => void) => {
      listeners.add(reread)
      return () => listeners.delete(reread)
    }
    const name = scope.run(() => useLiveQuery(() => 1, nameOf, 'loading', feed))!
    await expect.poll(() => name.value).toBe('Ada')
    await db.contacts.update(1, { name: 'Ada L.' })
    expect(name.value).toBe('Ada')
    for (const reread of listeners) reread()
    await expect.poll(() => name.value).toBe('Ada L.')
    scope.stop()
    expect(listeners.size).toBe(0)
  })
})
