// The server's refusal (422) of a contact's queued create or update, so its edit form shows it at the fields.
import type { ApiError } from '../../../../shared/result'
import type { ContactsDb } from '../../db/database'
import { contactRows } from '../../sync/outbox'

/** The refusal of the contact's parked create or update, or null when none waits to be fixed. */
export async function parkedRefusal(db: ContactsDb, contactId: number): Promise<ApiError | null> {
  const rows = await contactRows(db, contactId)
  const parked = rows.find((row) => row.status === 'invalid' && (row.kind === 'create' || row.kind === 'update') && row.lastError?.kind === 'validation')
  return parked?.lastError ?? null
}
