// The last resort when no keychain exists: keeps secrets in this process only, so nothing reaches the disk.
import type { SecretStore } from './secret-store'

export const SESSION_ONLY_WARNING = 'No keychain found: your API key is kept for this session only.'

export function createMemoryStore(): SecretStore {
  const secrets = new Map<string, string>()
  return {
    kind: 'memory',
    warning: SESSION_ONLY_WARNING,
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => {
      secrets.set(account, secret)
    },
    delete: async (account) => {
      secrets.delete(account)
    },
  }
}
