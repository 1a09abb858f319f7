// Until the first pull completes the mirror may miss contacts, so an online search also asks the API.
import type { ContactRow } from '../../../shared/contact'
import type { ApiError } from '../../../shared/result'
import type { ContactsDb } from '../db/database'
import { mergeRows } from '../db/contacts-repo'
import { ABORTED, unlessAborted } from './abortable'
import type { ListBridge } from './page-fetcher'
import { isFirstPullComplete } from './sync-state'

export { isFirstPullComplete } from './sync-state'

/** One page of server matches is plenty next to the local results. */
export const REMOTE_SEARCH_LIMIT = 50

export type RemoteSearch =
  /** Not asked: the mirror is complete, the query is blank, or the search was superseded. */
  | { status: 'skipped' }
  /** The server's matches, merged into the mirror, as the mirror now holds them. */
  | { status: 'merged'; rows: ContactRow[] }
  | { status: 'failed'; error: ApiError }

/**
 * Asks the API's `search` for `query` while the first pull is incomplete and merges the
 * matches into the mirror (partial rows never erase known fields). Pass the signal of a
 * search the user has since replaced, so its late answer is dropped.
 */
export async function searchWhilePulling(
  db: ContactsDb,
  bridge: ListBridge,
  query: string,
  signal?: AbortSignal,
): Promise<RemoteSearch> {
  // The contract caps `search` at 255 characters; a longer query would be refused outright.
  const search = query.trim().slice(0, 255)
  if (search === '' || (await isFirstPullComplete(db))) return { status: 'skipped' }
  const result = await unlessAborted(bridge['contacts.list']({ search, page: 1, per_page: REMOTE_SEARCH_LIMIT }), signal)
  if (result === ABORTED) return { status: 'skipped' }
  if (!result.ok) return { status: 'failed', error: result.error }
  return { status: 'merged', rows: await mergeRows(db, result.data.data) }
}
