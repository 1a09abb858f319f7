// Seals a mirror written in clear (before issue 15), a batch per transaction, resuming where a stopped run left off.
import type { IndexableType, IndexableTypeArrayReadonly, Table } from 'dexie'
import { markFullySealed, type ContactsDb } from './database'
import { writeSealCheck } from './seal-check'

const PROGRESS_KEY = 'seal-migration'
/** Records per transaction: each batch is read and written back atomically, so a queued edit is never lost. */
const BATCH = 500

interface Progress {
  table: string
  /** The last primary key sealed in that table. */
  after: IndexableType
}

/**
 * Writes every record of every table back through the seal, then the check record (seal-check.ts). Each batch
 * reads and writes its records in one transaction with the progress, so a crash or a closed window resumes after
 * the last committed batch, and an edit queued meanwhile is either in the batch (rewritten as read) or after it.
 * Records already sealed are rewritten too: that costs a little once, and needs no way to tell them apart above
 * the seal. Call with a mirror opened with its data key.
 */
export async function sealPlainRecords(db: ContactsDb, batch = BATCH): Promise<void> {
  const progress = (await db.meta.get(PROGRESS_KEY))?.value as Progress | undefined
  const tables = db.tables as Table<unknown, IndexableType>[]
  const start = progress ? Math.max(0, tables.findIndex((table) => table.name === progress.table)) : 0
  for (const [n, table] of tables.entries()) {
    if (n < start) continue
    let after = n === start ? progress?.after : undefined
    while (true) {
      const more = await db.transaction('rw', table, db.meta, async () => {
        const range = after === undefined ? table.orderBy(':id') : table.where(':id').above(after)
        const keys = await range.limit(batch).primaryKeys()
        if (keys.length === 0) return false
        const rows = await table.bulkGet(keys)
        // A record that does not open is left as it is (reported by the seal); the rest go back sealed.
        const kept = keys.flatMap((key, i) => (rows[i] === undefined ? [] : [{ key, row: rows[i] }]))
        if (table.schema.primKey.keyPath) await table.bulkPut(kept.map((entry) => entry.row))
        else await table.bulkPut(kept.map((entry) => entry.row), kept.map((entry) => entry.key) as IndexableTypeArrayReadonly)
        after = keys[keys.length - 1]
        await db.meta.put({ key: PROGRESS_KEY, value: { table: table.name, after } satisfies Progress })
        return keys.length === batch
      })
      if (!more) break
    }
  }
  await db.transaction('rw', db.meta, async () => {
    await writeSealCheck(db)
    await db.meta.delete(PROGRESS_KEY)
  })
  markFullySealed(db)
}
