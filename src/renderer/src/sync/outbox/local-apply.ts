// How an intent shows in the mirror before the server has it: pure functions over rows, no storage.
import type { ContactRow } from '../../../../shared/contact'
import type { Intent } from './intent'

/** The server's tags after adding `add` and removing `remove`: existing order kept, new tags appended. */
export function retag(current: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const removed = new Set(remove)
  const next = current.filter((tag) => !removed.has(tag))
  for (const tag of add) if (!next.includes(tag)) next.push(tag)
  return next
}

const sameTags = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((tag, i) => tag === b[i])

/** The row as it looks once `intent` is applied locally; undefined when the intent deletes it. */
export function applyIntent(row: ContactRow | undefined, intent: Intent): ContactRow | undefined {
  switch (intent.kind) {
    case 'create': {
      const { name, type, phone, email, tags } = intent.fields
      // Every field is known for a new contact, except the server's timestamps.
      return {
        id: intent.contactId,
        name,
        type,
        phone: phone ?? null,
        email: email ?? null,
        tags: [...(tags ?? [])],
        status: 'active',
        blacklisted: false,
        last_message_at: null,
      }
    }
    case 'delete':
      return undefined
    case 'update':
      return row && { ...row, ...intent.changes }
    case 'setBlacklisted':
      return row && { ...row, blacklisted: intent.blacklisted }
    case 'tags': {
      // Tags unknown (a partial row) stay unknown rather than becoming just the added ones.
      if (!row?.tags) return row
      const tags = retag(row.tags, intent.add, intent.remove)
      // The same row when nothing changed: a bulk tag leaves contacts that already had the tag unwritten.
      return sameTags(tags, row.tags) ? row : { ...row, tags }
    }
    case 'addNote':
    case 'addToList':
    case 'addToSegment':
      return row
  }
}

/** Re-applies still-queued intents over a row the server sent, so a pull or write answer never hides a local edit. */
export function overlayIntents(row: ContactRow | undefined, intents: readonly Intent[]): ContactRow | undefined {
  let current = row
  for (const queued of intents) {
    if (queued.kind === 'create') continue
    current = applyIntent(current, queued)
  }
  return current
}
