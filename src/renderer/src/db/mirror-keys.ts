// The data keys this page (or worker) holds for open mirrors, in memory only: never written anywhere.

const keys = new Map<string, CryptoKey | null>()

/**
 * Holds `accountId`'s data key (null: its mirror runs unsealed, a test host's control run) for every
 * `openAccountDatabase` of that account in this page or worker; the workspace sets it, a worker from its message.
 */
export function holdMirrorKey(accountId: string, key: CryptoKey | null): void {
  keys.set(accountId, key)
}

/** Drops the key (sign-out, account switch): what remains in memory is only what the GC has not collected yet. */
export function dropMirrorKey(accountId: string): void {
  keys.delete(accountId)
}

/** The key held for `accountId`; undefined when none was given (unit tests open plain mirrors). */
export function mirrorKey(accountId: string): CryptoKey | null | undefined {
  return keys.get(accountId)
}
