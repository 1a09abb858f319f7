// Reading the mirror's notes by contact, in batches: what the search worker indexes and shows.
import type { ContactsDb, NoteRow } from './database'

/** The notes of `contactIds`, grouped by contact (contacts without notes are absent). */
export async function notesByContact(db: ContactsDb, contactIds: readonly number[]): Promise<Map<number, NoteRow[]>> {
  return groupByContact(await db.notes.where('contactId').anyOf(contactIds).toArray())
}

/**
 * Every note of `contactIds`, a batch of contacts at a time (one short read transaction each, so
 * writes and other reads interleave), handed to `visit` with the notes of each contact of the batch.
 */
export async function readNotesInBatches(
  db: ContactsDb,
  contactIds: readonly number[],
  batch: number,
  visit: (notes: ReadonlyMap<number, NoteRow[]>, contactIds: readonly number[]) => void,
): Promise<void> {
  const sorted = [...contactIds].sort((a, b) => a - b)
  for (let start = 0; start < sorted.length; start += batch) {
    const ids = sorted.slice(start, start + batch)
    // One range of the contactId index: cheaper than `anyOf` for thousands of keys.
    const notes = await db.notes.where('contactId').between(ids[0], ids[ids.length - 1], true, true).toArray()
    visit(groupByContact(notes), ids)
  }
}

function groupByContact(notes: readonly NoteRow[]): Map<number, NoteRow[]> {
  const byContact = new Map<number, NoteRow[]>()
  for (const note of notes) {
    const list = byContact.get(note.contactId)
    if (list) list.push(note)
    else byContact.set(note.contactId, [note])
  }
  return byContact
}
