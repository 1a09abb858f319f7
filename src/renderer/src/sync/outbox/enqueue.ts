// Applies intents to the mirror and queues them in the same Dexie transaction, one or ten thousand at a time.
import type { ContactRow } from '../../../../shared/contact'
import { fail, ok, type Result } from '../../../../shared/result'
import type { ContactsDb, NoteRow } from '../../db/database'
import { markSnapshotDirty } from '../../db/snapshot'
import { noteRecent } from '../../db/recent-contacts'
import { rowsWithIds } from '../../db/rows-by-id'
import { BATCH_CONTACT_ID, intentInput, type BatchRow, type Intent, type IntentInput, type ParsedIntentInput, type SingleRow } from './intent'
import { outboxStore } from './outbox-store'
import { applyIntent } from './local-apply'
import { swappedIds } from './mirror-writes'
import { outboxEvents } from './outbox-events'
import type { PageQuery } from './page-query'
import { refusedBy, syncError } from '../sync-errors'

export interface Queued {
  seq: number
  /** The contact's id; for a create, its new temporary (negative) id. */
  contactId: number
}

const LAST_TEMP_ID = 'outbox.lastTempId'
const LAST_NOTE_ID = 'outbox.lastNoteId'

/** Queues one intent; see `enqueueMany`. */
export async function enqueue(db: ContactsDb, input: IntentInput, now: Date = new Date()): Promise<Result<Queued>> {
  const queued = await enqueueMany(db, [input], now)
  return queued.ok ? ok(queued.data[0]) : queued
}

export interface BatchOptions {
  /** The list query the contacts were picked from (a bulk edit over a filter or search): replay rebases them from its pages. */
  pages?: PageQuery
}

/**
 * Validates every intent with the shared rules (a bad value is refused with field errors, nothing
 * queued), applies them to the mirror and queues them, all in one transaction: either every edit
 * shows and will reach the server, or none does. Many intents are stored as one batch record,
 * with one read (a range read when the ids lie close) and one `bulkPut` of the rows they change.
 */
export async function enqueueMany(db: ContactsDb, inputs: readonly IntentInput[], now: Date = new Date(), options: BatchOptions = {}): Promise<Result<Queued[]>> {
  const queued = await enqueueWithFollowUp(db, inputs, () => [], now, options)
  return queued.ok ? ok(queued.data.queued) : queued
}

export interface QueuedWithFollowUp {
  queued: Queued[]
  followed: Queued[]
}

/** A refusal inside the transaction: thrown to roll it back, returned as a value once it has. */
class Refused extends Error {
  constructor(readonly result: Result<never>) {
    super('refused')
  }
}

/**
 * `enqueueMany`, then the intents `followUp` makes from what was queued (the temporary ids of new
 * contacts: their notes, their blacklist), in the same transaction: a crash between the two cannot
 * leave a contact created without them.
 */
export async function enqueueWithFollowUp(
  db: ContactsDb,
  inputs: readonly IntentInput[],
  followUp: (queued: Queued[]) => readonly IntentInput[],
  now: Date = new Date(),
  options: BatchOptions = {},
): Promise<Result<QueuedWithFollowUp>> {
  const parsed = parseInputs(inputs)
  if (!parsed.ok) return parsed
  if (parsed.data.length === 0) return ok({ queued: [], followed: [] })
  const createdAt = now.toISOString()
  try {
    const result = await db.transaction('rw', [db.contacts, db.outbox, db.notes, db.meta], async () => {
      const queued = await queueParsed(db, parsed.data, createdAt, options)
      const more = parseInputs(followUp(queued))
      if (!more.ok) throw new Refused(more)
      const followed = more.data.length ? await queueParsed(db, more.data, createdAt) : []
      return ok({ queued, followed })
    })
    outboxEvents(db).emit({ type: 'changed' })
    return result
  } catch (error) {
    if (error instanceof Refused) return error.result
    throw error
  }
}

function parseInputs(inputs: readonly IntentInput[]): Result<ParsedIntentInput[]> {
  const parsed: ParsedIntentInput[] = []
  for (const [index, input] of inputs.entries()) {
    const checked = intentInput.safeParse(input)
    if (!checked.success) {
      const issues = inputs.length === 1 ? checked.error.issues : checked.error.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] }))
      return fail(refusedBy(issues, { code: 'changeRefused' }))
    }
    parsed.push(checked.data)
  }
  return ok(parsed)
}

/** Applies and queues validated intents; runs inside the caller's transaction (contacts, outbox, notes, meta). */
async function queueParsed(db: ContactsDb, parsed: ParsedIntentInput[], createdAt: string, options: BatchOptions = {}): Promise<Queued[]> {
  if (parsed.some((input) => input.kind !== 'create' && input.contactId < 0)) {
    // The caller may still hold a temporary id the replayer has just replaced.
    const swapped = await swappedIds(db)
    for (const input of parsed) if (input.kind !== 'create') input.contactId = swapped.get(input.contactId) ?? input.contactId
  }
  const ids = [...new Set(parsed.flatMap((input) => (input.kind === 'create' ? [] : [input.contactId])))]
  const stored = new Map<number, ContactRow | undefined>()
  for (const row of await rowsWithIds(db, ids)) stored.set(row.id, row)
  const rows = new Map(ids.map((id) => [id, stored.get(id)]))
  const missing = ids.find((id) => rows.get(id) === undefined)
  if (missing !== undefined) throw new Refused(fail(syncError('not_found', { code: 'notInCopy', contactId: missing })))
  // Edited lately: hydration reads these contacts' details and notes before the others'.
  await noteRecent(db, ids)

  let tempId = await counter(db, LAST_TEMP_ID)
  let noteId = await counter(db, LAST_NOTE_ID)
  const intents: Intent[] = []
  const notes: NoteRow[] = []
  for (const input of parsed) {
    const intent = toIntent(input, rows, () => (tempId -= 1), () => (noteId -= 1))
    if (intent.kind === 'addNote') notes.push({ id: intent.noteId, content: intent.content, contactId: intent.contactId, created_at: createdAt })
    rows.set(intent.contactId, applyIntent(rows.get(intent.contactId), intent))
    intents.push(intent)
  }
  // Only rows the intents changed are written (and sealed again): a tag a contact already had, a note or a list leaves it as stored.
  const changed = [...rows].filter(([id, row]) => row !== stored.get(id))
  const kept = changed.flatMap(([, row]) => (row === undefined ? [] : [row]))
  const deleted = changed.flatMap(([id, row]) => (row === undefined ? [id] : []))
  if (kept.length > 0) await db.contacts.bulkPut(kept)
  if (deleted.length > 0) await db.contacts.bulkDelete(deleted)
  // A tag, a blacklist or a deletion leaves the others' name order as it was: only new and renamed rows move.
  const moved = changed.filter(([id, row]) => row !== undefined && row.name !== stored.get(id)?.name)
  await markSnapshotDirty(
    db,
    changed.map(([id]) => id),
    moved.map(([id]) => id),
  )
  if (notes.length > 0) await db.notes.bulkPut(notes)
  await db.meta.bulkPut([
    { key: LAST_TEMP_ID, value: tempId },
    { key: LAST_NOTE_ID, value: noteId },
  ])
  return queueRows(db, intents, createdAt, options)
}

async function counter(db: ContactsDb, key: string): Promise<number> {
  const value = (await db.meta.get(key))?.value
  return typeof value === 'number' ? value : 0
}

/** A fresh temporary (negative) contact id, never handed out before; joins the caller's transaction. */
export async function allocateTempId(db: ContactsDb): Promise<number> {
  const id = (await counter(db, LAST_TEMP_ID)) - 1
  await db.meta.put({ key: LAST_TEMP_ID, value: id })
  return id
}

function toIntent(
  input: ParsedIntentInput,
  rows: ReadonlyMap<number, ContactRow | undefined>,
  nextTempId: () => number,
  nextNoteId: () => number,
): Intent {
  switch (input.kind) {
    case 'create':
      return { ...input, contactId: nextTempId() }
    case 'update': {
      // The base is what the mirror shows now; a field the mirror does not know stays out of it.
      const row = rows.get(input.contactId) as Record<string, unknown>
      const base = Object.fromEntries(Object.keys(input.changes).flatMap((field) => (row[field] === undefined ? [] : [[field, row[field]]])))
      return { ...input, base }
    }
    case 'addTags':
      return { kind: 'tags', contactId: input.contactId, add: input.tags, remove: [] }
    case 'removeTags':
      return { kind: 'tags', contactId: input.contactId, add: [], remove: input.tags }
    case 'addNote':
      return { ...input, noteId: nextNoteId() }
    default:
      return input
  }
}

/** One row for one intent; a batch record reserving consecutive seqs for many. */
async function queueRows(db: ContactsDb, intents: Intent[], createdAt: string, options: BatchOptions): Promise<Queued[]> {
  if (intents.length === 1) {
    const row: SingleRow = { ...intents[0], status: 'pending', attempts: 0, createdAt }
    const seq = (await outboxStore(db).add(row)) as number
    return [{ seq, contactId: intents[0].contactId }]
  }
  // Every new seq must follow every seq ever used, queued or gone: each contact's FIFO order holds after
  // expansion, and a replay step still running for a withdrawn intent can never finish (or rewrite) a
  // new intent that reused its seq. IndexedDB's key generator never goes back, even when rows are deleted;
  // the batch's explicit last seq moves it past the whole range. The first seq comes from an empty placeholder
  // (gone before the transaction commits), so the batch's intents are sealed and written once.
  const placeholder: BatchRow = { kind: 'batch', contactId: BATCH_CONTACT_ID, firstSeq: 0, intents: [], createdAt }
  const firstSeq = (await outboxStore(db).add(placeholder)) as number
  await outboxStore(db).delete(firstSeq)
  const batch: BatchRow = { ...placeholder, firstSeq, intents, seq: firstSeq + intents.length - 1, ...(options.pages ? { pages: options.pages } : {}) }
  await outboxStore(db).put(batch)
  return intents.map((intent, i) => ({ seq: firstSeq + i, contactId: intent.contactId }))
}
