// Turns batch rows (one record for a bulk edit) into single rows in their reserved seqs, before replay or queue edits.
import type { ContactsDb } from '../../db/database'
import { BATCH_CONTACT_ID, isBatch, type BatchRow, type Intent, type OutboxRow, type SingleRow } from './intent'
import { swappedIds } from './mirror-writes'
import { outboxStore } from './outbox-store'
import { planBatch } from './page-plans'

/** The single rows a batch stands for, each in its reserved seq. */
export function singleRowsOf(batch: BatchRow): (SingleRow & { seq: number })[] {
  return batch.intents.map((intent: Intent, i) => ({ ...intent, seq: batch.firstSeq + i, status: 'pending', attempts: 0, createdAt: batch.createdAt }))
}

/**
 * Replaces every batch row by its single rows in one transaction; returns how many batches were expanded.
 * A contact created offline may have got its server id while the batch waited (its create completed):
 * its rows take that id, as the rows already single did.
 */
export async function expandBatches(db: ContactsDb): Promise<number> {
  return db.transaction('rw', db.outbox, db.meta, async () => {
    const batches = (await outboxStore(db).where('contactId').equals(BATCH_CONTACT_ID).toArray()).filter(isBatch)
    if (batches.length === 0) return 0
    const rows = batches.flatMap(singleRowsOf)
    if (rows.some((row) => row.contactId < 0)) {
      const swapped = await swappedIds(db)
      for (const row of rows) if (row.kind !== 'create') row.contactId = swapped.get(row.contactId) ?? row.contactId
    }
    await outboxStore(db).bulkDelete(batches.map((batch) => batch.seq as number))
    await outboxStore(db).bulkPut(rows as OutboxRow[])
    // Where the contacts came from outlives the batch record: the plan that will read those pages.
    for (const batch of batches) await planBatch(db, batch)
    return batches.length
  })
}

/** Every queued intent for the given contacts (batches included), in seq order; all contacts when `ids` is null. */
export async function queuedIntents(db: ContactsDb, ids: ReadonlySet<number> | null): Promise<(SingleRow & { seq: number })[]> {
  const rows = ids === null ? await outboxStore(db).toArray() : await rowsNear(db, ids)
  const singles = rows.flatMap((row) => (isBatch(row) ? singleRowsOf(row) : [row as SingleRow & { seq: number }]))
  return singles.filter((row) => ids === null || ids.has(row.contactId)).sort((a, b) => a.seq - b.seq)
}

/**
 * Rows whose contact id lies in the ids' range, plus batch rows. Pulled pages come in id order, so
 * one range read of the index finds them; `anyOf` would cost a cursor jump per id.
 */
async function rowsNear(db: ContactsDb, ids: ReadonlySet<number>): Promise<OutboxRow[]> {
  if (ids.size === 0) return []
  let min = Infinity
  let max = -Infinity
  for (const id of ids) {
    min = Math.min(min, id)
    max = Math.max(max, id)
  }
  // Sequential reads: a plain promise awaited inside a Dexie transaction can let it commit early.
  const inRange = await outboxStore(db).where('contactId').between(min, max, true, true).toArray()
  const hasBatches = min <= BATCH_CONTACT_ID && max >= BATCH_CONTACT_ID
  return hasBatches ? inRange : [...inRange, ...(await outboxStore(db).where('contactId').equals(BATCH_CONTACT_ID).toArray())]
}
