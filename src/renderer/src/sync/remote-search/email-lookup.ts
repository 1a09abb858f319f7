// Reads the full contact of search hits whose email the mirror does not know: list rows carry none.
import type { ContactRow } from '../../../../shared/contact'
import type { SkylightBridge } from '../../../../shared/contract'
import type { ContactsDb } from '../../db/database'
import { ABORTED, unlessAborted } from '../pacing/abortable'
import { refreshContact } from '../outbox'

/** About a screenful: more reads would spend the rate limit on rows nobody scrolls to. */
export const EMAIL_LOOKUP_LIMIT = 20
/** Reads in flight at once; main's limiter paces them against the server's rate limit. */
const LOOKUPS_AT_ONCE = 4

/**
 * GET /contacts/{id} for the first EMAIL_LOOKUP_LIMIT `rows` whose email is unknown, each merged
 * with the contact's queued intents kept on top, so the local index then matches the email.
 * Stops when `signal` aborts or a read fails for another reason than a 404.
 */
export async function learnUnknownEmails(
  db: ContactsDb,
  bridge: Pick<SkylightBridge, 'contacts.get'>,
  rows: readonly ContactRow[],
  signal?: AbortSignal,
): Promise<void> {
  const ids = rows.filter((row) => row.email === undefined).slice(0, EMAIL_LOOKUP_LIMIT).map((row) => row.id)
  let failed = false
  const learn = async (id: number): Promise<void> => {
    const result = await unlessAborted(bridge['contacts.get']({ id }), signal)
    if (result === ABORTED) return
    if (result.ok) await refreshContact(db, result.data)
    else if (result.error.kind !== 'not_found') failed = true
  }
  for (let i = 0; i < ids.length && !failed && !signal?.aborted; i += LOOKUPS_AT_ONCE) {
    await Promise.all(ids.slice(i, i + LOOKUPS_AT_ONCE).map(learn))
  }
}
