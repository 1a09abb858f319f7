// Turns a contact form's edit into intents: changed fields as one update, tags as add/remove sets. Pure.
import type { ContactPatch, ContactRow } from '../../../../shared/contact'
import { CHANGEABLE_FIELDS, type IntentInput } from './intent'

/** Only what differs from the row; an empty list when nothing changed. */
export function intentsForEdit(row: ContactRow, patch: ContactPatch): IntentInput[] {
  const changes: Record<string, unknown> = {}
  for (const field of CHANGEABLE_FIELDS) {
    const value = patch[field]
    if (value !== undefined && value !== row[field]) changes[field] = value
  }
  const intents: IntentInput[] = []
  if (Object.keys(changes).length > 0) intents.push({ kind: 'update', contactId: row.id, changes })
  if (patch.tags) {
    const before = row.tags ?? []
    const add = patch.tags.filter((tag) => !before.includes(tag))
    const remove = before.filter((tag) => !patch.tags?.includes(tag))
    if (add.length > 0) intents.push({ kind: 'addTags', contactId: row.id, tags: add })
    if (remove.length > 0) intents.push({ kind: 'removeTags', contactId: row.id, tags: remove })
  }
  return intents
}
