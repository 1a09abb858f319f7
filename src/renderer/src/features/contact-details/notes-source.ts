// A contact's notes: the server's when it answers (kept for offline), the kept ones otherwise, and the queued ones not synced yet.
import type { ApiError, Result } from '../../../../shared/result'
import { callBridge } from '../../bridge'
import type { ContactsDb } from '../../db/database'
import { t } from '../../i18n'
import { errorText } from '../../sync/sync-errors'
import { storeServerNotes } from '../../sync/hydrate'
import { enqueue, type IntentOf, type Queued, queuedIntents, type SingleRow } from '../../sync/outbox'

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

/** Reads the server's notes into the offline copy. A contact created offline (temporary id) has none there yet. */
export async function refreshNotes(db: ContactsDb, contactId: number): Promise<NotesRefresh> {
  if (contactId < 0) return { status: 'skipped' }
  const askedAt = Date.now()
  const answer = await callBridge('notes.list', { id: contactId })
  if (!answer.ok) return { status: 'failed', error: answer.error }
  await storeServerNotes(db, contactId, answer.data, askedAt)
  return { status: 'fresh' }
}

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
