// Bulk actions over many contacts: which ones really change, the intents that change them, and which need attention (bulk-summary.ts says it).
import { needsPhone, type ChannelType, type ContactRow } from '../../../../shared/contact'
import { ok, type Result } from '../../../../shared/result'
import type { ContactsDb } from '../../db/database'
import { enqueueMany, type IntentInput, pageQueryFor, type SelectionOrigin, swappedIds } from '../../sync/outbox'
import type { Before, StepIntent } from './undo-step'

export type BulkAction =
  | { kind: 'addTags'; tags: string[] }
  | { kind: 'removeTags'; tags: string[] }
  | { kind: 'setBlacklisted'; blacklisted: boolean }
  | { kind: 'addToList'; listId: number; label?: string }
  | { kind: 'addToSegment'; segmentId: number; label?: string }
  | { kind: 'changeChannel'; type: ChannelType }
  | { kind: 'delete' }

/** Why a contact was left out: the channel needs a phone it lacks, or it left the offline copy. */
export type AttentionReason = { kind: 'needsPhone'; channel: ChannelType } | { kind: 'gone' }

export interface Attention {
  id: number
  /** null when the contact has no name, or is gone. */
  name: string | null
  reason: AttentionReason
}

export interface BulkOutcome {
  action: BulkAction
  /** Contacts the action changed, with their rows from before. */
  changed: Before[]
  /** Contacts already as wanted (already tagged, already blacklisted…). */
  unchanged: number
  attention: Attention[]
  /** The queued intents, for undo. */
  intents: StepIntent[]
}

/** Intents are queued in chunks of this many, so thousands of contacts show progress between chunks. */
export const BULK_CHUNK = 2000

type Plan = { intents: IntentInput[] } | { unchanged: true } | { attention: AttentionReason }

/** What the action does to one contact. Pure. */
export function planFor(row: ContactRow, action: BulkAction): Plan {
  const id = row.id
  switch (action.kind) {
    case 'addTags': {
      const tags = action.tags.filter((tag) => !(row.tags ?? []).includes(tag))
      return tags.length ? { intents: [{ kind: 'addTags', contactId: id, tags }] } : { unchanged: true }
    }
    case 'removeTags': {
      const tags = action.tags.filter((tag) => (row.tags ?? []).includes(tag))
      return tags.length ? { intents: [{ kind: 'removeTags', contactId: id, tags }] } : { unchanged: true }
    }
    case 'setBlacklisted':
      return row.blacklisted === action.blacklisted ? { unchanged: true } : { intents: [{ kind: 'setBlacklisted', contactId: id, blacklisted: action.blacklisted }] }
    case 'addToList':
      return { intents: [{ kind: 'addToList', contactId: id, listId: action.listId }] }
    case 'addToSegment':
      return { intents: [{ kind: 'addToSegment', contactId: id, segmentId: action.segmentId }] }
    case 'changeChannel':
      if (row.type === action.type) return { unchanged: true }
      if (needsPhone(action.type) && !row.phone) return { attention: { kind: 'needsPhone', channel: action.type } }
      return { intents: [{ kind: 'update', contactId: id, changes: { type: action.type } }] }
    case 'delete':
      return { intents: [{ kind: 'delete', contactId: id }] }
  }
}

/**
 * Applies `action` to the contacts `ids` (in that order): each chunk is applied locally and queued
 * in one transaction; `onProgress` hears how many contacts were handled so far. A chunk the
 * outbox refuses stops the run, with what was done before it kept (and undoable). `origin`, the
 * search and filters the contacts were picked under, is queued with them: replay reads that
 * query's list pages (100 contacts a request) instead of one GET per contact.
 */
export async function runBulkAction(
  db: ContactsDb,
  ids: readonly number[],
  action: BulkAction,
  onProgress: (done: number, total: number) => void = () => {},
  origin: SelectionOrigin | null = null,
): Promise<Result<BulkOutcome>> {
  const batch = origin ? { pages: pageQueryFor(origin) } : {}
  const outcome: BulkOutcome = { action, changed: [], unchanged: 0, attention: [], intents: [] }
  // An id held since before the server gave an offline-created contact its own (a redo, a selection) still finds it.
  const swapped = ids.some((id) => id < 0) ? await swappedIds(db) : null
  const targets = swapped ? ids.map((id) => swapped.get(id) ?? id) : ids
  for (let start = 0; start < targets.length; start += BULK_CHUNK) {
    const chunk = targets.slice(start, start + BULK_CHUNK)
    const rows = await db.contacts.bulkGet([...chunk])
    const intents: IntentInput[] = []
    const changed: Before[] = []
    rows.forEach((row, i) => {
      if (!row) {
        outcome.attention.push({ id: chunk[i], name: null, reason: { kind: 'gone' } })
        return
      }
      const plan = planFor(row, action)
      if ('unchanged' in plan) outcome.unchanged++
      else if ('attention' in plan) outcome.attention.push({ id: row.id, name: row.name ?? null, reason: plan.attention })
      else {
        intents.push(...plan.intents)
        changed.push(row)
      }
    })
    // A deleted contact's notes go with it: keep their words, so undo can write them again.
    if (action.kind === 'delete') await attachNotes(db, changed)
    const queued = await enqueueMany(db, intents, new Date(), batch)
    if (!queued.ok) return queued
    outcome.changed.push(...changed)
    outcome.intents.push(...queued.data.map((item, i) => ({ seq: item.seq, contactId: item.contactId, input: intents[i]! })))
    onProgress(Math.min(targets.length, start + chunk.length), targets.length)
  }
  return ok(outcome)
}

async function attachNotes(db: ContactsDb, befores: Before[]): Promise<void> {
  const notes = await db.notes.where('contactId').anyOf(befores.map((before) => before.id)).sortBy('created_at')
  for (const before of befores) {
    const contents = notes.filter((note) => note.contactId === before.id).map((note) => note.content)
    if (contents.length) before.notes = contents
  }
}
