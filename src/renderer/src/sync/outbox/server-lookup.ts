// Finds on the server a create or note whose response was lost, so re-sending it never makes a duplicate.
import type { ContactCreate, ContactRow, Note } from '../../../../shared/contact'
import { ok, type Result } from '../../../../shared/result'
import type { OutboxBridge } from './outbox-bridge'

/**
 * How far before our send a server timestamp may be and still be ours: covers clock skew between
 * this computer and the server. Wider means a same-content note made by someone else just before
 * could be taken for ours; narrower means skew could make us miss ours and send a duplicate.
 */
export const CLOCK_SKEW_MS = 10 * 60_000

const isRecentEnough = (createdAt: string | undefined, sentAt: string): boolean =>
  createdAt === undefined || Date.parse(createdAt) >= Date.parse(sentAt) - CLOCK_SKEW_MS

/**
 * True when `row` (possibly partial) agrees with every field the create set, tags included as a
 * set: two creates alike but for their tags must not claim each other's contact. (A tag another
 * user added in the seconds since makes the lookup miss, and the create is sent again: a visible
 * duplicate is the lesser harm than edits landing on someone else's contact.)
 */
function matchesCreate(row: ContactRow, fields: ContactCreate): boolean {
  const expect = { name: fields.name, type: fields.type, phone: fields.phone ?? null, email: fields.email ?? null }
  const sameFields = (Object.keys(expect) as (keyof typeof expect)[]).every((key) => row[key] === undefined || row[key] === expect[key])
  return sameFields && (row.tags === undefined || sameTags(row.tags, fields.tags ?? []))
}

const sameTags = (a: readonly string[], b: readonly string[]): boolean => a.length === new Set(b).size && b.every((tag) => a.includes(tag))

/** Search pages read at most for one lost create: 5,000 look-alikes before we give up and send again. */
export const MAX_LOOKUP_PAGES = 50

/**
 * The contact a lost create made, or null when the server has none. Searches by phone (unique
 * per account), else email, else name, within the create's channel type, and checks the full
 * contact of each candidate. The search matches substrings, so a common name has many pages:
 * the newest contacts sort last, so pages are read from the last one back.
 * `madeByOthers` are contacts our other creates made: two identical creates must not both
 * claim the same contact.
 */
export async function findCreatedContact(
  bridge: OutboxBridge,
  fields: ContactCreate,
  sentAt: string,
  madeByOthers: ReadonlySet<number>,
): Promise<Result<ContactRow | null>> {
  const query = { search: fields.phone ?? fields.email ?? fields.name, type: fields.type, per_page: 100 }
  const first = await bridge['contacts.list']({ ...query, page: 1 })
  if (!first.ok) return first
  const lastPage = first.data.meta.last_page
  for (let page = lastPage, read = 0; page >= 1 && read < MAX_LOOKUP_PAGES; page -= 1, read += 1) {
    const rows = page === 1 ? first : await bridge['contacts.list']({ ...query, page })
    if (!rows.ok) return rows
    const found = await claimFrom(bridge, rows.data.data, fields, sentAt, madeByOthers)
    if (!found.ok || found.data) return found
  }
  return ok(null)
}

/** The first row of `rows` that is our create, checked against its full contact; null to keep looking. */
async function claimFrom(
  bridge: OutboxBridge,
  rows: ContactRow[],
  fields: ContactCreate,
  sentAt: string,
  madeByOthers: ReadonlySet<number>,
): Promise<Result<ContactRow | null>> {
  for (const row of [...rows].reverse()) {
    if (madeByOthers.has(row.id) || !matchesCreate(row, fields)) continue
    const full = await bridge['contacts.get']({ id: row.id })
    if (!full.ok) {
      if (full.error.kind === 'not_found') continue
      return full
    }
    if (matchesCreate(full.data, fields) && isRecentEnough(full.data.created_at, sentAt)) return ok(full.data)
  }
  return ok(null)
}

/** The note a lost add made: same content, made since we sent it, and not one we already know. */
export async function findAddedNote(
  bridge: OutboxBridge,
  contactId: number,
  content: string,
  sentAt: string,
  knownNoteIds: ReadonlySet<number>,
): Promise<Result<Note | null>> {
  const notes = await bridge['notes.list']({ id: contactId })
  if (!notes.ok) return notes
  const found = notes.data.find((note) => note.content === content && !knownNoteIds.has(note.id) && isRecentEnough(note.created_at, sentAt))
  return ok(found ?? null)
}
