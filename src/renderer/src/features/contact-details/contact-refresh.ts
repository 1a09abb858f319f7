// Opening a contact online re-reads it from the server, so the details show the other users' changes too.
import type { ApiError } from '../../../../shared/result'
import type { SkylightBridge } from '../../../../shared/contract'
import type { ContactsDb } from '../../db/database'
import { refreshContact } from '../../sync/outbox'

export type RefreshOutcome = { status: 'fresh' } | { status: 'skipped' } | { status: 'failed'; error: ApiError }

/**
 * GET /contacts/{id} merged into the mirror with the contact's queued edits kept on top.
 * Temporary ids (created offline, not on the server yet) are skipped. A 404 is reported, not
 * applied: the next complete pull removes contacts the server no longer has.
 */
export async function refreshOpenedContact(db: ContactsDb, bridge: Pick<SkylightBridge, 'contacts.get'>, id: number): Promise<RefreshOutcome> {
  if (id <= 0) return { status: 'skipped' }
  const result = await bridge['contacts.get']({ id })
  if (!result.ok) return { status: 'failed', error: result.error }
  await refreshContact(db, result.data)
  return { status: 'fresh' }
}
