// How the pending changes panel words a queued intent and its state, for people rather than for the replayer.
import type { QueuedIntent } from '../../sync/outbox'
import { errorText } from '../../sync/sync-errors'
import { localeFormats, t } from '../../i18n'

const FIELD_NAMES: Record<string, string> = {
  name: 'pending.field.name',
  type: 'pending.field.channel',
  phone: 'pending.field.phone',
  email: 'pending.field.email',
  status: 'pending.field.status',
}

/** A contact field as the user knows it ("channel" for `type`); an unknown one as it is named. */
export function fieldName(field: string): string {
  const key = FIELD_NAMES[field]
  return key ? t(key) : field
}

const list = (items: readonly string[]) => localeFormats().list.format(items)
const NOTE_EXCERPT = 40

function describeTags(add: readonly string[], remove: readonly string[]): string {
  if (add.length && remove.length) return t('pending.intent.tagAndUntag', { added: list(add), removed: list(remove) })
  return add.length ? t('pending.intent.tag', { tags: list(add), count: add.length }) : t('pending.intent.untag', { tags: list(remove), count: remove.length })
}

export function describeIntent(intent: QueuedIntent): string {
  switch (intent.kind) {
    case 'create':
      return t('pending.intent.create', { name: intent.fields.name })
    case 'update':
      return t('pending.intent.change', { fields: list(Object.keys(intent.changes).map(fieldName)) })
    case 'delete':
      return t('pending.intent.delete')
    case 'setBlacklisted':
      return intent.blacklisted ? t('pending.intent.blacklist') : t('pending.intent.unblacklist')
    case 'tags':
      return describeTags(intent.add, intent.remove)
    case 'addNote': {
      const long = intent.content.length > NOTE_EXCERPT
      return t('pending.intent.note', { excerpt: long ? `${intent.content.slice(0, NOTE_EXCERPT)}…` : intent.content })
    }
    case 'addToList':
      return t('pending.intent.addToList', { id: intent.listId })
    case 'addToSegment':
      return t('pending.intent.addToSegment', { id: intent.segmentId })
  }
}

export type StatusTone = 'default' | 'info' | 'warning' | 'error'

/** A short status label and what the user can do about it. */
export function describeStatus(intent: QueuedIntent, now: number = Date.now()): { label: string; tone: StatusTone; detail: string | null } {
  const error = intent.lastError ? errorText(intent.lastError) : null
  switch (intent.status) {
    case 'pending': {
      const waiting = intent.notBefore !== undefined && intent.notBefore > now
      const retry = waiting ? t('pending.status.nextTry', { seconds: Math.ceil(((intent.notBefore as number) - now) / 1000) }) : null
      // A merge's survivor waits for the deletes of the others (their phone may become its own).
      const after = (intent.kind === 'update' || intent.kind === 'create') && intent.after?.length ? t('pending.status.afterMerge') : null
      const detail = [error, retry, after].filter(Boolean).join(' ') || null
      const label = intent.attempts > 0 ? t('pending.status.retrying', { attempts: intent.attempts }) : t('pending.status.waiting')
      return { label, tone: intent.attempts > 0 ? 'info' : 'default', detail }
    }
    case 'conflict':
      return { label: t('pending.status.conflict'), tone: 'warning', detail: t('pending.status.conflictDetail') }
    case 'gone':
      return { label: t('pending.status.gone'), tone: 'warning', detail: t('pending.status.goneDetail') }
    case 'invalid':
      return { label: t('pending.status.refused'), tone: 'error', detail: error ?? t('pending.status.refusedDetail') }
    case 'failed':
      return { label: t('pending.status.failed'), tone: 'error', detail: error ?? t('pending.status.failedDetail') }
  }
}

/** The field errors of a refused (422) intent, as "phone: The phone has already been taken." lines. */
export function fieldErrors(intent: QueuedIntent): string[] {
  const error = intent.lastError
  if (!error || error.kind !== 'validation') return []
  return Object.entries(error.fields).flatMap(([field, messages]) => messages.map((message) => t('pending.fieldError', { field: fieldName(field), message })))
}
