// Writes the server's answers into the mirror as intents complete, with still-queued intents re-applied on top.
import type { Contact, ContactRow, Note } from '../../../../shared/contact'
import type { ContactsDb } from '../../db/database'
import { outboxStore } from './outbox-store'
import { isFullRow, mergeRow } from '../../db/merge'
import { markRead } from '../../db/freshness'
import { markSnapshotDirty } from '../../db/snapshot'
import { overlayIntents } from './local-apply'
import { CLOCK_SKEW_MS } from './server-lookup'
import { contactRows } from './row-state'

/** Puts `row` (server truth) for `id` with the contact's queued intents, except `done`, applied over it. */
async function putWithPending(db: ContactsDb, id: number, row: ContactRow, done: ReadonlySet<number>): Promise<void> {
  const pending = (await contactRows(db, id)).filter((queued) => !done.has(queued.seq))
  const shown = overlayIntents(row, pending)
  if (shown) await db.contacts.put(shown)
  else await db.contacts.delete(id)
  await markSnapshotDirty(db, [id])
}

/**
 * A fresh GET of the contact: the mirror learns the other users' changes, the local edits stay
 * visible, and hydration counts its details as read now.
 */
export async function refreshContact(db: ContactsDb, contact: Contact): Promise<void> {
  await db.transaction('rw', [db.contacts, db.outbox, db.meta, db.freshness], async () => {
    await putWithPending(db, contact.id, mergeRow(await db.contacts.get(contact.id), contact), new Set())
    await markRead(db, [contact.id], 'details', Date.now())
  })
}

/** The intents `seqs` are done; a (possibly partial) answer is merged into the mirror; a full one counts as a fresh read. */
export async function completeIntents(db: ContactsDb, seqs: readonly number[], contactId: number, answer?: ContactRow): Promise<void> {
  await db.transaction('rw', [db.contacts, db.outbox, db.meta, db.freshness], async () => {
    if (answer) await putWithPending(db, contactId, mergeRow(await db.contacts.get(contactId), answer), new Set(seqs))
    if (answer && isFullRow(answer)) await markRead(db, [contactId], 'details', Date.now())
    await outboxStore(db).bulkDelete([...seqs])
  })
}

const RECENT_CREATES = 'outbox.recentCreates'

interface RecentCreate {
  id: number
  /** Epoch ms when the create completed. */
  at: number
}

/** Server ids our creates made lately (within the look-up window), so a lost create's look-up skips them. */
export async function recentCreates(db: ContactsDb, now: number): Promise<Set<number>> {
  const list = ((await db.meta.get(RECENT_CREATES))?.value ?? []) as RecentCreate[]
  return new Set(list.filter((entry) => entry.at >= now - CLOCK_SKEW_MS * 2).map((entry) => entry.id))
}

async function rememberCreate(db: ContactsDb, id: number, now: number): Promise<void> {
  const list = ((await db.meta.get(RECENT_CREATES))?.value ?? []) as RecentCreate[]
  const kept = list.filter((entry) => entry.at >= now - CLOCK_SKEW_MS * 2)
  await db.meta.put({ key: RECENT_CREATES, value: [...kept, { id, at: now }] })
}

const SWAPPED_IDS = 'outbox.swappedIds'
/** Enough to cover every temporary id a window may still hold; older ones are forgotten first. */
const SWAPS_KEPT = 1_000

/** Temporary ids already replaced, with their server ids: an edit made on a stale temporary id still lands. */
export async function swappedIds(db: ContactsDb): Promise<Map<number, number>> {
  const pairs = ((await db.meta.get(SWAPPED_IDS))?.value ?? []) as [number, number][]
  return new Map(pairs)
}

async function rememberSwap(db: ContactsDb, tempId: number, id: number): Promise<void> {
  const pairs = ((await db.meta.get(SWAPPED_IDS))?.value ?? []) as [number, number][]
  await db.meta.put({ key: SWAPPED_IDS, value: [...pairs.slice(-(SWAPS_KEPT - 1)), [tempId, id]] })
}

/**
 * The create succeeded: the server id replaces the temporary one everywhere (mirror row, queued
 * intents, notes) in one transaction, so no reader ever sees half of it.
 */
export async function completeCreate(db: ContactsDb, seqs: readonly number[], tempId: number, created: ContactRow, now: number): Promise<void> {
  await db.transaction('rw', [db.contacts, db.outbox, db.notes, db.meta], async () => {
    await rememberCreate(db, created.id, now)
    await rememberSwap(db, tempId, created.id)
    await outboxStore(db).bulkDelete([...seqs])
    await outboxStore(db).where('contactId').equals(tempId).modify({ contactId: created.id })
    await db.notes.where('contactId').equals(tempId).modify({ contactId: created.id })
    const [local, known] = await db.contacts.bulkGet([tempId, created.id])
    await db.contacts.delete(tempId)
    await markSnapshotDirty(db, [tempId])
    // A pull may already have mirrored the new contact under its server id.
    const row = mergeRow(mergeRow(local, { ...known, id: created.id }), created)
    await putWithPending(db, created.id, row, new Set())
  })
}

/** The contact is gone from the server: its row, its notes and the given intents leave the mirror together. */
export async function completeDelete(db: ContactsDb, seqs: readonly number[], contactId: number): Promise<void> {
  await db.transaction('rw', [db.contacts, db.outbox, db.notes, db.meta], async () => {
    await outboxStore(db).bulkDelete([...seqs])
    await db.contacts.delete(contactId)
    await markSnapshotDirty(db, [contactId])
    await db.notes.where('contactId').equals(contactId).delete()
  })
}

/** The local note (negative id) becomes the server's note. */
export async function completeNote(db: ContactsDb, seqs: readonly number[], contactId: number, localId: number, note: Note): Promise<void> {
  await db.transaction('rw', db.outbox, db.notes, async () => {
    await outboxStore(db).bulkDelete([...seqs])
    await db.notes.delete(localId)
    await db.notes.put({ ...note, contactId })
  })
}

/** Server ids of the notes the mirror holds for a contact: a lost note's look-up must not take one of them for itself. */
export async function knownNoteIds(db: ContactsDb, contactId: number): Promise<Set<number>> {
  const ids = (await db.notes.where('contactId').equals(contactId).primaryKeys()) as number[]
  return new Set(ids.filter((id) => id > 0))
}

