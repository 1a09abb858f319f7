// The puller's hook: queued intents re-applied over pulled rows, so a pull never hides a local edit.
import type { ContactRow } from '../../../../shared/contact'
import type { ContactsDb } from '../../db/database'
import { queuedIntents } from './batch'
import type { Intent } from './intent'
import { overlayIntents } from './local-apply'

/**
 * The rows as the mirror should show them: each with its contact's queued intents applied, and
 * those with a queued delete left out. Joins the caller's transaction when it spans `outbox`.
 */
export async function withPendingIntents(db: ContactsDb, rows: readonly ContactRow[]): Promise<ContactRow[]> {
  // The usual case, an empty outbox, costs one count.
  if (rows.length === 0 || (await db.outbox.count()) === 0) return [...rows]
  const pending = await queuedIntents(db, new Set(rows.map((row) => row.id)))
  if (pending.length === 0) return [...rows]
  const byContact = new Map<number, Intent[]>()
  for (const intent of pending) byContact.set(intent.contactId, [...(byContact.get(intent.contactId) ?? []), intent])
  return rows.flatMap((row) => {
    const intents = byContact.get(row.id)
    if (!intents) return [row]
    const shown = overlayIntents(row, intents)
    return shown ? [shown] : []
  })
}
