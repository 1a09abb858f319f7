// The pull's crash-safe progress in `meta`: a header for the pass, plus one record per merged page.
import { z } from 'zod'
import type { ContactsDb } from '../../db/database'

const HEADER_KEY = 'pull.checkpoint'
const PAGE_PREFIX = 'pull.page.'
/** Bump when the stored shape changes: an unreadable checkpoint only costs a fresh pull. */
const FORMAT = 2

const header = z.object({
  format: z.literal(FORMAT),
  /** 1 for the first pass of this pull; later passes re-read after offset drift. */
  pass: z.number().int().positive(),
  /** When this pull began (ISO); a checkpoint too old is dropped. */
  startedAt: z.string(),
  perPage: z.number().int().positive(),
  /** `meta.total` read at the start of the pass. */
  startTotal: z.number().int().nonnegative(),
  lastPage: z.number().int().nonnegative(),
})
export type PullCheckpointHeader = z.infer<typeof header>

/** `total` is the page's `meta.total`: drift seen before a quit must still count after the resume. */
const pageRecord = z.object({ page: z.number().int().positive(), ids: z.array(z.number().int()), total: z.number().int().nonnegative() })

export interface PullCheckpoint {
  header: PullCheckpointHeader
  /** Pages already merged in this pass, with the ids each one held. */
  pages: Map<number, number[]>
  /** Whether a merged page reported a total other than the pass's `startTotal`. */
  totalChanged: boolean
}

const pageKey = (page: number): string => PAGE_PREFIX + String(page).padStart(7, '0')

/** The checkpoint to resume from, or null when there is none, it is unreadable, or it is older than `maxAgeMs`. */
export async function loadCheckpoint(db: ContactsDb, now: Date, maxAgeMs: number): Promise<PullCheckpoint | null> {
  const parsed = header.safeParse((await db.meta.get(HEADER_KEY))?.value)
  if (!parsed.success) return null
  const age = now.getTime() - Date.parse(parsed.data.startedAt)
  if (!(age >= 0 && age <= maxAgeMs)) return null
  const pages = new Map<number, number[]>()
  let totalChanged = false
  const records = await db.meta.where('key').startsWith(PAGE_PREFIX).toArray()
  for (const record of records) {
    const page = pageRecord.safeParse(record.value)
    if (!page.success) return null
    pages.set(page.data.page, page.data.ids)
    if (page.data.total !== parsed.data.startTotal) totalChanged = true
  }
  return { header: parsed.data, pages, totalChanged }
}

/** Starts a pass: forgets the previous pass's pages and saves the new header. */
export async function startPass(db: ContactsDb, value: Omit<PullCheckpointHeader, 'format'>): Promise<PullCheckpointHeader> {
  const saved: PullCheckpointHeader = { format: FORMAT, ...value }
  await db.transaction('rw', db.meta, async () => {
    await db.meta.where('key').startsWith(PAGE_PREFIX).delete()
    await db.meta.put({ key: HEADER_KEY, value: saved })
  })
  return saved
}

/** Marks a page merged; call it in the transaction that merges the page, so both land or neither. */
export async function recordPage(db: ContactsDb, page: number, ids: number[], total: number): Promise<void> {
  await db.meta.put({ key: pageKey(page), value: { page, ids, total } })
}

/** Drops the checkpoint: the next pull starts fresh. Joins the caller's transaction when one spans `meta`. */
export async function clearCheckpoint(db: ContactsDb): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.where('key').startsWith(PAGE_PREFIX).delete()
    await db.meta.delete(HEADER_KEY)
  })
}
