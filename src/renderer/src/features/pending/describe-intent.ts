// How the pending changes panel words a queued intent and its state, for people rather than for the replayer.
import type { QueuedIntent } from '../../sync/outbox'

const FIELD_NAMES: Record<string, string> = { name: 'name', type: 'channel', phone: 'phone', email: 'email', status: 'status' }

export function describeIntent(intent: QueuedIntent): string {
  switch (intent.kind) {
    case 'create':
      return `Create ${intent.fields.name}`
    case 'update':
      return `Change ${Object.keys(intent.changes)
        .map((field) => FIELD_NAMES[field] ?? field)
        .join(', ')}`
    case 'delete':
      return 'Delete'
    case 'setBlacklisted':
      return intent.blacklisted ? 'Blacklist' : 'Unblacklist'
    case 'tags': {
      const parts = []
      if (intent.add.length) parts.push(`tag ${intent.add.join(', ')}`)
      if (intent.remove.length) parts.push(`untag ${intent.remove.join(', ')}`)
      const text = parts.join(' · ')
      return text.charAt(0).toUpperCase() + text.slice(1)
    }
    case 'addNote':
      return `Note “${intent.content.length > 40 ? `${intent.content.slice(0, 40)}…` : intent.content}”`
    case 'addToList':
      return `Add to list #${intent.listId}`
    case 'addToSegment':
      return `Add to segment #${intent.segmentId}`
  }
}

export type StatusTone = 'default' | 'info' | 'warning' | 'error'

/** A short status label and what the user can do about it. */
export function describeStatus(intent: QueuedIntent, now: number = Date.now()): { label: string; tone: StatusTone; detail: string | null } {
  switch (intent.status) {
    case 'pending': {
      const waiting = intent.notBefore !== undefined && intent.notBefore > now
      const retry = waiting ? `Next try in ${Math.ceil(((intent.notBefore as number) - now) / 1000)} s.` : null
      // A merge's survivor waits for the deletes of the others (their phone may become its own).
      const after = (intent.kind === 'update' || intent.kind === 'create') && intent.after?.length ? 'Goes once the changes to the contacts it follows (a merge) are through.' : null
      const detail = [intent.lastError?.message, retry, after].filter(Boolean).join(' ') || null
      return { label: intent.attempts > 0 ? `Retrying (${intent.attempts})` : 'Waiting', tone: intent.attempts > 0 ? 'info' : 'default', detail }
    }
    case 'conflict':
      return { label: 'Conflict', tone: 'warning', detail: 'Changed here and on the server: choose which value to keep.' }
    case 'gone':
      return { label: 'Deleted on the server', tone: 'warning', detail: 'Re-create the contact with your changes, or discard them.' }
    case 'invalid':
      return { label: 'Refused', tone: 'error', detail: intent.lastError?.message ?? 'The server refused this change.' }
    case 'failed':
      return { label: 'Failed', tone: 'error', detail: intent.lastError?.message ?? 'This change could not be sent.' }
  }
}

/** The field errors of a refused (422) intent, as "phone: The phone has already been taken." lines. */
export function fieldErrors(intent: QueuedIntent): string[] {
  const error = intent.lastError
  if (!error || error.kind !== 'validation') return []
  return Object.entries(error.fields).flatMap(([field, messages]) => messages.map((message) => `${FIELD_NAMES[field] ?? field}: ${message}`))
}
