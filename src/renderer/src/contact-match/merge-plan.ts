// Merging a duplicate group: the survivor and whose value it keeps per field, as outbox intents (update, addTags, setBlacklisted, addNote, delete); the duplicates screen and the outbox property test use it.
import type { ContactRow } from '../../../shared/contact'
import type { FieldChanges, IntentInput } from '../sync/outbox'

export type MergeField = 'name' | 'phone' | 'email' | 'type' | 'status'
export const MERGE_FIELDS: readonly MergeField[] = ['name', 'phone', 'email', 'type', 'status']

export interface MergeChoice {
  survivorId: number
  /** For each field, the id of the member whose value the survivor keeps. */
  keep: Record<MergeField, number>
}

/**
 * The intents in the order they must reach the server. The outbox keeps order per contact only, so
 * the survivor's update names the deleted members in `after`: the outbox holds it until their deletes
 * are done, even across a restart. It may take the phone of a deleted member, and the API keeps
 * phones unique per account.
 */
export interface MergePlan {
  survivorId: number
  /** Onto the survivor: blacklist, the others' tags, the others' notes. */
  first: IntentInput[]
  deletes: IntentInput[]
  /** The survivor's field changes, if any, waiting for the deletes. */
  afterDeletes: IntentInput[]
}

const filled = (value: unknown): boolean => value !== null && value !== undefined && value !== ''

/** Known, non-empty fields: the fuller record is the better survivor. */
const fullness = (c: ContactRow): number => MERGE_FIELDS.filter((field) => filled(c[field])).length

/**
 * Survivor: a contact the server knows (positive id) over one created offline, then the fullest,
 * then the one with most tags, then the oldest (its history is the longest), then the lowest id.
 */
export function pickSurvivor(members: readonly ContactRow[]): ContactRow {
  const score = (c: ContactRow) => [c.id > 0 ? 0 : 1, -fullness(c), -(c.tags?.length ?? 0), c.created_at ?? '\uffff', c.id] as const
  return [...members].sort((a, b) => {
    const [x, y] = [score(a), score(b)]
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1
    return 0
  })[0]!
}

/** Each field from the survivor when it has a value, else from the first member that has one. */
export function defaultMergeChoice(members: readonly ContactRow[], survivorId: number = pickSurvivor(members).id): MergeChoice {
  const survivor = members.find((m) => m.id === survivorId)!
  const keep = {} as Record<MergeField, number>
  for (const field of MERGE_FIELDS) keep[field] = filled(survivor[field]) ? survivorId : (members.find((m) => filled(m[field]))?.id ?? survivorId)
  return { survivorId, keep }
}

function fieldChanges(survivor: ContactRow, members: readonly ContactRow[], choice: MergeChoice): FieldChanges {
  const changes: Record<string, unknown> = {}
  for (const field of MERGE_FIELDS) {
    const from = members.find((m) => m.id === choice.keep[field])
    const value = from?.[field]
    if (value === undefined || value === survivor[field]) continue
    // Only phone and email can be cleared; name, channel and status always have a value.
    if (value === null && field !== 'phone' && field !== 'email') continue
    changes[field] = value
  }
  return changes as FieldChanges
}

/** `notesOf` gives a member's notes, oldest first; the others' are added to the survivor in member order. */
export function planMerge(members: readonly ContactRow[], choice: MergeChoice, notesOf: (id: number) => readonly string[]): MergePlan {
  const survivor = members.find((m) => m.id === choice.survivorId)
  if (!survivor) throw new Error(`The survivor ${choice.survivorId} is not in the group.`)
  const id = survivor.id
  const others = members.filter((m) => m.id !== id)
  const first: IntentInput[] = []
  if (survivor.blacklisted !== true && others.some((m) => m.blacklisted === true)) first.push({ kind: 'setBlacklisted', contactId: id, blacklisted: true })
  const have = new Set(survivor.tags ?? [])
  const added = [...new Set(others.flatMap((m) => m.tags ?? []))].filter((tag) => !have.has(tag))
  if (added.length) first.push({ kind: 'addTags', contactId: id, tags: added })
  for (const other of others) {
    for (const content of notesOf(other.id)) if (content.trim()) first.push({ kind: 'addNote', contactId: id, content })
  }
  const changes = fieldChanges(survivor, members, choice)
  const deleted = others.map((m) => m.id)
  return {
    survivorId: id,
    first,
    deletes: deleted.map((contactId): IntentInput => ({ kind: 'delete', contactId })),
    afterDeletes: Object.keys(changes).length ? [{ kind: 'update', contactId: id, changes, after: deleted }] : [],
  }
}

/** All of a plan's intents in order, queued at once: the update's `after` keeps it behind the deletes. */
export const mergeIntents = (plan: MergePlan): IntentInput[] => [...plan.first, ...plan.deletes, ...plan.afterDeletes]
