// Order across contacts: an intent that names other contacts in `after` waits until their intents queued before it are done.
import type { ContactsDb } from '../../db/database'
import type { QueuedIntent } from './intent'
import { swappedIds } from './mirror-writes'
import { outboxStore } from './outbox-store'

/** The contacts `row` waits for (none for most intents). */
export function waitsFor(row: QueuedIntent): readonly number[] {
  return (row.kind === 'create' || row.kind === 'update') && row.after ? row.after : []
}

/**
 * True while a contact `row` waits for still has an intent queued before it. `firstSeqOf` gives a
 * contact's oldest queued seq; a temporary id already replaced is looked up under its server id.
 */
export function isHeldBack(row: QueuedIntent, firstSeqOf: (contactId: number) => number | undefined, swapped: ReadonlyMap<number, number>): boolean {
  for (const id of waitsFor(row)) {
    const first = firstSeqOf(swapped.get(id) ?? id)
    if (first !== undefined && first < row.seq) return true
  }
  return false
}

/** The same, reading the queue: for one contact's replay step. */
export async function heldBack(db: ContactsDb, row: QueuedIntent): Promise<boolean> {
  const others = waitsFor(row)
  if (others.length === 0) return false
  const swapped = await swappedIds(db)
  const firsts = new Map<number, number | undefined>()
  for (const id of others) {
    const key = swapped.get(id) ?? id
    // The contactId index is ordered by primary key within a key: the first row is the oldest.
    const first = await outboxStore(db).where('contactId').equals(key).first()
    firsts.set(key, first?.seq)
  }
  return isHeldBack(row, (id) => firsts.get(id), swapped)
}
