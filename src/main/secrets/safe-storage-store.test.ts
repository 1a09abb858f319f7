import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSafeStorageStore, safeStorageUsable, SECRETS_FILE, type SafeStorageLike } from './safe-storage-store'

/**
 * A stand-in for Electron's safeStorage that really encrypts (AES-GCM with keys only it holds).
 * `rotate()` simulates the OS replacing its key: old data still decrypts but asks to be re-encrypted.
 */
function fakeSafeStorage(options: { backend?: string; available?: boolean } = {}) {
  const keys = [randomBytes(32)]
  const newest = () => keys[keys.length - 1]!
  const open = (key: Buffer, encrypted: Buffer): string => {
    const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12))
    decipher.setAuthTag(encrypted.subarray(12, 28))
    return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8')
  }
  return {
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptStringAsync: async (plainText: string) => {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', newest(), iv)
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    decryptStringAsync: async (encrypted: Buffer) => {
      for (const key of [...keys].reverse()) {
        try {
          return { result: open(key, encrypted), shouldReEncrypt: key !== newest() }
        } catch {
          // not this key: try an older one
        }
      }
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
    },
    rotate: () => void keys.push(randomBytes(32)),
  } satisfies SafeStorageLike & { rotate(): void }
}

const KEY = 'sk_live_4f9a8b7c6d5e4f3a2b1c1234'
let dataDir: string

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-safe-'))
})
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

describe('safeStorage store', () => {
  it('round-trips a secret and survives a restart', async () => {
    const safeStorage = fakeSafeStorage()
    await createSafeStorageStore(safeStorage, dataDir).set('https://a.example', KEY)
    const afterRestart = createSafeStorageStore(safeStorage, dataDir)
    expect(await afterRestart.get('https://a.example')).toBe(KEY)
    expect(afterRestart.kind).toBe('safeStorage')
    expect(afterRestart.warning).toBeNull()
  })

  it('never writes the key in plain text, nor merely base64-encoded', async () => {
    const store = createSafeStorageStore(fakeSafeStorage(), dataDir)
    await store.set('https://a.example', KEY)
    const onDisk = await readFile(join(dataDir, SECRETS_FILE), 'utf8')
    expect(onDisk).not.toContain(KEY)
    expect(onDisk).not.toContain(KEY.slice(-12))
    expect(onDisk).not.toContain(Buffer.from(KEY).toString('base64').slice(0, 16))
    expect(onDisk).toContain('https://a.example')
  })

  it('writes the file readable by the user only', async () => {
    await createSafeStorageStore(fakeSafeStorage(), dataDir).set('https://a.example', KEY)
    const { mode } = await stat(join(dataDir, SECRETS_FILE))
    expect(mode & 0o777).toBe(0o600)
  })

  it('keeps accounts apart and deletes one without touching the other', async () => {
    const store = createSafeStorageStore(fakeSafeStorage(), dataDir)
    await store.set('https://a.example', 'key-a-0000000000')
    await store.set('https://b.example', 'key-b-0000000000')
    await store.delete('https://a.example')
    expect(await store.get('https://a.example')).toBeNull()
    expect(await store.get('https://b.example')).toBe('key-b-0000000000')
  })

  it('keeps both secrets when two are set at the same moment', async () => {
    const store = createSafeStorageStore(fakeSafeStorage(), dataDir)
    await Promise.all([store.set('https://a.example', 'key-a'), store.set('https://b.example', 'key-b')])
    expect(await store.get('https://a.example')).toBe('key-a')
    expect(await store.get('https://b.example')).toBe('key-b')
  })

  it('re-encrypts a secret when the OS asks, so the old key can be dropped', async () => {
    const safeStorage = fakeSafeStorage()
    const store = createSafeStorageStore(safeStorage, dataDir)
    await store.set('https://a.example', KEY)
    const before = await readFile(join(dataDir, SECRETS_FILE), 'utf8')
    safeStorage.rotate()
    expect(await store.get('https://a.example')).toBe(KEY)
    const after = await readFile(join(dataDir, SECRETS_FILE), 'utf8')
    expect(after).not.toBe(before)
    const reEncrypted = Buffer.from(JSON.parse(after).secrets['https://a.example'], 'base64')
    expect(await safeStorage.decryptStringAsync(reEncrypted)).toEqual({ result: KEY, shouldReEncrypt: false })
  })

  it('treats a damaged file as empty and can write over it', async () => {
    await writeFile(join(dataDir, SECRETS_FILE), '{"version":1,"secr')
    const store = createSafeStorageStore(fakeSafeStorage(), dataDir)
    expect(await store.get('https://a.example')).toBeNull()
    await store.set('https://a.example', KEY)
    expect(await store.get('https://a.example')).toBe(KEY)
  })

  it('rejects when a secret cannot be decrypted (the OS key is gone)', async () => {
    await createSafeStorageStore(fakeSafeStorage(), dataDir).set('https://a.example', KEY)
    await expect(createSafeStorageStore(fakeSafeStorage(), dataDir).get('https://a.example')).rejects.toThrow()
  })
})

describe('safeStorageUsable', () => {
  it('accepts a backend that really encrypts', async () => {
    expect(await safeStorageUsable(fakeSafeStorage())).toBe(true)
  })

  it('refuses Linux basic_text, whose password is public', async () => {
    expect(await safeStorageUsable(fakeSafeStorage({ backend: 'basic_text' }))).toBe(false)
  })

  it('refuses when encryption is not available', async () => {
    expect(await safeStorageUsable(fakeSafeStorage({ available: false }))).toBe(false)
  })
})
