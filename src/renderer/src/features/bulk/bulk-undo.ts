// Undoing a bulk action: intents not sent yet are dropped (and their local effect reverted), sent ones get an inverse.
import type { ContactRow } from '../../../../shared/contact'
import { ok, type Result } from '../../../../shared/result'
import type { ContactsDb } from '../../db/database'
import { markSnapshotDirty } from '../../db/snapshot'
import { enqueueMany, type IntentInput, outboxEvents, withdrawUnsent } from '../../sync/outbox'
import type { Before, BulkAction, BulkOutcome } from './bulk-actions'

export interface UndoOutcome {
  /** Contacts whose queued intents were dropped before reaching the server. */
  dropped: number
  /** Contacts that had synced already: an inverse intent was queued. */
  inverted: number
  /** Synced list or segment additions: the API has no way to remove them. */
  impossible: number
  /** Contacts whose synced delete was undone by creating them again, with their new (temporary) ids. */
  recreated: Array<{ from: number; to: number }>
}

/** The row as it was, for the fields `action` touched, over what the mirror shows now. */
export function revertRow(current: ContactRow | undefined, before: Before, action: BulkAction): ContactRow | undefined {
  if (action.kind === 'delete') return before
  if (!current) return current
  switch (action.kind) {
    case 'addTags':
      return { ...current, tags: (current.tags ?? []).filter((tag) => !action.tags.includes(tag) || (before.tags ?? []).includes(tag)) }
    case 'removeTags': {
      const restored = action.tags.filter((tag) => (before.tags ?? []).includes(tag) && !(current.tags ?? []).includes(tag))
      return { ...current, tags: [...(current.tags ?? []), ...restored] }
    }
    case 'setBlacklisted':
      return { ...current, blacklisted: before.blacklisted }
    case 'changeChannel':
      return { ...current, type: before.type }
    default:
      return current
  }
}

/** The intents that put a synced contact back; null when the API cannot (list and segment additions). */
export function inverseOf(before: Before, action: BulkAction): IntentInput[] | null {
  const id = before.id
  switch (action.kind) {
    case 'addTags': {
      const added = action.tags.filter((tag) => !(before.tags ?? []).includes(tag))
      return added.length ? [{ kind: 'removeTags', contactId: id, tags: added }] : []
    }
    case 'removeTags': {
      const removed = action.tags.filter((tag) => (before.tags ?? []).includes(tag))
      return removed.length ? [{ kind: 'addTags', contactId: id, tags: removed }] : []
    }
    case 'setBlacklisted':
      return before.blacklisted === undefined ? [] : [{ kind: 'setBlacklisted', contactId: id, blacklisted: before.blacklisted }]
    case 'changeChannel':
      return before.type ? [{ kind: 'update', contactId: id, changes: { type: before.type } }] : []
    case 'delete': {
      if (!before.name || !before.type) return null
      const fields = {
        name: before.name,
        type: before.type,
        ...(before.phone ? { phone: before.phone } : {}),
        ...(before.email ? { email: before.email } : {}),
        ...(before.tags?.length ? { tags: before.tags } : {}),
      }
      // Blacklist, status and notes follow once the new contact has its id: see restoreOnto.
      return [{ kind: 'create', fields }]
    }
    case 'addToList':
    case 'addToSegment':
      return null
  }
}

/** What a synced delete's undo writes onto the contact created again: its blacklist, an inactive status, its notes. */
export function restoreOnto(contactId: number, before: Before): IntentInput[] {
  return [
    ...(before.blacklisted ? [{ kind: 'setBlacklisted' as const, contactId, blacklisted: true }] : []),
    ...(before.status === 'inactive' ? [{ kind: 'update' as const, contactId, changes: { status: 'inactive' as const } }] : []),
    ...(before.notes ?? []).map((content) => ({ kind: 'addNote' as const, contactId, content })),
  ]
}

/** Drops what has not been sent and reverts it in the mirror, in one transaction; returns the ids of the contacts whose intents were all dropped. */
function dropUnsent(db: ContactsDb, outcome: BulkOutcome): Promise<Set<number>> {
  return withdrawUnsent(db, outcome.seqs, async (dropped) => {
    const befores = outcome.changed.filter((before) => dropped.has(before.id))
    const current = await db.contacts.bulkGet(befores.map((before) => before.id))
    const reverted = befores.flatMap((before, i) => revertRow(current[i], before, outcome.action) ?? [])
    await db.contacts.bulkPut(reverted)
    await markSnapshotDirty(db, reverted.map((row) => row.id))
  })
}

export async function undoBulk(db: ContactsDb, outcome: BulkOutcome): Promise<Result<UndoOutcome>> {
  const dropped = await dropUnsent(db, outcome)
  const inverses: IntentInput[] = []
  /** The contact each queued create brings back, by the create's place in `inverses`. */
  const createdFrom = new Map<number, Before>()
  let impossible = 0
  let inverted = 0
  for (const before of outcome.changed) {
    if (dropped.has(before.id)) continue
    const inverse = inverseOf(before, outcome.action)
    if (inverse === null) impossible++
    else if (inverse.length) {
      for (const intent of inverse) if (intent.kind === 'create') createdFrom.set(inverses.length + inverse.indexOf(intent), before)
      inverses.push(...inverse)
      inverted++
    }
  }
  const recreated: UndoOutcome['recreated'] = []
  if (inverses.length) {
    const queued = await enqueueMany(db, inverses)
    if (!queued.ok) return queued
    const restores: IntentInput[] = []
    for (const [index, before] of createdFrom) {
      const to = queued.data[index]!.contactId
      recreated.push({ from: before.id, to })
      restores.push(...restoreOnto(to, before))
    }
    if (restores.length) {
      const restored = await enqueueMany(db, restores)
      if (!restored.ok) return restored
    }
  }
  outboxEvents(db).emit({ type: 'changed' })
  return ok({ dropped: dropped.size, inverted, impossible, recreated })
}
