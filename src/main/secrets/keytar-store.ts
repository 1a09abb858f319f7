// Keeps secrets in the OS keychain (macOS Keychain, Windows Credential Vault, Secret Service on Linux) via keytar.
import type { SecretStore } from './secret-store'

/** The name the key is filed under in the keychain; users see it in their keychain manager. */
export const KEYCHAIN_SERVICE = 'SkyLight Contacts'

/** The part of the `keytar` module we use, so the caller can load it lazily and tests can fake it. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>
}

/** An account name no base URL can take, used to prove the keychain accepts writes. */
const PROBE_ACCOUNT = 'skylight-contacts:write-probe'

/**
 * Resolves when the keychain can really be used. Reading alone is not enough: a Linux keyring that is
 * locked with no way to prompt (no display) answers searches with nothing but refuses every write.
 */
export async function probeKeytar(keytar: KeytarLike): Promise<void> {
  await keytar.findCredentials(KEYCHAIN_SERVICE)
  await keytar.setPassword(KEYCHAIN_SERVICE, PROBE_ACCOUNT, 'probe')
  await keytar.deletePassword(KEYCHAIN_SERVICE, PROBE_ACCOUNT)
}

export function createKeytarStore(keytar: KeytarLike): SecretStore {
  return {
    kind: 'keychain',
    warning: null,
    get: (account) => keytar.getPassword(KEYCHAIN_SERVICE, account),
    set: (account, secret) => keytar.setPassword(KEYCHAIN_SERVICE, account, secret),
    delete: async (account) => {
      // `false` only means there was nothing to delete, which is the state we want.
      await keytar.deletePassword(KEYCHAIN_SERVICE, account)
    },
  }
}
