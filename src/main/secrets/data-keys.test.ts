import { describe, expect, it } from 'vitest'
import { createDataKeys, dataKeyAccount } from './data-keys'
import { createMemoryStore } from './memory-store'
import type { SecretStore } from './secret-store'

describe('data keys', () => {
  it('makes a random 256-bit key on first use and keeps it beside the API key', async () => {
    const store = createMemoryStore()
    const keys = createDataKeys(store)
    const first = await keys.get('a1b2c3d4e5f60718')
    expect(first.created).toBe(true)
    expect(Buffer.from(first.key, 'base64')).toHaveLength(32)
    expect(await store.get(dataKeyAccount('a1b2c3d4e5f60718'))).toBe(first.key)
    expect(await keys.get('a1b2c3d4e5f60718')).toEqual({ key: first.key, created: false })
  })

  it('gives each account its own key', async () => {
    const keys = createDataKeys(createMemoryStore())
    const [a, b] = await Promise.all([keys.get('aaaaaaaaaaaaaaaa'), keys.get('bbbbbbbbbbbbbbbb')])
    expect(a.key).not.toBe(b.key)
  })

  it('makes one key when two first calls race', async () => {
    const keys = createDataKeys(createMemoryStore())
    const [a, b] = await Promise.all([keys.get('demo'), keys.get('demo')])
    expect(a.key).toBe(b.key)
    expect([a.created, b.created].sort()).toEqual([false, true])
  })

  it('never files the data key where a base URL (an API key) could be', () => {
    expect(dataKeyAccount('demo')).not.toMatch(/^https?:/)
  })

  it('does not replace a key it could not read (a locked keychain is not a lost key)', async () => {
    const store = createMemoryStore()
    const keys = createDataKeys(store)
    const { key } = await keys.get('demo')
    const locked: SecretStore = { ...store, kind: 'keychain', warning: null, get: () => Promise.reject(new Error('locked')) }
    await expect(createDataKeys(locked).get('demo')).rejects.toThrow('locked')
    expect(await store.get(dataKeyAccount('demo'))).toBe(key)
  })

  it('replaces a damaged stored key (then the old copy is unreadable, as after a keychain reset)', async () => {
    const store = createMemoryStore()
    await store.set(dataKeyAccount('demo'), 'not a key')
    const got = await createDataKeys(store).get('demo')
    expect(got.created).toBe(true)
    expect(await store.get(dataKeyAccount('demo'))).toBe(got.key)
  })

  it('forgets a key', async () => {
    const store = createMemoryStore()
    const keys = createDataKeys(store)
    const { key } = await keys.get('demo')
    await keys.forget('demo')
    expect(await store.get(dataKeyAccount('demo'))).toBeNull()
    expect((await keys.get('demo')).key).not.toBe(key)
  })
})
