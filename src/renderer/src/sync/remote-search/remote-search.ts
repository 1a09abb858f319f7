// Asks the API's `search` when the mirror may miss the matches, and merges them in so the local index finds them.
import type { ContactRow } from '../../../../shared/contact'
import type { SkylightBridge } from '../../../../shared/contract'
import type { ApiError } from '../../../../shared/result'
import type { ContactsDb } from '../../db/database'
import { ABORTED, unlessAborted } from '../pacing/abortable'
import { learnUnknownEmails } from './email-lookup'
import { mergeServerRows } from '../outbox'
import { shouldAskServer, targetsEmail } from './remote-search-rule'
import { isFirstPullComplete } from '../pull/last-synced'

/** One page of server matches is plenty next to the local results. */
export const REMOTE_SEARCH_LIMIT = 50

export type RemoteSearchBridge = Pick<SkylightBridge, 'contacts.list' | 'contacts.get'>

export type RemoteSearch =
  /** Not asked: the mirror has the matches, the query is blank, or the search was superseded. */
  | { status: 'skipped' }
  /** The server's matches, merged into the mirror, as the mirror now shows them. */
  | { status: 'merged'; rows: ContactRow[] }
  | { status: 'failed'; error: ApiError }

/**
 * Asks the API's `search` for `query` while the first pull is incomplete, or for a query aimed
 * at an email (see remote-search-rule.ts), and merges the matches into the mirror: partial rows
 * never erase known fields, queued edits stay on top. For an email query, hits whose email is
 * unknown are then read in full. Pass the signal of a search the user has since replaced, so its
 * late answer is dropped.
 */
export async function searchRemotely(db: ContactsDb, bridge: RemoteSearchBridge, query: string, signal?: AbortSignal): Promise<RemoteSearch> {
  // The contract caps `search` at 255 characters; a longer query would be refused outright.
  const search = query.trim().slice(0, 255)
  if (!shouldAskServer(search, await isFirstPullComplete(db))) return { status: 'skipped' }
  const result = await unlessAborted(bridge['contacts.list']({ search, page: 1, per_page: REMOTE_SEARCH_LIMIT }), signal)
  if (result === ABORTED) return { status: 'skipped' }
  if (!result.ok) return { status: 'failed', error: result.error }
  // As the puller does: a search never reverts a pending edit nor brings back a contact whose delete is queued.
  const rows = await db.transaction('rw', [db.contacts, db.meta, db.outbox], async () => mergeServerRows(db, result.data.data))
  if (targetsEmail(search)) await learnUnknownEmails(db, bridge, rows, signal)
  return { status: 'merged', rows }
}
