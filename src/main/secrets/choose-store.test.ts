import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { chooseSecretStore } from './choose-store'
import { KEYCHAIN_SERVICE, type KeytarLike } from './keytar-store'
import type { SafeStorageLike } from './safe-storage-store'

/** An in-memory keychain; `failWith` makes every call reject the way keytar does without a Secret Service. */
function fakeKeytar(behaviour: { failWith?: string; writesFail?: boolean; hang?: boolean } = {}) {
  const items = new Map<string, string>()
  const call = async <T>(work: () => T): Promise<T> => {
    if (behaviour.hang) return new Promise<T>(() => undefined)
    if (behaviour.failWith) throw new Error(behaviour.failWith)
    return work()
  }
  const keytar: KeytarLike = {
    getPassword: (service, account) => call(() => items.get(`${service}\n${account}`) ?? null),
    setPassword: (service, account, password) =>
      call(() => {
        if (behaviour.writesFail) throw new Error('Cannot create an item in a locked collection')
        items.set(`${service}\n${account}`, password)
      }),
    deletePassword: (service, account) => call(() => items.delete(`${service}\n${account}`)),
    findCredentials: (service) =>
      call(() =>
        [...items].filter(([k]) => k.startsWith(`${service}\n`)).map(([k, password]) => ({ account: k.split('\n')[1]!, password })),
      ),
  }
  return { keytar, items }
}

function fakeSafeStorage(backend = 'gnome_libsecret'): SafeStorageLike {
  return {
    isAsyncEncryptionAvailable: async () => true,
    getSelectedStorageBackend: () => backend,
    encryptStringAsync: async (text) => Buffer.from(text, 'utf8').reverse(),
    decryptStringAsync: async (data) => ({ result: Buffer.from(data).reverse().toString('utf8'), shouldReEncrypt: false }),
  }
}

let dataDir: string
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-choose-'))
})
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

describe('chooseSecretStore', () => {
  it('uses the keychain when it answers, and leaves no probe item behind', async () => {
    const { keytar, items } = fakeKeytar()
    const store = await chooseSecretStore({ keytar, safeStorage: fakeSafeStorage(), dataDir })
    expect(store.kind).toBe('keychain')
    expect(store.warning).toBeNull()
    expect(items.size).toBe(0)
    await store.set('https://a.example', 'sk_live_a')
    expect(items.get(`${KEYCHAIN_SERVICE}\nhttps://a.example`)).toBe('sk_live_a')
  })

  it('falls back to safeStorage when keytar throws (no Secret Service on D-Bus)', async () => {
    const { keytar } = fakeKeytar({ failWith: 'The name org.freedesktop.secrets was not provided by any .service files' })
    const store = await chooseSecretStore({ keytar, safeStorage: fakeSafeStorage(), dataDir })
    expect(store.kind).toBe('safeStorage')
  })

  it('falls back to safeStorage when the keychain reads but refuses writes (locked, no prompt)', async () => {
    const { keytar } = fakeKeytar({ writesFail: true })
    expect((await chooseSecretStore({ keytar, safeStorage: fakeSafeStorage(), dataDir })).kind).toBe('safeStorage')
  })

  it('moves on when the keychain does not answer in time', async () => {
    const { keytar } = fakeKeytar({ hang: true })
    const store = await chooseSecretStore({ keytar, safeStorage: fakeSafeStorage(), dataDir, probeTimeoutMs: 50 })
    expect(store.kind).toBe('safeStorage')
  })

  it('falls back to safeStorage when keytar could not be loaded', async () => {
    expect((await chooseSecretStore({ keytar: null, safeStorage: fakeSafeStorage(), dataDir })).kind).toBe('safeStorage')
  })

  it('keeps the key in memory with a visible warning when neither is available', async () => {
    const { keytar } = fakeKeytar({ failWith: 'no D-Bus' })
    const store = await chooseSecretStore({ keytar, safeStorage: null, dataDir })
    expect(store.kind).toBe('memory')
    expect(store.warning).toMatch(/session only/)
    expect(await chooseSecretStore({ dataDir })).toMatchObject({ kind: 'memory' })
  })

  it('refuses safeStorage on basic_text rather than writing a key anyone can decrypt', async () => {
    const store = await chooseSecretStore({ keytar: null, safeStorage: fakeSafeStorage('basic_text'), dataDir })
    expect(store.kind).toBe('memory')
  })
})
