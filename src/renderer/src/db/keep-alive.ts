// Keeps an IndexedDB transaction open while work outside IndexedDB (WebCrypto) runs inside it.

/** A key no table of the mirror uses: strings sort after every number, and no meta key starts with U+FFFF. */
const NOTHING = '\uffff keep-alive'

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown }

/**
 * Settles as `work` does, from inside a request callback of `trans`, so the caller may go on using the transaction.
 * IndexedDB commits a transaction once no request is pending at the end of a task, and accepts new requests only
 * while it is active (its creating task, a request's callback and their microtasks). WebCrypto answers in a task of
 * its own: awaited plainly inside a transaction, it finds it committed ("Transaction committed too early"). So while
 * `work` runs, one cheap read after another keeps a request pending, and the outcome is handed over in the next
 * read's callback, as Dexie.waitFor does. Call it while `trans` is active.
 */
export function keepingAlive<T>(trans: IDBTransaction, storeName: string, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let outcome: Outcome<T> | null = null
    const deliver = (settled: Outcome<T>) => (settled.ok ? resolve(settled.value) : reject(settled.error))
    work.then(
      (value) => (outcome = { ok: true, value }),
      (error: unknown) => (outcome = { ok: false, error }),
    )
    // After the transaction ended (aborted, or called outside it) there is nothing to keep: settle when work does.
    const plainly = (): void => void work.then(resolve, reject)
    let store: IDBObjectStore
    try {
      store = trans.objectStore(storeName)
    } catch {
      plainly()
      return
    }
    const ping = (): void => {
      if (outcome) return deliver(outcome)
      let request: IDBRequest
      try {
        request = store.get(NOTHING)
      } catch {
        return plainly()
      }
      request.onsuccess = ping
      request.onerror = (event) => {
        event.preventDefault() // a failed keep-alive read must not abort the caller's transaction
        plainly()
      }
    }
    ping()
  })
}
