// The last resort when no keychain exists: keeps secrets in this process only, so nothing reaches the disk.
import { desktopText } from '../i18n/desktop-text'
import type { SecretStore } from './secret-store'

export function createMemoryStore(): SecretStore {
  const secrets = new Map<string, string>()
  return {
    kind: 'memory',
    // Read when the status is asked for, so it is in the language the app speaks then.
    get warning() {
      return desktopText('main.secrets.sessionOnly')
    },
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => {
      secrets.set(account, secret)
    },
    delete: async (account) => {
      secrets.delete(account)
    },
  }
}
