// Reads one contact's details and notes from the server into the mirror, never over an edit made meanwhile.
import type { CallOptions, SkylightBridge } from '../../../../shared/contract'
import type { ApiError, Result } from '../../../../shared/result'
import { deleteRows } from '../../db/contacts-repo'
import type { ContactsDb } from '../../db/database'
import { forgetFreshness, markRead } from '../../db/freshness'
import { mergeServerRows, pendingContactIds, queuedIntents } from '../outbox'
import { ABORTED, unlessAborted } from '../pacing/abortable'
import type { HydrationTask } from './hydration-plan'
import { storeServerNotes } from './server-notes'

export type HydrateBridge = Pick<SkylightBridge, 'contacts.get' | 'notes.list'>

/** Every hydration call waits behind the user's, the outbox's and the pull's (main's limiter). */
export const HYDRATE: CallOptions = { priority: 'hydrate' }

export type ContactOutcome =
  /** Every due part read (`requests` of them); `changed` parts were left for later, as the contact changed meanwhile. */
  | { status: 'read'; requests: number; complete: boolean }
  /** The server no longer has the contact: handled as the pull does. */
  | { status: 'gone'; requests: number }
  | { status: 'failed'; error: ApiError; requests: number }
  | { status: 'aborted'; requests: number }

export interface ContactContext {
  db: ContactsDb
  bridge: HydrateBridge
  signal: AbortSignal
  now: () => number
}

/**
 * Reads the task's due parts. Details merge under the queued intents (as the pull's rows do), and
 * only when the contact's row and queue are as they were before the GET went out: an edit queued,
 * sent or answered meanwhile may be newer than the answer, which then waits for the next round.
 * Notes replace the server's notes kept for the contact (server-notes.ts).
 */
export async function hydrateContact(ctx: ContactContext, task: HydrationTask): Promise<ContactOutcome> {
  let requests = 0
  let complete = true
  if (task.details) {
    const before = await localState(ctx.db, task.id)
    const askedAt = ctx.now()
    requests += 1
    const answer = await ask(ctx, () => ctx.bridge['contacts.get']({ id: task.id }, HYDRATE))
    if (answer === ABORTED) return { status: 'aborted', requests }
    if (!answer.ok) return failure(ctx, task.id, answer.error, requests)
    const stored = await ctx.db.transaction('rw', [ctx.db.contacts, ctx.db.outbox, ctx.db.meta, ctx.db.freshness], async () => {
      if ((await localState(ctx.db, task.id)) !== before) return false
      await mergeServerRows(ctx.db, [answer.data])
      await markRead(ctx.db, [task.id], 'details', askedAt)
      return true
    })
    if (!stored) complete = false
  }
  if (task.notes) {
    const askedAt = ctx.now()
    requests += 1
    const answer = await ask(ctx, () => ctx.bridge['notes.list']({ id: task.id }, HYDRATE))
    if (answer === ABORTED) return { status: 'aborted', requests }
    if (!answer.ok) return failure(ctx, task.id, answer.error, requests)
    if (ctx.signal.aborted) return { status: 'aborted', requests }
    if (!(await storeServerNotes(ctx.db, task.id, answer.data, askedAt))) complete = false
  }
  return { status: 'read', requests, complete }
}

function ask<T>(ctx: ContactContext, call: () => Promise<Result<T>>): Promise<Result<T> | typeof ABORTED> {
  return unlessAborted(call(), ctx.signal)
}

/** The contact's row and its queued intents as they stand: a change between two readings means someone wrote meanwhile. */
async function localState(db: ContactsDb, id: number): Promise<string> {
  return db.transaction('r', [db.contacts, db.outbox], async () => {
    const row = await db.contacts.get(id)
    const queued = await queuedIntents(db, new Set([id]))
    return JSON.stringify([row ?? null, queued.map((intent) => intent.seq)])
  })
}

async function failure(ctx: ContactContext, id: number, error: ApiError, requests: number): Promise<ContactOutcome> {
  if (error.kind !== 'not_found') return { status: 'failed', error, requests }
  if (ctx.signal.aborted) return { status: 'aborted', requests }
  await removeGone(ctx.db, id)
  return { status: 'gone', requests }
}

/** As the pull does: the row and its notes leave the mirror, unless an intent is queued for it (the replayer then finds it gone and asks the user). */
async function removeGone(db: ContactsDb, id: number): Promise<void> {
  await db.transaction('rw', [db.contacts, db.notes, db.meta, db.outbox, db.freshness], async () => {
    if ((await pendingContactIds(db)).has(id)) return
    await deleteRows(db, [id])
    await forgetFreshness(db, [id])
  })
}
