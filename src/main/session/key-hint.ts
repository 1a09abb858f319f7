// What may be shown of an API key, and the stable id of the account it opens; neither reveals the key.
import { createHash } from 'node:crypto'

/**
 * `sk_live_…1234` for a real key: its prefix says live or test, the last four tell two keys apart.
 * Shorter keys show less, so a hint never reveals most of a key.
 */
export function keyHint(apiKey: string): string {
  if (apiKey.length >= 16) return `${apiKey.slice(0, 8)}…${apiKey.slice(-4)}`
  if (apiKey.length >= 8) return `…${apiKey.slice(-2)}`
  return '…'
}

/** The id an account gets at sign-in (it names its local database, and stays when the key is replaced); nothing of the key can be read back. */
export function accountFingerprint(baseUrl: string, apiKey: string): string {
  return createHash('sha256').update(`${baseUrl}\n${apiKey}`).digest('hex').slice(0, 16)
}
