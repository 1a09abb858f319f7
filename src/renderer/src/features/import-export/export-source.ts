// What an export writes, read from the mirror: the contacts in order, their notes, and the text in slices of the chosen format.
import type { ContactRow } from '../../../../shared/contact'
import type { ContactsDb } from '../../db/database'
import { loadMirrorRows } from '../../db/snapshot'
import { nameCollator } from '../../search/word-index'
import { csvExport } from './csv-export'
import type { ExportJob } from './export-protocol'
import type { ExportSlice } from './export-slices'
import { sortByName } from './name-order'
import { vcardExport, type VcardVersion } from './vcard-export'

export interface ExportSource {
  /** Contacts to write. */
  total: number
  slices: Iterable<ExportSlice>
}

/** Past this many ids, one read of the whole mirror beats reading each id. */
const READ_ALL_ABOVE = 2_000

async function contactsFor(db: ContactsDb, job: Pick<ExportJob, 'ids' | 'locale'>): Promise<ContactRow[]> {
  const { ids } = job
  if (ids === 'all') {
    return sortByName((await loadMirrorRows(db)).rows, nameCollator(job.locale))
  }
  if (ids.length <= READ_ALL_ABOVE) return (await db.contacts.bulkGet(ids)).filter((row): row is ContactRow => row !== undefined)
  const byId = new Map((await loadMirrorRows(db)).rows.map((row) => [row.id, row]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

async function notesOf(db: ContactsDb): Promise<(id: number) => readonly string[] | undefined> {
  const byContact = new Map<number, { content: string; at: string }[]>()
  for (const note of await db.notes.toArray()) {
    const list = byContact.get(note.contactId) ?? []
    list.push({ content: note.content, at: note.created_at ?? '' })
    byContact.set(note.contactId, list)
  }
  return (id) => byContact.get(id)?.sort((a, b) => a.at.localeCompare(b.at)).map((note) => note.content)
}

/** Reads what the job exports (the caller may close `db` once this resolves); the slices are written as they are taken. */
export async function exportSource(db: ContactsDb, job: Omit<ExportJob, 'accountId'>): Promise<ExportSource> {
  const contacts = await contactsFor(db, job)
  const notes = job.notes ? await notesOf(db) : undefined
  const slices =
    job.kind === 'csv' ? csvExport(contacts, { notesOf: notes }) : vcardExport(contacts, { version: job.kind.slice(6) as VcardVersion, notesOf: notes })
  return { total: contacts.length, slices }
}
