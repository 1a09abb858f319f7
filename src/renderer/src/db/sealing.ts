// Sealing one record's payload: AES-256-GCM through WebCrypto, a fresh 12-byte IV per record, the plain text as JSON.

/** The property a sealed record keeps its payload under: IV (12 bytes) then ciphertext and tag. */
export const SEALED = '$sealed'
const IV_BYTES = 12

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** A payload whose tag did not match: a flipped byte, a record moved to another key, or the wrong data key. */
export class UnreadableRecordError extends Error {
  constructor() {
    super('A record of the offline copy could not be opened: it was changed, or sealed with another key.')
    this.name = 'UnreadableRecordError'
  }
}

/**
 * Imports the account's data key (base64 of 256 bits, from main) for AES-GCM. Not extractable: nothing in the page
 * can read the key back out of the CryptoKey, and the page never stores it.
 */
export function importDataKey(base64: string): Promise<CryptoKey> {
  const raw = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt'])
}

/**
 * Seals `payload` (JSON data: what IndexedDB would otherwise store in clear). `context` is authenticated but not
 * stored: a payload opens only under the same table and clear fields it was sealed for, so swapping two records'
 * payloads is detected like a flipped byte.
 */
export async function sealPayload(key: CryptoKey, context: Uint8Array<ArrayBuffer>, payload: unknown): Promise<Uint8Array<ArrayBuffer>> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const text = encoder.encode(JSON.stringify(payload))
  const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: context }, key, text)
  const sealed = new Uint8Array(IV_BYTES + cipher.byteLength)
  sealed.set(iv)
  sealed.set(new Uint8Array(cipher), IV_BYTES)
  return sealed
}

/** The payload `sealPayload` sealed; rejects with UnreadableRecordError when the tag does not match. */
export async function openPayload(key: CryptoKey, context: Uint8Array<ArrayBuffer>, sealed: Uint8Array<ArrayBuffer>): Promise<unknown> {
  if (!(sealed instanceof Uint8Array) || sealed.byteLength < IV_BYTES + 16) throw new UnreadableRecordError()
  let plain: ArrayBuffer
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.subarray(0, IV_BYTES), additionalData: context },
      key,
      sealed.subarray(IV_BYTES),
    )
  } catch {
    throw new UnreadableRecordError()
  }
  return JSON.parse(decoder.decode(plain))
}

/** The authenticated context of a record: its table and its clear fields (ids, indexed keys), in a fixed order. */
export function sealContext(table: string, clear: readonly unknown[]): Uint8Array<ArrayBuffer> {
  return encoder.encode(JSON.stringify([table, ...clear]))
}
