// The offline copy's data key: one random AES-256 key per account, kept in the same SecretStore as the API key.
import { randomBytes } from 'node:crypto'
import type { SecretStore } from './secret-store'

/** 256 bits, as base64 (44 characters): what the page imports as its AES-GCM key. */
export const DATA_KEY_BYTES = 32

/**
 * The store's account the data key is filed under. Base URLs name the API keys; this name can
 * never be one (no scheme), so the two never overwrite each other in the keychain or the file.
 */
export const dataKeyAccount = (accountId: string): string => `skylight-contacts:data-key:${accountId}`

export interface DataKeys {
  /** The account's key; a new one is made and stored when the store has none (first start, keychain reset). */
  get(accountId: string): Promise<{ key: string; created: boolean }>
  /** Removes the key: whatever it sealed is unreadable from now on. */
  forget(accountId: string): Promise<void>
}

const wellFormed = (stored: string): boolean => Buffer.from(stored, 'base64').length === DATA_KEY_BYTES && /^[A-Za-z0-9+/]{43}=$/.test(stored)

export function createDataKeys(store: SecretStore, random: (bytes: number) => Buffer = randomBytes): DataKeys {
  // One call at a time: two first calls must not each make (and store) a different key.
  let queue: Promise<unknown> = Promise.resolve()
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task)
    queue = run.catch(() => undefined)
    return run
  }
  return {
    get: (accountId) =>
      serially(async () => {
        // A keychain that fails (locked, D-Bus gone) rejects here: never replace a key we could not read.
        const stored = await store.get(dataKeyAccount(accountId))
        if (stored !== null && wellFormed(stored)) return { key: stored, created: false }
        const key = random(DATA_KEY_BYTES).toString('base64')
        await store.set(dataKeyAccount(accountId), key)
        return { key, created: true }
      }),
    forget: (accountId) => serially(() => store.delete(dataKeyAccount(accountId))),
  }
}
