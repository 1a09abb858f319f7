// Where a bulk edit's contacts came from, as the list query whose pages hold them: pure, no storage.
import { z } from 'zod'
import { channelType, type ContactRow } from '../../../../shared/contact'
import { parseQuery } from '../../search/query'

/** The API's list filters (`GET /contacts?search=&tag=&type=&blacklisted=`), without paging. */
export const pageQuery = z
  .object({
    search: z.string().min(1).max(255).optional(),
    tag: z.string().min(1).max(50).optional(),
    type: channelType.optional(),
    blacklisted: z.boolean().optional(),
  })
  .strict()
export type PageQuery = z.infer<typeof pageQuery>

/** What the user saw when picking the contacts: the search text and the filters of the contacts view. */
export interface SelectionOrigin {
  text: string
  filters: { tag?: string; type?: ContactRow['type']; blacklisted?: boolean; status?: ContactRow['status'] }
}

/**
 * A list query whose matches include every contact the view showed for `origin` (a superset: the
 * server knows no status filter, and its search is one substring). The search is the longest term
 * typed (a word, an email fragment or phone digits), the most selective one the server can take;
 * a contact the local search found by a typo or an alternate spelling is simply not on these pages
 * and is rebased on its own. A search that is one tag term alone (`#vip`, as "show this tag" types
 * it) becomes the tag filter: the server's is exact where ours takes a prefix, so contacts under a
 * longer tag are rebased on their own too (and a prefix that is no tag costs one empty page).
 */
export function pageQueryFor(origin: SelectionOrigin): PageQuery {
  const terms = parseQuery(origin.text)
  const candidates = [...terms.words, ...terms.emails, ...terms.phones]
  const search = candidates.reduce<string | undefined>((longest, term) => (longest === undefined || term.length > longest.length ? term : longest), undefined)
  const { type, blacklisted } = origin.filters
  const tag = origin.filters.tag ?? (candidates.length === 0 && terms.tags.length === 1 ? terms.tags[0] : undefined)
  const query: PageQuery = {
    ...(search ? { search: search.slice(0, 255) } : {}),
    ...(tag ? { tag } : {}),
    ...(type ? { type } : {}),
    ...(blacklisted !== undefined ? { blacklisted } : {}),
  }
  return query
}

/** Two selections were picked under the same search and filters. */
export const sameOrigin = (a: SelectionOrigin, b: SelectionOrigin): boolean =>
  a.text === b.text &&
  a.filters.tag === b.filters.tag &&
  a.filters.type === b.filters.type &&
  a.filters.blacklisted === b.filters.blacklisted &&
  a.filters.status === b.filters.status

/** Two queries read the same pages. */
export const sameQuery = (a: PageQuery, b: PageQuery): boolean =>
  a.search === b.search && a.tag?.toLowerCase() === b.tag?.toLowerCase() && a.type === b.type && a.blacklisted === b.blacklisted

/**
 * Whether the server still lists `row` under `query` after our write: a contact our write took out
 * of the filter (its tag removed, its channel or blacklist changed) moves every later row one place
 * up, and the next page must start that much earlier. Our bulk edits never change what the search
 * looks at (name, email, phone), so a search alone never takes a row out.
 */
export function stillListed(row: ContactRow, query: PageQuery): boolean {
  if (query.type !== undefined && row.type !== undefined && row.type !== query.type) return false
  if (query.blacklisted !== undefined && row.blacklisted !== undefined && row.blacklisted !== query.blacklisted) return false
  if (query.tag !== undefined && row.tags !== undefined) {
    const wanted = query.tag.toLowerCase()
    if (!row.tags.some((tag) => tag.toLowerCase() === wanted)) return false
  }
  return true
}
