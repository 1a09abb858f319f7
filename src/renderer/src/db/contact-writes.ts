// Tells this page which contact ids a committed transaction wrote, whoever wrote them (pull, outbox, replay).
import type { DBCore, DBCoreMutateRequest, Dexie, Middleware } from 'dexie'
import { createCommitFeed } from './commit-feed'

/** Ids written (put or deleted) by one committed transaction, or `all` after a range delete or clear. */
export type ContactWrites = { ids: number[] } | { all: true }
export type ContactWritesListener = (writes: ContactWrites) => void

const feed = createCommitFeed<ContactWrites>((ids) => (ids === 'all' ? { all: true } : { ids }))

/** Hears every committed write to `contacts` made through this database handle. */
export function subscribeContactWrites(db: Dexie, listener: ContactWritesListener): () => void {
  return feed.subscribe(db, listener)
}

/**
 * The DBCore middleware `openAccountDatabase` installs. It only notes keys (no extra reads, so
 * bulk writes keep their speed) and reports them once the transaction commits; an aborted
 * transaction reports nothing.
 */
export function contactWritesMiddleware(db: Dexie): Middleware<DBCore> {
  function note(req: DBCoreMutateRequest, results: readonly unknown[] | undefined): void {
    const pending = feed.touched(db, req.trans)
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
