// The store the outbox keeps its rows in, as the outbox declares it: the mirror's `outbox` table, read and written with the row types defined here, not in db/.
import type { Table } from 'dexie'
import type { ContactsDb } from '../../db/database'
import type { OutboxRow } from './intent'

/** What the outbox does with its table; the mirror declares only the keys it indexes (db/database.ts). */
export type OutboxStore = Pick<
  Table<OutboxRow, number>,
  'add' | 'put' | 'bulkPut' | 'get' | 'bulkGet' | 'delete' | 'bulkDelete' | 'where' | 'orderBy' | 'toCollection' | 'toArray' | 'each' | 'count'
>

/** The account's outbox table with the outbox's row types; in a transaction, list `db.outbox` in its scope as usual. */
export function outboxStore(db: ContactsDb): OutboxStore {
  return db.outbox as unknown as Table<OutboxRow, number>
}
