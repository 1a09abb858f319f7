// Which contacts hydration reads next, and in what order: recent ones, those kept offline first, then the rest by name.
import type { ContactsDb, FreshnessRow } from '../../db/database'
import type { SearchFilters } from '../../search/search-client'
import { pendingContactIds } from '../outbox'
import { passes } from './hydration-marks'

/** One contact's reads: its details (a GET) and its notes (the notes list). */
export interface HydrationTask {
  id: number
  details: boolean
  notes: boolean
  /** Both parts were read before (this is a refresh): reading them now does not add to the hydrated count. */
  hydrated: boolean
}

export interface HydrationPlan {
  /** Due contacts, most wanted first. */
  tasks: HydrationTask[]
  /** Contacts on the server the mirror holds (temporary ids aside). */
  total: number
  /** Of those, contacts whose details and notes have each been read at least once. */
  hydrated: number
  /** When the next part falls due (epoch ms) once every task is done, or null when nothing is read yet. */
  nextDueAt: number | null
}

export interface PlanInput {
  now: number
  /** A part read longer ago than this is read again. */
  refreshMs: number
  /** The pull's rows carry every field: details come with each pull, only notes are read. */
  listRowsFull: boolean
  /** Opened or edited lately, latest first. */
  recent: readonly number[]
  /** Contacts in the order the list shows them (by name, in the page's language); ids left out come last. */
  byName: readonly number[]
  keepFirst: readonly SearchFilters[]
}

/** Rows read per chunk to test the "keep offline first" marks: a whole-table read at once would stall the page. */
const MARK_CHUNK = 1_000

/**
 * Reads only keys and the freshness table (no rows) unless marks must be tested. Order: contacts
 * opened lately or with queued edits, then those matching a mark, then the never read ones by
 * name, then the stale ones oldest read first (so refreshes go round-robin).
 */
export async function planHydration(db: ContactsDb, input: PlanInput): Promise<HydrationPlan> {
  const all = (await db.contacts.where(':id').above(0).primaryKeys()) as number[]
  const freshness = new Map((await db.freshness.toArray()).map((row) => [row.id, row]))
  const pending = await pendingContactIds(db)
  const ids = new Set(all)
  // Rows the order does not know yet (just pulled) come after the ordered ones.
  const ordered = [...new Set([...input.byName.filter((id) => ids.has(id)), ...all])]

  let hydrated = 0
  let nextDueAt: number | null = null
  const due = new Map<number, HydrationTask>()
  for (const id of ordered) {
    const stamps = freshness.get(id)
    const done = isHydrated(stamps, input.listRowsFull)
    if (done) hydrated += 1
    const details = !input.listRowsFull && isDue(stamps?.details, input)
    const notes = isDue(stamps?.notes, input)
    if (details || notes) due.set(id, { id, details, notes, hydrated: done })
    for (const at of [input.listRowsFull ? undefined : stamps?.details, stamps?.notes]) {
      if (at !== undefined && at + input.refreshMs > input.now) nextDueAt = Math.min(nextDueAt ?? Infinity, at + input.refreshMs)
    }
  }

  const first: HydrationTask[] = []
  const take = (id: number) => {
    const task = due.get(id)
    if (!task) return
    first.push(task)
    due.delete(id)
  }
  for (const id of input.recent) if (ids.has(id)) take(id)
  for (const id of pending) take(id)
  if (input.keepFirst.length > 0) for (const id of await matchingMarks(db, [...due.keys()], input.keepFirst)) take(id)

  const unread = [...due.values()].filter((task) => oldestStamp(freshness.get(task.id), task) === undefined)
  const stale = [...due.values()]
    .filter((task) => oldestStamp(freshness.get(task.id), task) !== undefined)
    .sort((a, b) => (oldestStamp(freshness.get(a.id), a) ?? 0) - (oldestStamp(freshness.get(b.id), b) ?? 0))
  return { tasks: [...first, ...unread, ...stale], total: all.length, hydrated, nextDueAt }
}

const isDue = (at: number | undefined, input: PlanInput): boolean => at === undefined || input.now - at >= input.refreshMs

export function isHydrated(stamps: FreshnessRow | undefined, listRowsFull: boolean): boolean {
  return stamps?.notes !== undefined && (listRowsFull || stamps.details !== undefined)
}

/** The oldest stamp among the task's due parts; undefined when one of them was never read. */
function oldestStamp(stamps: FreshnessRow | undefined, task: HydrationTask): number | undefined {
  const parts = [task.details ? stamps?.details : null, task.notes ? stamps?.notes : null].filter((at) => at !== null)
  if (parts.some((at) => at === undefined)) return undefined
  return Math.min(...(parts as number[]))
}

/** The ids (kept in their order) whose rows match any mark, read a chunk at a time. */
async function matchingMarks(db: ContactsDb, ids: readonly number[], marks: readonly SearchFilters[]): Promise<number[]> {
  const matching: number[] = []
  for (let start = 0; start < ids.length; start += MARK_CHUNK) {
    const chunk = ids.slice(start, start + MARK_CHUNK)
    const rows = await db.contacts.bulkGet(chunk)
    rows.forEach((row, i) => {
      if (row && marks.some((mark) => passes(row, mark))) matching.push(chunk[i]!)
    })
  }
  return matching
}
