// The tags the targeted contacts carry, with how many of them carry each: what "remove tags" can offer.
import type { ContactsDb } from '../../db/database'
import type { TagCount } from '../../search/search-client'

export async function targetTagCounts(db: ContactsDb, ids: readonly number[]): Promise<TagCount[]> {
  const counts = new Map<string, number>()
  for (const row of await db.contacts.bulkGet([...ids])) for (const tag of new Set(row?.tags ?? [])) counts.set(tag, (counts.get(tag) ?? 0) + 1)
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
}
