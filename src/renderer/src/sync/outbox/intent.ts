// What the outbox stores: one user intent per row (or a batch of them), its replay state, and their zod schemas.
import { z } from 'zod'
import { channelType, contactCreate, contactPatch, contactStatus, noteContent, tags } from '../../../../shared/contact'
import { reasonedError } from '../sync-reason'
import type { PageQuery } from './page-query'

/** A server id, or a negative temporary id for a contact created offline; never 0 (batch rows use it). */
export const intentContactId = z.number().int().refine((id) => id !== 0, 'A contact id cannot be 0.')

/** Fields an update may change. Tags are edited only as add/remove sets, which rebase on the server's tags. */
export const fieldChanges = contactPatch.omit({ tags: true })
export type FieldChanges = z.infer<typeof fieldChanges>
export type ChangeableField = keyof FieldChanges
export const CHANGEABLE_FIELDS = Object.keys(fieldChanges.shape) as ChangeableField[]

/** The value each changed field had when the user changed it; a field absent here was unknown (partial row). */
export const fieldBase = z
  .object({
    name: z.string(),
    type: channelType,
    phone: z.string().nullable(),
    email: z.string().nullable(),
    status: contactStatus,
  })
  .partial()
export type FieldBase = z.infer<typeof fieldBase>

const nonEmptyChanges = fieldChanges.refine((changes) => Object.keys(changes).length > 0, 'Change at least one field.')

/**
 * Other contacts whose intents queued before this one must reach the server first: the outbox keeps
 * order per contact only, and phones are unique per account, so a merge's survivor may take a deleted
 * member's phone only once that member is gone (and an undone merge re-creates it only once the
 * survivor gave the phone back).
 */
export const afterContacts = z.array(intentContactId).min(1).max(1000).optional()

export const createIntent = z.object({ kind: z.literal('create'), contactId: z.number().int().negative(), fields: contactCreate, after: afterContacts })
export const updateIntent = z.object({ kind: z.literal('update'), contactId: intentContactId, changes: nonEmptyChanges, base: fieldBase, after: afterContacts })
export const deleteIntent = z.object({ kind: z.literal('delete'), contactId: intentContactId })
export const blacklistIntent = z.object({ kind: z.literal('setBlacklisted'), contactId: intentContactId, blacklisted: z.boolean() })
/** addTags and removeTags are one kind, so a run of them coalesces into a single add/remove pair. */
export const tagsIntent = z.object({ kind: z.literal('tags'), contactId: intentContactId, add: tags, remove: tags })
export const noteIntent = z.object({
  kind: z.literal('addNote'),
  contactId: intentContactId,
  content: noteContent,
  /** The local note's (negative) id, replaced by the server's once sent. */
  noteId: z.number().int().negative(),
})
export const listIntent = z.object({ kind: z.literal('addToList'), contactId: intentContactId, listId: z.number().int().positive() })
export const segmentIntent = z.object({
  kind: z.literal('addToSegment'),
  contactId: intentContactId,
  segmentId: z.number().int().positive(),
})

export const intent = z.discriminatedUnion('kind', [
  createIntent,
  updateIntent,
  deleteIntent,
  blacklistIntent,
  tagsIntent,
  noteIntent,
  listIntent,
  segmentIntent,
])
export type Intent = z.infer<typeof intent>
export type IntentKind = Intent['kind']
export type IntentOf<K extends IntentKind> = Extract<Intent, { kind: K }>

/** What a caller asks for: ids the outbox assigns (temporary ids, note ids) and bases it reads are left out. */
export const intentInput = z.discriminatedUnion('kind', [
  createIntent.omit({ contactId: true }),
  updateIntent.omit({ base: true }),
  deleteIntent,
  blacklistIntent,
  z.object({ kind: z.literal('addTags'), contactId: intentContactId, tags: tags.min(1, 'Give at least one tag.') }),
  z.object({ kind: z.literal('removeTags'), contactId: intentContactId, tags: tags.min(1, 'Give at least one tag.') }),
  noteIntent.omit({ noteId: true }),
  listIntent,
  segmentIntent,
])
export type IntentInput = z.input<typeof intentInput>
export type ParsedIntentInput = z.output<typeof intentInput>

/**
 * pending: waits for (or is in) replay; the others are parked until the user acts:
 * conflict (resolve mine/theirs), gone (contact deleted on the server: recreate or discard),
 * invalid (422: edit or discard), failed (an error retrying cannot fix: retry or discard).
 */
export const intentStatus = z.enum(['pending', 'conflict', 'gone', 'invalid', 'failed'])
export type IntentStatus = z.infer<typeof intentStatus>

const fieldValue = z.string().nullable().optional()
export const fieldConflict = z.object({
  field: z.enum(CHANGEABLE_FIELDS as [ChangeableField, ...ChangeableField[]]),
  /** Undefined when the base was unknown. */
  base: fieldValue,
  mine: fieldValue,
  theirs: fieldValue,
})
export type FieldConflict = z.infer<typeof fieldConflict>
export type ConflictChoice = 'mine' | 'theirs'

export const replayState = z.object({
  status: intentStatus,
  /** Failed sends so far; drives the backoff. */
  attempts: z.number().int().nonnegative(),
  /** Epoch ms before which the replayer leaves this intent alone (backoff, Retry-After). */
  notBefore: z.number().optional(),
  lastError: reasonedError.optional(),
  conflicts: z.array(fieldConflict).optional(),
  /**
   * Set (ISO time) just before the request goes out and kept until its outcome is known: a row
   * found with it after a crash, timeout or lost response may already be applied on the server.
   */
  sentAt: z.string().optional(),
  createdAt: z.string(),
})
export type ReplayState = z.infer<typeof replayState>

export type QueuedIntent = Intent & ReplayState & { seq: number }

/**
 * Many intents queued at once (a bulk edit): one record instead of thousands, which is what makes
 * a 10k-contact edit fit in a second. It reserves the seqs `firstSeq…seq`, so once expanded into
 * single rows (before replay) each keeps its place in every contact's FIFO.
 */
export interface BatchRow {
  seq?: number
  kind: 'batch'
  contactId: typeof BATCH_CONTACT_ID
  firstSeq: number
  intents: Intent[]
  createdAt: string
  /** The list query the contacts were picked from: its pages rebase the intents (page-plan.ts). */
  pages?: PageQuery
}

/** The `contactId` index key of batch rows: no contact has id 0. */
export const BATCH_CONTACT_ID = 0

export type SingleRow = Intent & ReplayState & { seq?: number }
export type OutboxRow = SingleRow | BatchRow

export const isBatch = (row: OutboxRow): row is BatchRow => row.kind === 'batch'
