// The interface every place that keeps the API key implements; callers never see which one was chosen.
import type { SecretStorageKind } from '../../shared/contract'

/**
 * Keeps one secret per account (the account is the base URL).
 * Methods reject only when the underlying keychain or file fails; a missing secret is `null`.
 */
export interface SecretStore {
  readonly kind: SecretStorageKind
  /** Shown to the user when the secret will not survive a restart; `null` when it will. */
  readonly warning: string | null
  get(account: string): Promise<string | null>
  set(account: string, secret: string): Promise<void>
  delete(account: string): Promise<void>
}
