// Taking back one step of queued intents (a bulk action, an import, a merge): what was not sent is withdrawn and reverted here, what was sent gets an inverse intent.
import type { ContactCreate, ContactRow } from '../../../../shared/contact'
import { ok, type Result } from '../../../../shared/result'
import type { ContactsDb } from '../../db/database'
import { markSnapshotDirty } from '../../db/snapshot'
import { enqueueWithFollowUp, type IntentInput, retag, swappedIds, withdrawUnsent, type WithdrawnRow } from '../../sync/outbox'

/** What one contact looked like before the step: the fields it touched (the whole row, and its notes, for a delete). */
export type Before = ContactRow & { notes?: string[] }

/** One intent of a step, as it was queued. */
export interface StepIntent {
  seq: number
  input: IntentInput
  /** The contact it went to: for a create, the new contact's temporary id. */
  contactId: number
}

export interface UndoableStep {
  intents: readonly StepIntent[]
  /** The contacts as they were before the step; contacts the step created have none. */
  before: ReadonlyMap<number, Before>
}

export interface UndoOutcome {
  /** Contacts whose queued intents were dropped before reaching the server. */
  dropped: number
  /** Contacts that had synced already: an inverse intent was queued. */
  inverted: number
  /** Synced changes the API cannot take back: list and segment additions, notes. */
  impossible: number
  /** Contacts whose synced delete was undone by creating them again, with their new (temporary) ids. */
  recreated: Array<{ from: number; to: number }>
  /** Contacts no longer here (deleted since): left alone. */
  gone: number
}

/** The create that brings a deleted contact back; null when too little is known of it (a partial row). */
export function recreateFrom(before: Before): ContactCreate | null {
  if (!before.name || !before.type) return null
  return {
    name: before.name,
    type: before.type,
    ...(before.phone ? { phone: before.phone } : {}),
    ...(before.email ? { email: before.email } : {}),
    ...(before.tags?.length ? { tags: before.tags } : {}),
  }
}

/** What a re-created contact gets once it has its id: its blacklist, an inactive status, its notes. */
export function restoreOnto(contactId: number, before: Before): IntentInput[] {
  return [
    ...(before.blacklisted ? [{ kind: 'setBlacklisted' as const, contactId, blacklisted: true }] : []),
    ...(before.status === 'inactive' ? [{ kind: 'update' as const, contactId, changes: { status: 'inactive' as const } }] : []),
    ...(before.notes ?? []).map((content) => ({ kind: 'addNote' as const, contactId, content })),
  ]
}

/** The intents that take back one synced intent; null when the API cannot (notes, list and segment additions). */
export function inverseOfIntent(input: IntentInput, contactId: number, before: Before | undefined): IntentInput[] | null {
  switch (input.kind) {
    case 'create':
      return [{ kind: 'delete', contactId }]
    case 'update': {
      if (!before) return []
      const changes: Record<string, unknown> = {}
      for (const [field, value] of Object.entries(input.changes)) {
        const was = before[field as keyof ContactRow]
        if (was !== undefined && was !== value) changes[field] = was
      }
      return Object.keys(changes).length ? [{ kind: 'update', contactId, changes }] : []
    }
    case 'addTags': {
      const added = input.tags.filter((tag) => !(before?.tags ?? []).includes(tag))
      return added.length ? [{ kind: 'removeTags', contactId, tags: added }] : []
    }
    case 'removeTags': {
      const removed = before ? input.tags.filter((tag) => (before.tags ?? []).includes(tag)) : input.tags
      return removed.length ? [{ kind: 'addTags', contactId, tags: removed }] : []
    }
    case 'setBlacklisted': {
      const was = before?.blacklisted ?? !input.blacklisted
      return was === input.blacklisted ? [] : [{ kind: 'setBlacklisted', contactId, blacklisted: was }]
    }
    case 'delete': {
      const fields = before && recreateFrom(before)
      return fields ? [{ kind: 'create', fields }] : null
    }
    case 'addNote':
    case 'addToList':
    case 'addToSegment':
      return null
  }
}

/** The row as it was before the withdrawn intent `row`, over what the mirror shows now; undefined when it did not exist. */
export function revertRow(current: ContactRow | undefined, row: WithdrawnRow, before: Before | undefined): ContactRow | undefined {
  if (row.kind === 'delete') {
    if (current || !before) return current
    const { notes: _notes, ...restored } = before
    return restored
  }
  if (!current) return current
  switch (row.kind) {
    case 'update': {
      const reverted: Record<string, unknown> = { ...current }
      for (const [field, mine] of Object.entries(row.changes)) {
        if (field in row.base && reverted[field] === mine) reverted[field] = row.base[field as keyof typeof row.base]
      }
      return reverted as ContactRow
    }
    case 'tags': {
      if (!current.tags) return current
      const had = (tag: string) => (before?.tags ?? []).includes(tag)
      // Tags the step added go unless the contact had them; tags it removed come back if it had them.
      return { ...current, tags: retag(current.tags, row.remove.filter((tag) => !before || had(tag)), row.add.filter((tag) => !had(tag))) }
    }
    case 'setBlacklisted':
      return { ...current, blacklisted: before?.blacklisted ?? !row.blacklisted }
    default:
      return current
  }
}

/** Withdraws the unsent intents of `seqs` and puts their contacts back as they were, in one transaction. */
async function withdraw(db: ContactsDb, seqs: number[], beforeOf: (id: number) => Before | undefined): Promise<{ dropped: Set<number>; seqs: Set<number> }> {
  const withdrawn = new Set<number>()
  const dropped = await withdrawUnsent(db, seqs, async (ids, rows) => {
    const shown = new Map<number, ContactRow | undefined>()
    const stored = await db.contacts.bulkGet([...ids])
    ;[...ids].forEach((id, i) => shown.set(id, stored[i]))
    // Latest first: each revert starts from what the later ones left.
    for (const row of [...rows].sort((a, b) => b.seq - a.seq)) {
      withdrawn.add(row.seq)
      shown.set(row.contactId, revertRow(shown.get(row.contactId), row, beforeOf(row.contactId)))
    }
    const rowsBack = [...shown.values()].filter((row): row is ContactRow => row !== undefined)
    await db.contacts.bulkPut(rowsBack)
    await markSnapshotDirty(db, [...ids])
  })
  return { dropped, seqs: withdrawn }
}

/**
 * Takes `step` back as far as the API allows. A contact the step created is deleted (an unsent create
 * and its delete cancel out in the outbox). Contacts the step deleted after it synced are created again,
 * once every other contact's inverse has gone through: a merged survivor gives a phone back first.
 */
export async function undoStep(db: ContactsDb, step: UndoableStep): Promise<Result<UndoOutcome>> {
  const swapped = await swappedIds(db)
  const now = (id: number) => swapped.get(id) ?? id
  const originalOf = new Map(step.intents.map((intent) => [now(intent.contactId), intent.contactId]))
  const beforeOf = (id: number) => step.before.get(originalOf.get(id) ?? id)
  const created = new Set(step.intents.flatMap((intent) => (intent.input.kind === 'create' ? [intent.contactId] : [])))

  const { dropped, seqs: withdrawn } = await withdraw(
    db,
    step.intents.filter((intent) => !created.has(intent.contactId)).map((intent) => intent.seq),
    beforeOf,
  )

  const outcome: UndoOutcome = { dropped: dropped.size, inverted: 0, impossible: 0, recreated: [], gone: 0 }
  const inverses: IntentInput[] = []
  const recreates: Array<{ from: number; fields: ContactCreate; before: Before }> = []
  const inverted = new Set<number>()
  for (const intent of [...step.intents].reverse()) {
    if (withdrawn.has(intent.seq) || (created.has(intent.contactId) && intent.input.kind !== 'create')) continue
    const id = now(intent.contactId)
    const before = step.before.get(intent.contactId)
    const inverse = inverseOfIntent(intent.input, id, before)
    if (inverse === null) outcome.impossible++
    for (const each of inverse ?? []) {
      if (each.kind === 'create') recreates.push({ from: intent.contactId, fields: each.fields, before: before! })
      else inverses.push(each)
      inverted.add(id)
    }
  }

  const present = new Set((await db.contacts.bulkGet([...inverted])).flatMap((row) => (row ? [row.id] : [])))
  const kept = inverses.filter((inverse) => inverse.kind === 'create' || present.has(inverse.contactId))
  outcome.gone = new Set(inverses.flatMap((inverse) => (inverse.kind !== 'create' && !present.has(inverse.contactId) ? [inverse.contactId] : []))).size
  outcome.inverted = [...inverted].filter((id) => present.has(id)).length + recreates.length
  const others = [...new Set(kept.flatMap((inverse) => (inverse.kind === 'create' ? [] : [inverse.contactId])))]
  const creates: IntentInput[] = recreates.map(({ fields }) => ({ kind: 'create', fields, ...(others.length ? { after: others } : {}) }))
  if (kept.length + creates.length === 0) return ok(outcome)
  const queued = await enqueueWithFollowUp(db, [...kept, ...creates], (done) =>
    recreates.flatMap((recreate, i) => {
      const to = done[kept.length + i]!.contactId
      outcome.recreated.push({ from: recreate.from, to })
      return restoreOnto(to, recreate.before)
    }),
  )
  return queued.ok ? ok(outcome) : queued
}
