// The per-account IndexedDB mirror: its schema (declared once, versioned) and how to open or delete it.
import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie'
import type { ContactRow, Note } from '../../../shared/contact'
import { contactWritesMiddleware } from './contact-writes'
import { noteWritesMiddleware } from './note-writes'

/** A note kept beside its contact (the notes endpoint returns notes without their contact id). */
export type NoteRow = Note & { contactId: number }

/**
 * An outbox row as the mirror sees it: the keys it indexes. What a row holds (intents, batches,
 * their replay state) is the outbox's to define and type (sync/outbox/intent.ts, outbox-store.ts).
 */
export interface OutboxRecord {
  seq?: number
  contactId: number
}

/**
 * When each part of a contact was last read from the server (epoch ms), for hydration: `details`
 * from a GET of the contact, `notes` from its notes list. A part never read is absent.
 */
export interface FreshnessRow {
  id: number
  details?: number
  notes?: number
}

export interface MetaRow {
  key: string
  value: unknown
}

export type ContactsDb = Dexie & {
  /** Server id, or a negative temporary id for offline creates; rows may be partial. */
  contacts: EntityTable<ContactRow, 'id'>
  /** Queued intents (or batches of them), indexed by `contactId` (0 for a batch); the outbox reads it through its OutboxStore. */
  outbox: Table<OutboxRecord, number>
  notes: EntityTable<NoteRow, 'id'>
  meta: EntityTable<MetaRow, 'key'>
  /** Keyed by contact id, no other index: hydration reads it whole, a write touches one row. */
  freshness: EntityTable<FreshnessRow, 'id'>
}

/** IndexedDB implementation to use instead of the global one (tests under Node). */
export type IndexedDbDeps = Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'>

/** Demo and each real account get their own database, so their data never mixes. */
export const databaseName = (accountId: string): string => `skylight-contacts-${accountId}`

/**
 * Opens (creating or upgrading) an account's mirror.
 * Indexes are few on purpose: each one slows bulk writes (a multiEntry token index made
 * 100k bulkPut 2.5x slower). `name` serves the first rows by name while search loads.
 */
export async function openAccountDatabase(accountId: string, deps: IndexedDbDeps = {}): Promise<ContactsDb> {
  const db = new Dexie(databaseName(accountId), deps) as ContactsDb
  db.use(contactWritesMiddleware(db))
  db.use(noteWritesMiddleware(db))
  db.version(1).stores({
    contacts: 'id, name',
    outbox: '++seq, contactId',
    notes: 'id, contactId',
    meta: 'key',
  })
  // Hydration (issue 13): when each contact's details and notes were read. Its progress needs no
  // queue of its own: what is due follows from this table, so it survives any restart.
  db.version(2).stores({ freshness: 'id' })
  await db.open()
  return db
}

/**
 * Deletes an account's mirror (sign-out). Close every open handle to it first: IndexedDB
 * waits for them before deleting. Confirm edits still queued with the user first (the sync store counts them).
 */
export async function deleteAccountDatabase(accountId: string, deps: IndexedDbDeps = {}): Promise<void> {
  await new Dexie(databaseName(accountId), deps).delete()
}
