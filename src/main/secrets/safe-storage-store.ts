// Keeps secrets encrypted by Electron's safeStorage (OS-held key) in a JSON file in the app's data dir.
import { join } from 'node:path'
import { z } from 'zod'
import { readJsonFile, writeJsonFile } from './private-file'
import type { SecretStore } from './secret-store'

/**
 * The async half of Electron's `safeStorage`, injected so this file never imports 'electron'.
 * `getSelectedStorageBackend` exists on Linux only.
 */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>
  encryptStringAsync(plainText: string): Promise<Buffer>
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>
  getSelectedStorageBackend?(): string
}

export const SECRETS_FILE = 'secrets.json'

const secretsFile = z.object({
  version: z.literal(1),
  /** account -> base64 of the encrypted secret */
  secrets: z.record(z.string(), z.string()),
})
type SecretsFile = z.infer<typeof secretsFile>

/**
 * True when safeStorage really encrypts. On Linux without a keyring Chromium falls back to `basic_text`,
 * which "encrypts" with a fixed, public password: that is plaintext on disk in all but name, so we refuse it.
 * Call after Electron's `ready` event; before it the backend is `unknown` and encryption unavailable.
 */
export async function safeStorageUsable(safeStorage: SafeStorageLike): Promise<boolean> {
  if (safeStorage.getSelectedStorageBackend?.() === 'basic_text') return false
  return safeStorage.isAsyncEncryptionAvailable()
}

export function createSafeStorageStore(safeStorage: SafeStorageLike, dataDir: string): SecretStore {
  const path = join(dataDir, SECRETS_FILE)
  // Every change is read-modify-write of one file, so changes run one after another.
  let queue: Promise<unknown> = Promise.resolve()
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task)
    queue = run.catch(() => undefined)
    return run
  }

  /** A damaged file is treated as empty: the user signs in again rather than being locked out. */
  const load = async (): Promise<SecretsFile> => {
    const parsed = secretsFile.safeParse(await readJsonFile(path))
    return parsed.success ? parsed.data : { version: 1, secrets: {} }
  }

  const put = async (account: string, secret: string): Promise<void> => {
    const encrypted = await safeStorage.encryptStringAsync(secret)
    const file = await load()
    file.secrets[account] = encrypted.toString('base64')
    await writeJsonFile(path, file)
  }

  return {
    kind: 'safeStorage',
    warning: null,
    get: (account) =>
      serially(async () => {
        const stored = (await load()).secrets[account]
        if (stored === undefined) return null
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(stored, 'base64'))
        // The OS key was rotated: store the secret again under the new key while we hold it.
        if (shouldReEncrypt) await put(account, result)
        return result
      }),
    set: (account, secret) => serially(() => put(account, secret)),
    delete: (account) =>
      serially(async () => {
        const file = await load()
        if (!(account in file.secrets)) return
        delete file.secrets[account]
        await writeJsonFile(path, file)
      }),
  }
}
