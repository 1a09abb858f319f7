// Ids a transaction touched, gathered while it runs and told to the listeners of its database handle once it commits.
import type { DBCoreTransaction, Dexie } from 'dexie'

/** What one transaction touched so far: ids, or everything (a range delete or clear). */
export interface Touched {
  ids: Set<number>
  all: boolean
}

export interface CommitFeed<W> {
  /** Hears every committed transaction that touched something through `db`. */
  subscribe(db: Dexie, listener: (writes: W) => void): () => void
  /** Where `trans`'s writes are noted; reported once it commits (an aborted transaction reports nothing). */
  touched(db: Dexie, trans: DBCoreTransaction): Touched
}

/** One feed per kind of write (contacts, notes); `report` words what a committed transaction touched. */
export function createCommitFeed<W>(report: (ids: number[] | 'all') => W): CommitFeed<W> {
  const listenersByDb = new WeakMap<Dexie, Set<(writes: W) => void>>()
  const touchedByTrans = new WeakMap<DBCoreTransaction, Touched>()
  return {
    subscribe(db, listener) {
      let listeners = listenersByDb.get(db)
      if (!listeners) listenersByDb.set(db, (listeners = new Set()))
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    touched(db, trans) {
      const known = touchedByTrans.get(trans)
      if (known) return known
      const touched: Touched = { ids: new Set(), all: false }
      touchedByTrans.set(trans, touched)
      ;(trans as unknown as IDBTransaction).addEventListener('complete', () => {
        const writes = report(touched.all ? 'all' : [...touched.ids])
        for (const listener of [...(listenersByDb.get(db) ?? [])]) listener(writes)
      })
      return touched
    },
  }
}
