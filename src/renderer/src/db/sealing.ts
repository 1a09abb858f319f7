// Sealing records' payloads: AES-256-GCM through WebCrypto, a fresh 12-byte IV per record, the plain text as JSON.
import { NativePromise } from './native-promise'

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

/** One payload to seal (JSON data: what IndexedDB would otherwise store in clear) and the context it is sealed for. */
export interface Unsealed {
  context: Uint8Array<ArrayBuffer>
  payload: unknown
}

/** The most bytes `getRandomValues` gives in one call. */
const MAX_RANDOM_BYTES = 65_536

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length)
  for (let start = 0; start < length; start += MAX_RANDOM_BYTES) crypto.getRandomValues(bytes.subarray(start, start + MAX_RANDOM_BYTES))
  return bytes
}

/**
 * Seals many payloads at once, each under a fresh IV, in order. Every encryption is asked for before any is
 * awaited: WebCrypto runs them off the page's thread, and one promise for the lot is all the caller waits on.
 * `context` is authenticated but not stored: a payload opens only under the same table and clear fields it was
 * sealed for, so swapping two records' payloads is detected like a flipped byte.
 */
export function sealPayloads(key: CryptoKey, items: readonly Unsealed[]): Promise<Uint8Array<ArrayBuffer>[]> {
  const ivs = randomBytes(items.length * IV_BYTES)
  const ivOf = (i: number) => ivs.subarray(i * IV_BYTES, (i + 1) * IV_BYTES)
  const ciphers = items.map(({ context, payload }, i) =>
    crypto.subtle.encrypt({ name: 'AES-GCM', iv: ivOf(i), additionalData: context }, key, encoder.encode(JSON.stringify(payload))),
  )
  return NativePromise.all(ciphers).then((buffers) =>
    buffers.map((cipher, i) => {
      const sealed = new Uint8Array(IV_BYTES + cipher.byteLength)
      sealed.set(ivOf(i))
      sealed.set(new Uint8Array(cipher), IV_BYTES)
      return sealed
    }),
  )
}

/** A payload `sealPayloads` sealed; rejects with UnreadableRecordError when the tag does not match. */
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
