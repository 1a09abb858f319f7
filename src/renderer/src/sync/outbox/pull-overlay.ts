// Server rows into the mirror with the queued intents re-applied on top, so a pull or a search never hides a local edit.
import type { ContactRow } from '../../../../shared/contact'
import { mergeRows } from '../../db/contacts-repo'
import type { ContactsDb } from '../../db/database'
import { queuedIntents } from './batch'
import type { Intent } from './intent'
import { outboxStore } from './outbox-store'
import { overlayIntents } from './local-apply'

/**
 * The rows as the mirror should show them: each with its contact's queued intents applied, and
 * those with a queued delete left out. Joins the caller's transaction when it spans `outbox`.
 */
export async function withPendingIntents(db: ContactsDb, rows: readonly ContactRow[]): Promise<ContactRow[]> {
  // The usual case, an empty outbox, costs one count.
  if (rows.length === 0 || (await outboxStore(db).count()) === 0) return [...rows]
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

/**
 * Merges rows the server sent (pages, search hits, single contacts) as the mirror should show
 * them: partial rows keep known fields, queued edits stay on top, a contact whose delete is queued
 * stays away. Returns the rows written. Joins the caller's transaction when it spans `contacts`,
 * `meta` and `outbox`.
 */
export async function mergeServerRows(db: ContactsDb, rows: readonly ContactRow[]): Promise<ContactRow[]> {
  return mergeRows(db, await withPendingIntents(db, rows))
}
