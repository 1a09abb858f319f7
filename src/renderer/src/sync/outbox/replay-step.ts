// Replays the next step of one contact's queue: coalesce, rebase on the server, send, record the outcome.
import type { Contact, ContactRow } from '../../../../shared/contact'
import type { ApiError, Result } from '../../../../shared/result'
import type { ContactsDb } from '../../db/database'
import { ABORTED, unlessAborted } from '../pacing/abortable'
import { nextStep } from './coalesce'
import { heldBack } from './cross-order'
import type { CreateGate } from './create-gate'
import { decideOnError, surelyNotApplied, type RetryTiming } from './error-policy'
import type { IntentOf, QueuedIntent } from './intent'
import { completeCreate, completeDelete, completeIntents, completeNote, knownNoteIds, recentCreates, refreshContact } from './mirror-writes'
import type { OutboxBridge } from './outbox-bridge'
import type { OutboxEvents } from './outbox-events'
import { needsToggle, planTags, planUpdate } from './rebase'
import { contactRows, saveHead } from './row-state'
import { findAddedNote, findCreatedContact } from './server-lookup'
import { syncError } from '../sync-errors'

export interface StepContext {
  db: ContactsDb
  bridge: OutboxBridge
  events: OutboxEvents
  timing: RetryTiming
  random: () => number
  now: () => number
  signal: AbortSignal
  createGate: CreateGate
  /** The key was refused: the whole queue pauses. */
  onUnauthorized: (error: ApiError) => void
}

/** continue: run this contact's next step; wait: nothing to do now (empty, parked, backing off). */
export type StepOutcome = 'continue' | 'wait' | 'paused' | 'aborted'

type Sending<K extends QueuedIntent['kind']> = { row: QueuedIntent & IntentOf<K>; absorbed: number[] }

/**
 * Runs one step for `contactId`; never throws for server errors (they are recorded on the intent).
 * `fresh` is the contact as a list page showed it seconds ago: a rebase it covers needs no GET.
 */
export async function replayNext(ctx: StepContext, contactId: number, fresh?: ContactRow): Promise<StepOutcome> {
  const step = nextStep(await contactRows(ctx.db, contactId))
  if (!step || step.kind === 'blocked') return 'wait'
  if (step.kind === 'cancel') {
    await completeDelete(ctx.db, step.seqs, contactId)
    return changed(ctx, 'continue')
  }
  const { row } = step
  if ((row.notBefore ?? 0) > ctx.now()) return 'wait'
  if (await heldBack(ctx.db, row)) return 'wait'
  if (row.kind !== 'create' && row.contactId < 0) {
    return failed(ctx, { row, absorbed: step.absorbed }, syncError('internal', { code: 'neverCreated' }), false)
  }
  switch (row.kind) {
    case 'create':
      return replayCreate(ctx, { row, absorbed: step.absorbed })
    case 'update':
      return replayUpdate(ctx, { row, absorbed: step.absorbed }, fresh)
    case 'tags':
      return replayTags(ctx, { row, absorbed: step.absorbed }, fresh)
    case 'setBlacklisted':
      return replayBlacklist(ctx, { row, absorbed: step.absorbed }, fresh)
    case 'delete':
      return replayDelete(ctx, { row, absorbed: step.absorbed })
    case 'addNote':
      return replayNote(ctx, { row, absorbed: step.absorbed })
    case 'addToList':
      return replaySimple(ctx, { row, absorbed: step.absorbed }, () => ctx.bridge['lists.add']({ id: row.contactId, list_id: row.listId }))
    case 'addToSegment':
      return replaySimple(ctx, { row, absorbed: step.absorbed }, () =>
        ctx.bridge['segments.add']({ id: row.contactId, segment_id: row.segmentId }),
      )
  }
}

function changed(ctx: StepContext, outcome: StepOutcome): StepOutcome {
  ctx.events.emit({ type: 'changed' })
  return outcome
}

/** A bridge call that stops waiting the moment replay is aborted (its late answer is ignored). */
const call = <T>(ctx: StepContext, promise: Promise<Result<T>>) => unlessAborted(promise, ctx.signal)

/**
 * Marks the head in flight (merged rows folded in) before its request goes out, so a crash
 * leaves proof that it may have been applied. False when the user discarded it meanwhile.
 */
async function markSent<K extends QueuedIntent['kind']>(ctx: StepContext, sending: Sending<K>): Promise<boolean> {
  const row = { ...sending.row, sentAt: sending.row.sentAt ?? new Date(ctx.now()).toISOString() }
  const saved = await saveHead(ctx.db, row, sending.absorbed)
  sending.row = row
  sending.absorbed = []
  return saved
}

/** Records a failure by the error rules; `afterSend` says whether the failed call was the write itself. */
async function failed<K extends QueuedIntent['kind']>(ctx: StepContext, sending: Sending<K>, error: ApiError, afterSend: boolean): Promise<StepOutcome> {
  const action = decideOnError(error, sending.row.attempts, ctx.timing, ctx.random)
  const row: QueuedIntent = { ...sending.row, lastError: error }
  if (afterSend && surelyNotApplied(error)) delete row.sentAt
  switch (action.action) {
    case 'retry':
      row.attempts += 1
      row.notBefore = ctx.now() + action.delayMs
      break
    case 'pause':
      break
    case 'gone':
    case 'invalid':
    case 'failed':
      row.status = action.action
      break
  }
  await saveHead(ctx.db, row, sending.absorbed)
  if (action.action === 'pause') {
    ctx.onUnauthorized(error)
    return changed(ctx, 'paused')
  }
  return changed(ctx, 'wait')
}

async function replayCreate(ctx: StepContext, sending: Sending<'create'>): Promise<StepOutcome> {
  const { row } = sending
  const run = () => sendCreate(ctx, sending)
  return row.sentAt === undefined ? ctx.createGate.shared(run) : ctx.createGate.exclusive(run)
}

async function sendCreate(ctx: StepContext, sending: Sending<'create'>): Promise<StepOutcome> {
  const { row } = sending
  if (row.sentAt !== undefined) {
    const ours = await recentCreates(ctx.db, ctx.now())
    const found = await call(ctx, findCreatedContact(ctx.bridge, row.fields, row.sentAt, ours))
    if (found === ABORTED) return 'aborted'
    if (!found.ok) return failed(ctx, sending, found.error, false)
    if (found.data) return created(ctx, row, found.data)
  }
  if (!(await markSent(ctx, sending))) return 'continue'
  const answer = await call(ctx, ctx.bridge['contacts.create']({ contact: sending.row.fields }))
  if (answer === ABORTED) return 'aborted'
  if (!answer.ok) return failed(ctx, sending, answer.error, true)
  return created(ctx, row, answer.data)
}

async function created(ctx: StepContext, row: QueuedIntent, contact: { id: number }): Promise<StepOutcome> {
  await completeCreate(ctx.db, [row.seq], row.contactId, contact, ctx.now())
  ctx.events.emit({ type: 'idChanged', from: row.contactId, to: contact.id })
  return changed(ctx, 'continue')
}

/**
 * The contact to rebase on: the page row when it holds every field the rebase reads (the page
 * already refreshed the mirror), else a GET that refreshes the mirror; a failure is recorded and
 * returned as an outcome.
 */
async function serverContact<K extends QueuedIntent['kind']>(ctx: StepContext, sending: Sending<K>, fresh: ContactRow | undefined) {
  if (fresh && fresh.id === sending.row.contactId && covers(fresh, sending.row)) return fresh as Contact
  const current = await call(ctx, ctx.bridge['contacts.get']({ id: sending.row.contactId }))
  if (current === ABORTED) return 'aborted' as const
  if (!current.ok) return failed(ctx, sending, current.error, false)
  await refreshContact(ctx.db, current.data)
  return current.data
}

/** The fields a rebase of `intent` reads are all in `row` (list rows may be partial). */
function covers(row: ContactRow, intent: QueuedIntent): boolean {
  if (intent.kind === 'tags') return row.tags !== undefined
  if (intent.kind === 'setBlacklisted') return row.blacklisted !== undefined
  if (intent.kind === 'update') return Object.keys(intent.changes).every((field) => row[field as keyof ContactRow] !== undefined)
  return false
}

async function replayUpdate(ctx: StepContext, sending: Sending<'update'>, fresh?: ContactRow): Promise<StepOutcome> {
  const server = await serverContact(ctx, sending, fresh)
  if (typeof server === 'string') return server
  const plan = planUpdate(sending.row.changes, sending.row.base, server)
  if (plan.conflicts.length > 0) {
    const parked = { ...sending.row, status: 'conflict' as const, conflicts: plan.conflicts }
    delete parked.lastError
    await saveHead(ctx.db, parked, sending.absorbed)
    return changed(ctx, 'wait')
  }
  if (Object.keys(plan.patch).length === 0) return done(ctx, sending)
  if (!(await markSent(ctx, sending))) return 'continue'
  const answer = await call(ctx, ctx.bridge['contacts.update']({ id: server.id, patch: plan.patch }))
  if (answer === ABORTED) return 'aborted'
  if (!answer.ok) return failed(ctx, sending, answer.error, true)
  await completeIntents(ctx.db, [sending.row.seq], server.id, answer.data)
  return changed(ctx, 'continue')
}

/** Nothing left to send: the server already holds what the intents wanted. */
async function done<K extends QueuedIntent['kind']>(ctx: StepContext, sending: Sending<K>): Promise<StepOutcome> {
  await completeIntents(ctx.db, [sending.row.seq, ...sending.absorbed], sending.row.contactId)
  return changed(ctx, 'continue')
}

async function replayTags(ctx: StepContext, sending: Sending<'tags'>, fresh?: ContactRow): Promise<StepOutcome> {
  const server = await serverContact(ctx, sending, fresh)
  if (typeof server === 'string') return server
  const tags = planTags(sending.row.add, sending.row.remove, server.tags)
  if (tags === null) return done(ctx, sending)
  if (!(await markSent(ctx, sending))) return 'continue'
  const answer = await call(ctx, ctx.bridge['contacts.update']({ id: server.id, patch: { tags } }))
  if (answer === ABORTED) return 'aborted'
  if (!answer.ok) return failed(ctx, sending, answer.error, true)
  await completeIntents(ctx.db, [sending.row.seq], server.id, answer.data)
  return changed(ctx, 'continue')
}

async function replayBlacklist(ctx: StepContext, sending: Sending<'setBlacklisted'>, fresh?: ContactRow): Promise<StepOutcome> {
  const server = await serverContact(ctx, sending, fresh)
  if (typeof server === 'string') return server
  if (!needsToggle(sending.row.blacklisted, server)) return done(ctx, sending)
  if (!(await markSent(ctx, sending))) return 'continue'
  const answer = await call(ctx, ctx.bridge['contacts.toggleBlacklist']({ id: server.id }))
  if (answer === ABORTED) return 'aborted'
  if (!answer.ok) return failed(ctx, sending, answer.error, true)
  // Someone toggled it at the same moment: the next step reads the server again and decides anew.
  if (answer.data.blacklisted !== sending.row.blacklisted) return 'continue'
  await completeIntents(ctx.db, [sending.row.seq], server.id, answer.data)
  return changed(ctx, 'continue')
}

async function replayDelete(ctx: StepContext, sending: Sending<'delete'>): Promise<StepOutcome> {
  if (!(await markSent(ctx, sending))) return 'continue'
  const answer = await call(ctx, ctx.bridge['contacts.delete']({ id: sending.row.contactId }))
  if (answer === ABORTED) return 'aborted'
  // Already gone (deleted by someone else, or our earlier try whose answer was lost) is just as done.
  if (!answer.ok && answer.error.kind !== 'not_found') return failed(ctx, sending, answer.error, true)
  await completeDelete(ctx.db, [sending.row.seq], sending.row.contactId)
  return changed(ctx, 'continue')
}

async function replayNote(ctx: StepContext, sending: Sending<'addNote'>): Promise<StepOutcome> {
  const { row } = sending
  if (row.sentAt !== undefined) {
    const known = await knownNoteIds(ctx.db, row.contactId)
    const found = await call(ctx, findAddedNote(ctx.bridge, row.contactId, row.content, row.sentAt, known))
    if (found === ABORTED) return 'aborted'
    if (!found.ok) return failed(ctx, sending, found.error, false)
    if (found.data) {
      await completeNote(ctx.db, [row.seq], row.contactId, row.noteId, found.data)
      return changed(ctx, 'continue')
    }
  }
  if (!(await markSent(ctx, sending))) return 'continue'
  const answer = await call(ctx, ctx.bridge['notes.add']({ id: row.contactId, content: row.content }))
  if (answer === ABORTED) return 'aborted'
  if (!answer.ok) return failed(ctx, sending, answer.error, true)
  await completeNote(ctx.db, [row.seq], row.contactId, row.noteId, answer.data)
  return changed(ctx, 'continue')
}

/** Adding to a list or segment is a set operation on the server: repeating it is harmless. */
async function replaySimple(
  ctx: StepContext,
  sending: Sending<'addToList' | 'addToSegment'>,
  send: () => Promise<Result<unknown>>,
): Promise<StepOutcome> {
  if (!(await markSent(ctx, sending))) return 'continue'
  const answer = await call(ctx, send())
  if (answer === ABORTED) return 'aborted'
  if (!answer.ok) return failed(ctx, sending, answer.error, true)
  await completeIntents(ctx.db, [sending.row.seq], sending.row.contactId)
  return changed(ctx, 'continue')
}
