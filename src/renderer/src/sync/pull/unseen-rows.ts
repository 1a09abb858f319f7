// Settles the mirror rows a consistent pass did not see: each is asked for by id, and deleted only when the server says it is gone.
import type { Contact } from '../../../../shared/contact'
import type { SkylightBridge } from '../../../../shared/contract'
import type { ContactsDb } from '../../db/database'
import { deleteRows, unseenIds } from '../../db/contacts-repo'
import { mergeServerRows, pendingContactIds } from '../outbox'
import { forEachPaced, pacedCall, type CallPolicy } from '../pacing/paced-calls'

export interface UnseenRowsSettled {
  /** Rows asked for (a GET each, its retries aside). */
  asked: number
  /** Rows deleted: the server answered `not_found`. */
  deleted: number
  /** Rows the server still has although the pass never read them: proof of offset drift (or of a create after the pass). */
  live: number
}

/**
 * Asks for up to `limit` unseen rows (server ids, no queued intents) by id: absence from a pass
 * proves nothing, since as many creates as deletes shift offsets without moving the counts.
 * `not_found` deletes the row with its notes; an answer merges it (queued intents re-applied) and
 * keeps it; any other failure keeps it and asks no more this time. Rows past `limit` stay for a
 * later pull. Returns null when aborted, having written nothing.
 */
export async function settleUnseenRows(
  db: ContactsDb,
  bridge: Pick<SkylightBridge, 'contacts.get'>,
  seen: ReadonlySet<number>,
  limit: number,
  policy: CallPolicy,
): Promise<UnseenRowsSettled | null> {
  const queue = (await unseenIds(db, seen, await pendingContactIds(db))).slice(0, limit)
  const gone: number[] = []
  const live: Contact[] = []
  let asked = 0
  await forEachPaced(queue, policy, async (id) => {
    asked += 1
    const answer = await pacedCall(() => bridge['contacts.get']({ id }), policy)
    if (answer.status === 'ok') live.push(answer.data)
    else if (answer.status === 'failed' && answer.error.kind === 'not_found') gone.push(id)
    // Offline, timeout, 5xx past retries, 401…: never delete on uncertainty, and the rest would likely fail alike.
    else queue.length = 0
  })
  if (policy.signal.aborted) return null
  const deleted = await db.transaction('rw', [db.contacts, db.notes, db.meta, db.outbox], async () => {
    // An intent queued while we asked protects its row, as it did when the candidates were chosen.
    const pending = await pendingContactIds(db)
    const deleted = await deleteRows(db, gone.filter((id) => !pending.has(id)))
    await mergeStillStored(db, live)
    return deleted
  })
  return { asked, deleted, live: live.length }
}

/** A row deleted from the mirror while we asked was deleted here (its delete may be replayed already): writing it back would undo that. */
async function mergeStillStored(db: ContactsDb, rows: Contact[]): Promise<void> {
  const stored = await db.contacts.bulkGet(rows.map((row) => row.id))
  const kept = rows.filter((_, i) => stored[i] !== undefined)
  await mergeServerRows(db, kept)
}
