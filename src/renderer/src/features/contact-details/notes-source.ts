// A contact's notes: the server's when it answers (kept for offline), the kept ones otherwise, and the queued ones not synced yet.
import type { Note } from '../../../../shared/contact'
import type { ApiError, Result } from '../../../../shared/result'
import { callBridge } from '../../bridge'
import type { ContactsDb } from '../../db/database'
import { t } from '../../i18n'
import { errorText } from '../../sync/sync-errors'
import { CLOCK_SKEW_MS, enqueue, type IntentOf, type Queued, queuedIntents, type SingleRow } from '../../sync/outbox'

export interface NoteView {
  id: number
  content: string
  createdAt?: string
  /** synced: on the server; queued: waiting to be sent; stuck: parked by an error the user must see. */
  sync: 'synced' | 'queued' | 'stuck'
  /** Why a stuck note was not sent. */
  problem?: string
}

export type NotesRefresh = { status: 'fresh' } | { status: 'skipped' } | { status: 'failed'; error: ApiError }

type QueuedNote = SingleRow & IntentOf<'addNote'> & { seq: number }

async function queuedNotes(db: ContactsDb, contactId: number): Promise<QueuedNote[]> {
  const rows = await queuedIntents(db, new Set([contactId]))
  return rows.filter((row): row is QueuedNote => row.kind === 'addNote')
}

/**
 * Reads the server's notes into the offline copy. A contact created offline (temporary id) has
 * none there yet. The API cannot delete notes, so the server's list only ever adds to ours.
 */
export async function refreshNotes(db: ContactsDb, contactId: number): Promise<NotesRefresh> {
  if (contactId < 0) return { status: 'skipped' }
  const answer = await callBridge('notes.list', { id: contactId })
  if (!answer.ok) return { status: 'failed', error: answer.error }
  await keepServerNotes(db, contactId, answer.data)
  return { status: 'fresh' }
}

async function keepServerNotes(db: ContactsDb, contactId: number, notes: readonly Note[]): Promise<void> {
  await db.transaction('rw', [db.contacts, db.notes, db.outbox], async () => {
    // Deleted here while the list was on its way: its notes went with it.
    if (!(await db.contacts.get(contactId))) return
    const known = new Set((await db.notes.where('contactId').equals(contactId).primaryKeys()) as number[])
    const sent = (await queuedNotes(db, contactId)).filter((row) => row.sentAt !== undefined)
    // A server note that may be a sent note whose answer was lost stays out: the replayer's look-up
    // skips notes the mirror holds, so keeping it would make the replayer send that note again.
    const kept = notes.filter((note) => known.has(note.id) || !sent.some((row) => mayBe(note, row)))
    await db.notes.bulkPut(kept.map((note) => ({ ...note, contactId })))
  })
}

const mayBe = (note: Note, row: QueuedNote): boolean =>
  note.content === row.content && (note.created_at === undefined || Date.parse(note.created_at) >= Date.parse(row.sentAt as string) - CLOCK_SKEW_MS)

/** Every note the offline copy holds for the contact, newest first, with its sync state. */
export async function readNotes(db: ContactsDb, contactId: number): Promise<NoteView[]> {
  const rows = await db.notes.where('contactId').equals(contactId).toArray()
  const queued = await queuedNotes(db, contactId)
  const byNoteId = new Map(queued.map((row) => [row.noteId, row]))
  const views = rows.map((row): NoteView => {
    const view: NoteView = { id: row.id, content: row.content, createdAt: row.created_at, sync: 'synced' }
    if (row.id > 0) return view
    const intent = byNoteId.get(row.id)
    if (!intent || intent.status === 'pending') return { ...view, sync: 'queued' }
    return { ...view, sync: 'stuck', problem: intent.lastError ? errorText(intent.lastError) : t('contact-details.notes.waiting') }
  })
  // Equal times: the newer id first (server ids count up, local ones down from -1).
  return views.sort((a, b) => time(b) - time(a) || Math.abs(b.id) - Math.abs(a.id))
}

const time = (note: NoteView): number => (note.createdAt ? Date.parse(note.createdAt) : 0) || 0

/** Shows the note at once and queues it for the server. */
export function addNote(db: ContactsDb, contactId: number, content: string): Promise<Result<Queued>> {
  return enqueue(db, { kind: 'addNote', contactId, content })
}
