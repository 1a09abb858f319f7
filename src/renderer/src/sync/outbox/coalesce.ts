// Folds a contact's queued intents into the one request worth sending next: pure, no storage.
import { waitsFor } from './cross-order'
import { CHANGEABLE_FIELDS, type ChangeableField, type FieldBase, type FieldChanges, type QueuedIntent } from './intent'
import { retag } from './local-apply'

export type NextStep =
  /** Send `row` (the head, possibly merged); the `absorbed` rows were folded into it and go with it. */
  | { kind: 'send'; row: QueuedIntent; absorbed: number[] }
  /** A create and a delete of the same new contact: nothing to send, every row of it is dropped. */
  | { kind: 'cancel'; seqs: number[] }
  /** The head is parked: the contact waits for the user. */
  | { kind: 'blocked'; row: QueuedIntent }

const CREATE_FIELDS: ReadonlySet<ChangeableField> = new Set(['name', 'type', 'phone', 'email'])

/**
 * The next step for one contact's rows (in seq order). Only unsent rows merge into an unsent
 * head: a sent row's outcome is unknown, and merging into it would make a repeat look like a
 * conflict. Rows of other kinds are skipped over (field, tag, blacklist, note and membership
 * changes commute), but nothing merges across a delete, nor across an intent that waits for other
 * contacts (merged into an earlier head, it would go before them).
 */
export function nextStep(rows: readonly QueuedIntent[]): NextStep | null {
  const head = rows[0]
  if (!head) return null
  if (head.status !== 'pending') return { kind: 'blocked', row: head }
  if (head.sentAt !== undefined) return { kind: 'send', row: head, absorbed: [] }
  const later = rows.slice(1)
  const barrier = later.findIndex((row) => row.kind === 'delete' || waitsFor(row).length > 0)
  const mergeable = later.slice(0, indexOrEnd(barrier, later.length))
  switch (head.kind) {
    case 'create':
      if (later.some((row) => row.kind === 'delete')) return { kind: 'cancel', seqs: rows.map((row) => row.seq) }
      return mergeIntoCreate(head, mergeable)
    case 'update':
      return mergeUpdates(head, mergeable)
    case 'tags':
      return mergeTags(head, mergeable)
    case 'setBlacklisted': {
      const runs = mergeable.filter((row) => row.kind === 'setBlacklisted')
      const last = runs.at(-1)
      const row = last ? { ...head, blacklisted: last.blacklisted } : head
      return { kind: 'send', row, absorbed: runs.map((r) => r.seq) }
    }
    default:
      return { kind: 'send', row: head, absorbed: [] }
  }
}

const indexOrEnd = (index: number, end: number): number => (index < 0 ? end : index)

function mergeIntoCreate(head: QueuedIntent & { kind: 'create' }, later: readonly QueuedIntent[]): NextStep {
  const fields = { ...head.fields }
  const absorbed: number[] = []
  for (const row of later) {
    if (row.kind === 'update') {
      // A status change cannot ride on a create (POST has no status): it, and updates after it, go on their own.
      if (!Object.keys(row.changes).every((field) => CREATE_FIELDS.has(field as ChangeableField))) break
      const { name, type, phone, email } = row.changes
      if (name !== undefined) fields.name = name
      if (type !== undefined) fields.type = type
      if (phone !== undefined) setOptional(fields, 'phone', phone)
      if (email !== undefined) setOptional(fields, 'email', email)
      absorbed.push(row.seq)
    } else if (row.kind === 'tags') {
      const next = retag(fields.tags ?? [], row.add, row.remove)
      setOptional(fields, 'tags', next.length > 0 ? next : null)
      absorbed.push(row.seq)
    }
  }
  return { kind: 'send', row: { ...head, fields }, absorbed }
}

function setOptional<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | null): void {
  if (value === null) delete target[key]
  else target[key] = value
}

/** Later values win; each field keeps the base of the first update that changed it. */
export function mergeChanges(
  first: { changes: FieldChanges; base: FieldBase },
  next: { changes: FieldChanges; base: FieldBase },
): { changes: FieldChanges; base: FieldBase } {
  const changes: Record<string, unknown> = { ...first.changes }
  const base: Record<string, unknown> = { ...first.base }
  for (const field of CHANGEABLE_FIELDS) {
    if (next.changes[field] === undefined) continue
    if (!(field in first.changes) && field in next.base) base[field] = next.base[field]
    changes[field] = next.changes[field]
  }
  return { changes: changes as FieldChanges, base: base as FieldBase }
}

function mergeUpdates(head: QueuedIntent & { kind: 'update' }, later: readonly QueuedIntent[]): NextStep {
  let merged = { changes: head.changes, base: head.base }
  const absorbed: number[] = []
  for (const row of later) {
    if (row.kind !== 'update') continue
    merged = mergeChanges(merged, row)
    absorbed.push(row.seq)
  }
  // A field set back to its base is still sent through the rebase: if the server moved meanwhile,
  // the user must see that conflict rather than have their value silently dropped.
  return { kind: 'send', row: { ...head, changes: merged.changes, base: merged.base }, absorbed }
}

function mergeTags(head: QueuedIntent & { kind: 'tags' }, later: readonly QueuedIntent[]): NextStep {
  const add = new Set(head.add)
  const remove = new Set(head.remove)
  const absorbed: number[] = []
  for (const row of later) {
    if (row.kind !== 'tags') continue
    // The last word on each tag wins.
    for (const tag of row.add) {
      remove.delete(tag)
      add.add(tag)
    }
    for (const tag of row.remove) {
      add.delete(tag)
      remove.add(tag)
    }
    absorbed.push(row.seq)
  }
  return { kind: 'send', row: { ...head, add: [...add], remove: [...remove] }, absorbed }
}

