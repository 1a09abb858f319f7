// For the property test: the reference model of the server, built by the outbox rules with conflicts resolved "mine".
import type { Contact } from '../../../../../shared/contact'
import type { Sandbox } from '../../../../../sandbox/faults/knobbed-sandbox'
import type { Intent, IntentInput } from '../intent'
import { retag } from '../local-apply'

/** The expected server: contacts with their notes and memberships, keyed by server id or (for our creates) temporary id. */
export interface ModelContact {
  contact: Omit<Contact, 'id' | 'created_at' | 'updated_at' | 'last_message_at'>
  notes: string[]
  lists: Set<number>
  segments: Set<number>
}
export type Model = Map<number, ModelContact>

export function snapshot(sandbox: Sandbox): Model {
  return new Map(
    sandbox.store.all().map(({ id, created_at: _c, updated_at: _u, last_message_at: _l, ...contact }) => [
      id,
      { contact, notes: sandbox.store.notes(id).map((note) => note.content), lists: new Set(sandbox.store.lists(id)), segments: new Set(sandbox.store.segments(id)) },
    ]),
  )
}

/** The rules, applied to the server state the intents replay on; intents on a contact the server lost are discarded. */
export function applyToModel(model: Model, intents: readonly Intent[]): void {
  for (const intent of intents) {
    if (intent.kind === 'create') {
      const { name, type, phone, email, tags } = intent.fields
      const contact = { name, type, phone: phone ?? null, email: email ?? null, status: 'active' as const, blacklisted: false, tags: tags ?? [] }
      model.set(intent.contactId, { contact, notes: [], lists: new Set(), segments: new Set() })
      continue
    }
    const entry = model.get(intent.contactId)
    if (!entry) continue
    switch (intent.kind) {
      case 'update':
        Object.assign(entry.contact, intent.changes)
        break
      case 'delete':
        model.delete(intent.contactId)
        break
      case 'setBlacklisted':
        entry.contact.blacklisted = intent.blacklisted
        break
      case 'tags':
        entry.contact.tags = retag(entry.contact.tags, intent.add, intent.remove)
        break
      case 'addNote':
        entry.notes.push(intent.content)
        break
      case 'addToList':
        entry.lists.add(intent.listId)
        break
      case 'addToSegment':
        entry.segments.add(intent.segmentId)
        break
    }
  }
}

/** Comparable form: temporary ids mapped to server ids, tags as a sorted set (their order is not meaningful). */
export function normalize(model: Model, ids: ReadonlyMap<number, number>) {
  return [...model]
    .map(([id, entry]) => ({
      id: ids.get(id) ?? id,
      ...entry.contact,
      tags: [...new Set(entry.contact.tags)].sort(),
      notes: entry.notes,
      lists: [...entry.lists].sort(),
      segments: [...entry.segments].sort(),
    }))
    .sort((a, b) => a.id - b.id)
}

/** The intent as the model sees it: what the user asked, on the id the user used. */
export function modelIntent(input: IntentInput, contactId: number): Intent {
  switch (input.kind) {
    case 'create':
      return { kind: 'create', contactId, fields: { ...input.fields } } as Intent
    case 'addTags':
      return { kind: 'tags', contactId: input.contactId, add: input.tags, remove: [] }
    case 'removeTags':
      return { kind: 'tags', contactId: input.contactId, add: [], remove: input.tags }
    case 'update':
      return { ...input, base: {} } as Intent
    case 'addNote':
      return { ...input, noteId: -1 }
    default:
      return input as Intent
  }
}
