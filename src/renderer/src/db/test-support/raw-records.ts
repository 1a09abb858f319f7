// Test support: a mirror's records exactly as IndexedDB stores them, beneath Dexie and its middlewares.
import { databaseName } from '../database'

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

async function withStore<T>(accountId: string, table: string, mode: IDBTransactionMode, work: (store: IDBObjectStore) => Promise<T>): Promise<T> {
  const idb = await request(indexedDB.open(databaseName(accountId)))
  try {
    const trans = idb.transaction(table, mode)
    const done = new Promise<void>((resolve, reject) => {
      trans.oncomplete = () => resolve()
      trans.onabort = () => reject(trans.error)
    })
    const result = await work(trans.objectStore(table))
    await done
    return result
  } finally {
    idb.close()
  }
}

/** Every stored record of `table`, in key order. */
export function rawRecords(accountId: string, table: string): Promise<Record<string, unknown>[]> {
  return withStore(accountId, table, 'readonly', (store) => request(store.getAll()))
}

/** Writes `record` as it is, past the seal: what someone editing the profile's files could do. */
export function putRawRecord(accountId: string, table: string, record: Record<string, unknown>): Promise<void> {
  return withStore(accountId, table, 'readwrite', async (store) => {
    await request(store.put(record))
  })
}

/** Deletes the record under `key`, past the seal. */
export function deleteRawRecord(accountId: string, table: string, key: IDBValidKey): Promise<void> {
  return withStore(accountId, table, 'readwrite', async (store) => {
    await request(store.delete(key))
  })
}

/** A fresh AES-GCM data key, as the page imports main's. */
export function testDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
}

/** Every record of `table` as text a scan of the disk would read: byte arrays decoded, nothing left out. */
export async function rawText(accountId: string, table: string): Promise<string> {
  const decoder = new TextDecoder('latin1')
  return JSON.stringify(await rawRecords(accountId, table), (_key, value: unknown) => (value instanceof Uint8Array ? decoder.decode(value) : value))
}
