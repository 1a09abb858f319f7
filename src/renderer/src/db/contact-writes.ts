// Tells this page which contact ids a committed transaction wrote, whoever wrote them (pull, outbox, replay).
import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Dexie, Middleware } from 'dexie'

/** Ids written (put or deleted) by one committed transaction, or `all` after a range delete or clear. */
export type ContactWrites = { ids: number[] } | { all: true }
export type ContactWritesListener = (writes: ContactWrites) => void

interface Pending {
  ids: Set<number>
  all: boolean
}

const listenersByDb = new WeakMap<Dexie, Set<ContactWritesListener>>()

/** Hears every committed write to `contacts` made through this database handle. */
export function subscribeContactWrites(db: Dexie, listener: ContactWritesListener): () => void {
  let listeners = listenersByDb.get(db)
  if (!listeners) listenersByDb.set(db, (listeners = new Set()))
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function emit(db: Dexie, writes: ContactWrites): void {
  for (const listener of [...(listenersByDb.get(db) ?? [])]) listener(writes)
}

/**
 * The DBCore middleware `openAccountDatabase` installs. It only notes keys (no extra reads, so
 * bulk writes keep their speed) and reports them once the transaction commits; an aborted
 * transaction reports nothing.
 */
export function contactWritesMiddleware(db: Dexie): Middleware<DBCore> {
  const pendingByTrans = new WeakMap<DBCoreTransaction, Pending>()

  function pendingFor(trans: DBCoreTransaction): Pending {
    let pending = pendingByTrans.get(trans)
    if (!pending) {
      pending = { ids: new Set(), all: false }
      pendingByTrans.set(trans, pending)
      const idbTrans = trans as unknown as IDBTransaction
      const settled = pending
      idbTrans.addEventListener('complete', () => emit(db, settled.all ? { all: true } : { ids: [...settled.ids] }))
    }
    return pending
  }

  function note(req: DBCoreMutateRequest, results: readonly unknown[] | undefined): void {
    const pending = pendingFor(req.trans)
    if (req.type === 'deleteRange') {
      pending.all = true
      return
    }
    const keys = req.type === 'delete' ? req.keys : (results ?? [])
    for (const key of keys) if (typeof key === 'number') pending.ids.add(key)
  }

  return {
    stack: 'dbcore',
    name: 'contact-writes',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name)
          if (name !== 'contacts') return table
          return {
            ...table,
            mutate: (req) =>
              table.mutate(req).then((response) => {
                note(req, response.results)
                return response
              }),
          }
        },
      }
    },
  }
}
