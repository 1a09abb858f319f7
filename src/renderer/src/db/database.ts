// The per-account IndexedDB mirror: its schema (declared once, versioned) and how to open or delete it.
import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie'
import type { ContactRow, Note } from '../../../shared/contact'
import { contactWritesMiddleware } from './contact-writes'
import { mirrorKey } from './mirror-keys'
import { noteWritesMiddleware } from './note-writes'
import { sealedWithoutKey, sealState, writeSealCheck } from './seal-check'
import { sealMiddleware } from './seal-middleware'

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

export type OpenOptions = IndexedDbDeps & {
  /**
   * The account's data key (db/sealing.ts importDataKey): every record is then sealed at rest, its key and indexed
   * fields aside. Absent: the key this page holds for the account (mirror-keys.ts). Null, or none held: records are
   * stored in clear (unit tests, and the at-rest e2e's control run).
   */
  key?: CryptoKey | null
}

/**
 * The data key does not open this mirror (the keychain was reset, or another key was made): nothing in it can be
 * read. `queuedEdits` counts the outbox's records, which are lost with it and must be reported, not dropped unsaid.
 */
export class WrongDataKeyError extends Error {
  constructor(readonly queuedEdits: number) {
    super('The offline copy was sealed with another key: it cannot be read.')
    this.name = 'WrongDataKeyError'
  }
}

/** Demo and each real account get their own database, so their data never mixes. */
export const databaseName = (accountId: string): string => `skylight-contacts-${accountId}`

/** Whether a sealed mirror still accepts records stored in clear: until its migration is done (seal-migration.ts). */
const acceptsPlain = new WeakMap<Dexie, boolean>()

/** The mirror's records are all sealed: from now on, one found in clear is reported as unreadable. */
export function markFullySealed(db: Dexie): void {
  acceptsPlain.set(db, false)
}

/** Whether every record of this (sealed) mirror is known to be sealed; false while a clear copy awaits migration. */
export function isFullySealed(db: Dexie): boolean {
  return acceptsPlain.get(db) === false
}

/**
 * Opens (creating or upgrading) an account's mirror.
 * Indexes are few on purpose: each one slows bulk writes (a multiEntry token index made
 * 100k bulkPut 2.5x slower), and with a data key an indexed field is stored in clear.
 */
export async function openAccountDatabase(accountId: string, options: OpenOptions = {}): Promise<ContactsDb> {
  const { key = mirrorKey(accountId), ...deps } = options
  const db = new Dexie(databaseName(accountId), deps) as ContactsDb
  db.use(contactWritesMiddleware(db))
  db.use(noteWritesMiddleware(db))
  if (key) {
    acceptsPlain.set(db, true)
    db.use(sealMiddleware(db, { key, acceptPlain: () => acceptsPlain.get(db) ?? true }))
  }
  db.version(1).stores({
    contacts: 'id, name',
    outbox: '++seq, contactId',
    notes: 'id, contactId',
    meta: 'key',
  })
  // Hydration (issue 13): when each contact's details and notes were read. Its progress needs no
  // queue of its own: what is due follows from this table, so it survives any restart.
  db.version(2).stores({ freshness: 'id' })
  // Issue 15: no `name` index, so no name is stored in clear; the first rows come from the sealed snapshot's head.
  db.version(3).stores({ contacts: 'id' })
  await db.open()
  if (key) {
    const state = await sealState(db)
    if (state === 'sealed') markFullySealed(db)
    // A new mirror holds nothing in clear: it is sealed from its first record, with no migration pass over it later.
    if (state === 'unsealed' && (await isEmpty(db))) {
      await writeSealCheck(db)
      markFullySealed(db)
    }
    if (state === 'wrong-key') {
      const queuedEdits = await db.outbox.count()
      db.close()
      throw new WrongDataKeyError(queuedEdits)
    }
  } else if (await sealedWithoutKey(db)) {
    db.close()
    throw new Error('The offline copy is sealed, and no key was given to open it.')
  }
  return db
}

async function isEmpty(db: ContactsDb): Promise<boolean> {
  const counts = await Promise.all(db.tables.map((table) => table.count()))
  return counts.every((count) => count === 0)
}

/**
 * Deletes an account's mirror (sign-out). Close every open handle to it first: IndexedDB
 * waits for them before deleting. Confirm edits still queued with the user first (the sync store counts them).
 */
export async function deleteAccountDatabase(accountId: string, deps: IndexedDbDeps = {}): Promise<void> {
  await new Dexie(databaseName(accountId), deps).delete()
}
