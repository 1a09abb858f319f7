// Exports contacts to a file main saves: where to (the save dialog), then the CSV or vCard text in chunks, a slice of contacts at a time, so the window never freezes.
import { EXPORT_CHUNK_CHARS, type ExportFormat } from '../../../../shared/contract'
import type { ContactRow } from '../../../../shared/contact'
import { fail, ok, type Result } from '../../../../shared/result'
import { callBridge } from '../../bridge'
import type { ContactsDb } from '../../db/database'
import { localeFormats } from '../../i18n'
import { loadMirrorRows } from '../../db/snapshot'
import { csvExport } from './csv-export'
import type { ExportSlice } from './export-slices'
import { vcardExport, type VcardVersion } from './vcard-export'

export type ExportKind = 'csv' | 'vcard-4.0' | 'vcard-3.0'

export interface ExportRequest {
  /** The contacts, in the order to write them; 'all' writes every contact by name. */
  ids: readonly number[] | 'all'
  kind: ExportKind
  /** Write each contact's notes (those on this device). */
  notes: boolean
  /** The name the save dialog suggests. */
  fileName: string
}

export interface ExportDone {
  fileName: string
  path: string
  bytes: number
  count: number
}

export interface ExportProgress {
  onProgress?: (written: number, total: number) => void
  signal?: AbortSignal
}

/** Past this many ids, one read of the whole mirror beats reading each id. */
const READ_ALL_ABOVE = 2_000

const formatOf = (kind: ExportKind): ExportFormat => (kind === 'csv' ? 'csv' : 'vcard')

/** Pieces of at most `max` characters, never cutting a surrogate pair (each piece is encoded on its own). */
export function piecesOf(text: string, max: number = EXPORT_CHUNK_CHARS): string[] {
  const pieces: string[] = []
  let start = 0
  while (start < text.length) {
    let end = Math.min(text.length, start + max)
    const last = text.charCodeAt(end - 1)
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1
    pieces.push(text.slice(start, end))
    start = end
  }
  return pieces
}

async function contactsFor(db: ContactsDb, ids: readonly number[] | 'all'): Promise<ContactRow[]> {
  if (ids === 'all') {
    const { collator } = localeFormats()
    return (await loadMirrorRows(db)).rows.sort((a, b) => collator.compare(a.name ?? '', b.name ?? ''))
  }
  if (ids.length <= READ_ALL_ABOVE) return (await db.contacts.bulkGet([...ids])).filter((row): row is ContactRow => row !== undefined)
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

/**
 * A turn for the window between slices: a message to ourselves, which (unlike a chain of zero
 * timeouts, clamped to 4 ms after a few) costs next to nothing.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}

/**
 * Asks main where to save (null when the user cancelled), then writes the file slice by slice. A
 * cancel or a failure drops the unfinished file; nothing is left half-written under the chosen name.
 */
export async function runExport(db: ContactsDb, request: ExportRequest, progress: ExportProgress = {}): Promise<Result<ExportDone | null>> {
  const opened = await callBridge('export.open', { fileName: request.fileName, format: formatOf(request.kind) })
  if (!opened.ok || opened.data === null) return opened.ok ? ok(null) : opened
  const { id, fileName } = opened.data
  const abort = async <T>(result: Result<T>): Promise<Result<T>> => {
    await callBridge('export.abort', { id })
    return result
  }
  const contacts = await contactsFor(db, request.ids)
  const notes = request.notes ? await notesOf(db) : undefined
  const slices: Iterable<ExportSlice> =
    request.kind === 'csv' ? csvExport(contacts, { notesOf: notes }) : vcardExport(contacts, { version: request.kind.slice(6) as VcardVersion, notesOf: notes })
  const send = async (pieces: readonly string[]): Promise<Result<null>> => {
    for (const text of pieces) {
      const written = await callBridge('export.write', { id, text })
      if (!written.ok) return written
    }
    return ok(null)
  }
  let pending = ''
  for (const slice of slices) {
    if (progress.signal?.aborted) return abort(ok(null))
    pending += slice.text
    // Full chunks go now, the rest waits for the next slice; the window gets a turn either way.
    const pieces = pending.length >= EXPORT_CHUNK_CHARS ? piecesOf(pending) : [pending]
    pending = pieces.pop() ?? ''
    await nextTask()
    const sent = await send(pieces)
    if (!sent.ok) return abort(sent)
    progress.onProgress?.(slice.written, contacts.length)
  }
  if (progress.signal?.aborted) return abort(ok(null))
  const last = await send(piecesOf(pending))
  if (!last.ok) return abort(last)
  const finished = await callBridge('export.finish', { id })
  if (!finished.ok) return fail(finished.error)
  return ok({ fileName, path: finished.data.path, bytes: finished.data.bytes, count: contacts.length })
}
