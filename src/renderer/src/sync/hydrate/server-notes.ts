// A contact's notes list from the server into the mirror: the server's notes replaced, the ones still queued here kept.
import type { Note } from '../../../../shared/contact'
import type { ContactsDb } from '../../db/database'
import { markRead } from '../../db/freshness'
import { CLOCK_SKEW_MS, type IntentOf, queuedIntents, type SingleRow } from '../outbox'

type QueuedNote = SingleRow & IntentOf<'addNote'> & { seq: number }

/**
 * Stores `notes`, the server's list for `contactId` as asked for at `askedAt` (epoch ms), and stamps
 * the contact's notes as read then. Local notes (negative ids, queued) stay. A stored server note the
 * list lacks is dropped only when it was made well before the list was asked for: one our replayer
 * added while the list was on its way stays. A server note that may be a sent note whose answer was
 * lost stays out: the replayer's look-up skips notes the mirror holds, so keeping it would make the
 * replayer send that note again. Returns false when the contact left the mirror meanwhile.
 */
export async function storeServerNotes(db: ContactsDb, contactId: number, notes: readonly Note[], askedAt: number): Promise<boolean> {
  return db.transaction('rw', [db.contacts, db.notes, db.outbox, db.freshness], async () => {
    // Deleted here while the list was on its way: its notes went with it.
    if (!(await db.contacts.get(contactId))) return false
    const stored = await db.notes.where('contactId').equals(contactId).toArray()
    const known = new Set(stored.map((note) => note.id))
    const sent = (await queuedNotes(db, contactId)).filter((row) => row.sentAt !== undefined)
    const kept = notes.filter((note) => known.has(note.id) || !sent.some((row) => mayBe(note, row)))
    const listed = new Set(notes.map((note) => note.id))
    const gone = stored.filter((note) => note.id > 0 && !listed.has(note.id) && madeBefore(note, askedAt - CLOCK_SKEW_MS))
    await db.notes.bulkDelete(gone.map((note) => note.id))
    await db.notes.bulkPut(kept.map((note) => ({ ...note, contactId })))
    await markRead(db, [contactId], 'notes', askedAt)
    return true
  })
}

async function queuedNotes(db: ContactsDb, contactId: number): Promise<QueuedNote[]> {
  const rows = await queuedIntents(db, new Set([contactId]))
  return rows.filter((row): row is QueuedNote => row.kind === 'addNote')
}

const mayBe = (note: Note, row: QueuedNote): boolean =>
  note.content === row.content && (note.created_at === undefined || Date.parse(note.created_at) >= Date.parse(row.sentAt as string) - CLOCK_SKEW_MS)

/** A note whose time is unknown is kept: nothing shows it was there when the list was read. */
const madeBefore = (note: Note, at: number): boolean => note.created_at !== undefined && Date.parse(note.created_at) < at
