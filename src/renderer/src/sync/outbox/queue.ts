// The queue as the user manages it: list, counts, retry, discard, resolve conflicts, recreate, fix, export.
import { contactCreate, type ContactRow } from '../../../../shared/contact'
import { fail, ok, type Result } from '../../../../shared/result'
import type { ContactsDb } from '../../db/database'
import { markSnapshotDirty } from '../../db/snapshot'
import { expandBatches, queuedIntents } from './batch'
import { allocateTempId } from './enqueue'
import { createIntent, isBatch, noteIntent, updateIntent, type ChangeableField, type ConflictChoice, type QueuedIntent, type SingleRow } from './intent'
import { outboxStore } from './outbox-store'
import { applyIntent, overlayIntents } from './local-apply'
import { outboxEvents, type OutboxListener } from './outbox-events'
import { contactRows } from './row-state'
import { refusedBy, syncError } from '../sync-errors'
import type { SyncReason } from '../sync-reason'

export { pendingContactIds } from './pending-edits'

/** Every queued intent with its status, error and conflicts, oldest first (bulk edits listed one by one). */
export function listQueue(db: ContactsDb): Promise<QueuedIntent[]> {
  return queuedIntents(db, null)
}

/** How many intents wait to reach the server, parked ones included. */
export async function pendingCount(db: ContactsDb): Promise<number> {
  let count = 0
  await outboxStore(db).each((row) => {
    count += isBatch(row) ? row.intents.length : 1
  })
  return count
}

export function subscribe(db: ContactsDb, listener: OutboxListener): () => void {
  return outboxEvents(db).subscribe(listener)
}

/** The queue as a JSON document the user can save (for support, or before discarding). */
export async function exportJson(db: ContactsDb, now: Date = new Date()): Promise<string> {
  return JSON.stringify({ exportedAt: now.toISOString(), intents: await listQueue(db) }, null, 2)
}

const missing = (seq: number) => fail<void>(syncError('not_found', { code: 'noSuchChange', seq }))
const refused = (reason: SyncReason) => fail<void>(syncError('validation', reason))

/** Runs `change` on the single row `seq` in one transaction with the mirror, then tells listeners. */
async function onRow(db: ContactsDb, seq: number, change: (row: QueuedIntent) => Promise<Result<void>>): Promise<Result<void>> {
  await expandBatches(db)
  const result = await db.transaction('rw', [db.outbox, db.contacts, db.notes, db.meta], async () => {
    const row = (await outboxStore(db).get(seq)) as QueuedIntent | undefined
    if (!row) return missing(seq)
    const result = await change(row)
    // Any of the changes may rewrite the contact's row.
    await markSnapshotDirty(db, [row.contactId])
    return result
  })
  if (result.ok) outboxEvents(db).emit({ type: 'changed' })
  return result
}

/** Sends a parked intent again (after a fix elsewhere, or to re-check a conflict), now. */
export function retry(db: ContactsDb, seq: number): Promise<Result<void>> {
  return onRow(db, seq, async (row) => {
    const next: QueuedIntent = { ...row, status: 'pending', attempts: 0 }
    delete next.notBefore
    delete next.conflicts
    await outboxStore(db).put(next)
    return ok(undefined)
  })
}

/** Ends every backoff now (the network came back, or the user pressed "Retry all"). */
export async function retryAllNow(db: ContactsDb): Promise<void> {
  await expandBatches(db)
  await outboxStore(db).toCollection().modify((row) => {
    if (!isBatch(row)) delete row.notBefore
  })
  outboxEvents(db).emit({ type: 'changed' })
}

/**
 * Drops an intent. A create (or anything of a contact the server deleted) drops the whole
 * contact locally; a dropped update puts back the base values it still shows; other local
 * effects are corrected by the next pull.
 */
export function discard(db: ContactsDb, seq: number): Promise<Result<void>> {
  return onRow(db, seq, async (row) => {
    if (row.kind === 'create' || row.status === 'gone') {
      await outboxStore(db).where('contactId').equals(row.contactId).delete()
      await db.contacts.delete(row.contactId)
      await db.notes.where('contactId').equals(row.contactId).delete()
      return ok(undefined)
    }
    await outboxStore(db).delete(row.seq)
    if (row.kind === 'addNote') await db.notes.delete(row.noteId)
    if (row.kind === 'update') {
      const shown = await db.contacts.get(row.contactId)
      if (shown) {
        const reverted: Record<string, unknown> = { ...shown }
        for (const [field, mine] of Object.entries(row.changes)) {
          if (field in row.base && reverted[field] === mine) reverted[field] = row.base[field as ChangeableField]
        }
        await db.contacts.put(reverted as ContactRow)
      }
    }
    return ok(undefined)
  })
}

/** Settles one conflicting field: 'mine' sends the local value over theirs, 'theirs' keeps the server's. */
export function resolveConflict(db: ContactsDb, seq: number, field: ChangeableField, choice: ConflictChoice): Promise<Result<void>> {
  return onRow(db, seq, async (row) => {
    const conflict = row.kind === 'update' ? row.conflicts?.find((candidate) => candidate.field === field) : undefined
    if (row.kind !== 'update' || !conflict) return refused({ code: 'noConflict', seq, field })
    const changes: Record<string, unknown> = { ...row.changes }
    const base: Record<string, unknown> = { ...row.base }
    if (choice === 'mine') {
      // Their value becomes the base: the next rebase sends mine, unless the server moves again.
      base[field] = conflict.theirs
    } else {
      delete changes[field]
      delete base[field]
      const shown = await db.contacts.get(row.contactId)
      if (shown) await db.contacts.put({ ...shown, [field]: conflict.theirs })
    }
    const conflicts = row.conflicts?.filter((candidate) => candidate.field !== field) ?? []
    if (Object.keys(changes).length === 0) {
      await outboxStore(db).delete(row.seq)
      return ok(undefined)
    }
    const next = { ...row, changes, base, conflicts } as QueuedIntent
    if (conflicts.length === 0) {
      next.status = 'pending'
      delete next.conflicts
    }
    await outboxStore(db).put(next)
    return ok(undefined)
  })
}

/**
 * The contact was deleted on the server: creates it again from what the mirror shows (local edits
 * included) under a new temporary id, keeping its queued notes and list/segment additions.
 */
export async function recreate(db: ContactsDb, seq: number): Promise<Result<void>> {
  let moved: { from: number; to: number } | null = null
  const result = await onRow(db, seq, async (row) => {
    if (row.status !== 'gone') return refused({ code: 'notGone', seq })
    const shown = await db.contacts.get(row.contactId)
    const fields = contactCreate.safeParse({
      name: shown?.name,
      type: shown?.type,
      ...(shown?.phone ? { phone: shown.phone } : {}),
      ...(shown?.email ? { email: shown.email } : {}),
      ...(shown?.tags?.length ? { tags: shown.tags } : {}),
    })
    if (!shown || !fields.success) return fail(refusedBy(fields.success ? [] : fields.error.issues, { code: 'cannotRecreate' }))
    const tempId = await allocateTempId(db)
    const rows = await contactRows(db, row.contactId)
    // Field, tag and blacklist intents are already in what the mirror shows; the rest still has to happen.
    const kept = rows.filter((queued) => ['addNote', 'addToList', 'addToSegment'].includes(queued.kind))
    await outboxStore(db).bulkDelete(rows.map((queued) => queued.seq))
    const create: SingleRow = { kind: 'create', contactId: tempId, fields: fields.data, status: 'pending', attempts: 0, createdAt: row.createdAt, seq: row.seq }
    await outboxStore(db).bulkPut([create, ...kept.map((queued) => ({ ...queued, contactId: tempId }))])
    if (shown.blacklisted) {
      await outboxStore(db).add({ kind: 'setBlacklisted', contactId: tempId, blacklisted: true, status: 'pending', attempts: 0, createdAt: row.createdAt })
    }
    await db.contacts.delete(row.contactId)
    await db.contacts.put({ ...shown, id: tempId })
    await markSnapshotDirty(db, [tempId])
    await db.notes.where('contactId').equals(row.contactId).modify({ contactId: tempId })
    moved = { from: row.contactId, to: tempId }
    return ok(undefined)
  })
  if (moved) outboxEvents(db).emit({ type: 'idChanged', ...(moved as { from: number; to: number }) })
  return result
}

export type IntentFix = { fields: unknown } | { changes: unknown } | { content: unknown }

/** The user's correction of a refused (422) or failed intent: new fields of a create or update, or a note's text. */
export function editIntent(db: ContactsDb, seq: number, fix: IntentFix): Promise<Result<void>> {
  return onRow(db, seq, async (row) => {
    const { status: _status, attempts: _attempts, lastError: _error, notBefore: _notBefore, ...intent } = row
    const schema = row.kind === 'create' ? createIntent : row.kind === 'update' ? updateIntent : row.kind === 'addNote' ? noteIntent : null
    if (!schema) return refused({ code: 'nothingToEdit', seq })
    const checked = schema.safeParse({ ...intent, ...fix })
    if (!checked.success) return fail(refusedBy(checked.error.issues, { code: 'changeRefused' }))
    const next = { ...row, ...checked.data, status: 'pending', attempts: 0 } as QueuedIntent
    delete next.lastError
    delete next.notBefore
    await outboxStore(db).put(next)
    if (next.kind === 'addNote') {
      const local = await db.notes.get(next.noteId)
      if (local) await db.notes.put({ ...local, content: next.content })
    } else {
      const others = (await contactRows(db, row.contactId)).filter((queued) => queued.seq !== seq)
      const base = next.kind === 'create' ? applyIntent(undefined, next) : applyIntent(await db.contacts.get(row.contactId), next)
      const shown = overlayIntents(base, next.kind === 'create' ? others : [])
      if (shown) await db.contacts.put(shown)
    }
    return ok(undefined)
  })
}
