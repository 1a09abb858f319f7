// Tells this page whose notes a committed transaction wrote or deleted, whoever wrote them (details, outbox, hydration).
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Dexie, Middleware } from 'dexie'
import { createCommitFeed, type Touched } from './commit-feed'

/** Contacts whose notes changed in one committed transaction, or `all` after a range delete or clear. */
export type NoteWrites = { contactIds: number[] } | { all: true }
export type NoteWritesListener = (writes: NoteWrites) => void

const feed = createCommitFeed<NoteWrites>((contactIds) => (contactIds === 'all' ? { all: true } : { contactIds }))

/** Hears every committed write to `notes` made through this database handle. */
export function subscribeNoteWrites(db: Dexie, listener: NoteWritesListener): () => void {
  return feed.subscribe(db, listener)
}

const contactIdOf = (note: unknown): unknown => (note as { contactId?: unknown } | undefined)?.contactId

/**
 * The DBCore middleware `openAccountDatabase` installs. A put names its contacts in its values (a
 * bulk put of notes costs no read); a delete, and a modify (which may move notes to another
 * contact, as a created contact's server id does), first read the notes they change, to name the
 * contacts that lose them. Reported once the transaction commits; an aborted one reports nothing.
 */
export function noteWritesMiddleware(db: Dexie): Middleware<DBCore> {
  function note(pending: Touched, notes: readonly unknown[]): void {
    for (const found of notes) {
      const contactId = contactIdOf(found)
      if (typeof contactId === 'number') pending.ids.add(contactId)
    }
  }

  /**
   * Reads and the write are asked for at once, in that order, on the same transaction: IndexedDB runs
   * them in order, so the read sees the notes before the write (and Dexie's zone is never left).
   */
  function mutate(table: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
    const pending = feed.touched(db, req.trans)
    let before: Promise<unknown[]> | null = null
    if (req.type === 'deleteRange') pending.all = true
    else if (req.type === 'delete') before = table.getMany({ trans: req.trans, keys: req.keys })
    else {
      note(pending, req.values)
      // A modify or update (not a plain put) may change `contactId`: the notes as they were name the contact that loses them.
      if (req.type === 'put' && (req.changeSpec || req.updates)) {
        const extract = table.schema.primaryKey.extractKey
        const keys = req.keys?.length ? req.keys : extract ? req.values.map(extract) : []
        before = table.getMany({ trans: req.trans, keys })
      }
    }
    const written = table.mutate(req)
    if (!before) return written
    return Promise.all([before, written]).then(([found, response]) => {
      note(pending, found)
      return response
    })
  }

  return {
    stack: 'dbcore',
    name: 'note-writes',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name)
          if (name !== 'notes') return table
          return { ...table, mutate: (req) => mutate(table, req) }
        },
      }
    },
  }
}
