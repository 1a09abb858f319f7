// Picks where the API key lives, once at start-up: OS keychain, else safeStorage, else memory with a warning.
import { createKeytarStore, probeKeytar, type KeytarLike } from './keytar-store'
import { createMemoryStore } from './memory-store'
import { createSafeStorageStore, safeStorageUsable, type SafeStorageLike } from './safe-storage-store'
import type { SecretStore } from './secret-store'

export interface SecretStoreDeps {
  /** The `keytar` module, or null/undefined when it failed to load. */
  keytar?: KeytarLike | null
  safeStorage?: SafeStorageLike | null
  dataDir: string
  /** How long a keychain may take to answer the probe before we move on (a hung D-Bus must not hang start-up). */
  probeTimeoutMs?: number
}

const DEFAULT_PROBE_TIMEOUT_MS = 15_000

/** The check's answer, or false when it rejects or does not answer in time. */
async function answersYes(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs)
  })
  try {
    return await Promise.race([check().catch(() => false), timeout])
  } finally {
    clearTimeout(timer)
  }
}

export async function chooseSecretStore(deps: SecretStoreDeps): Promise<SecretStore> {
  const timeoutMs = deps.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS
  const { keytar, safeStorage } = deps
  if (keytar && (await answersYes(() => probeKeytar(keytar).then(() => true), timeoutMs))) {
    return createKeytarStore(keytar)
  }
  if (safeStorage && (await answersYes(() => safeStorageUsable(safeStorage), timeoutMs))) {
    return createSafeStorageStore(safeStorage, deps.dataDir)
  }
  return createMemoryStore()
}
