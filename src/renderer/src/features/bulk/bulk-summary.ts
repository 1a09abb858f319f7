// What a bulk action's report says, in the current language: "40 tagged vip · 3 already were · 2 need attention", the contacts left out, what an undo could not do.
import { CHANNEL_LABELS } from '../../../../shared/contact'
import { localeFormats, t } from '../../i18n'
import type { Attention, BulkAction, BulkOutcome } from './bulk-actions'
import type { UndoOutcome } from './undo-step'

/** Attention lists show this many contacts, then "and 12 more". */
const ATTENTION_SHOWN = 8

function changed(action: BulkAction, count: number): string {
  switch (action.kind) {
    case 'addTags':
      return t('bulk.summary.tagged', { count, tags: localeFormats().list.format(action.tags) })
    case 'removeTags':
      return t('bulk.summary.untagged', { count, tags: localeFormats().list.format(action.tags) })
    case 'setBlacklisted':
      return action.blacklisted ? t('bulk.summary.blacklisted', { count }) : t('bulk.summary.unblacklisted', { count })
    case 'addToList':
      return t('bulk.summary.addedToList', { count, list: action.label ?? `#${action.listId}` })
    case 'addToSegment':
      return t('bulk.summary.addedToSegment', { count, segment: action.label ?? `#${action.segmentId}` })
    case 'changeChannel':
      return t('bulk.summary.moved', { count, channel: CHANNEL_LABELS[action.type] })
    case 'delete':
      return t('bulk.summary.deleted', { count })
  }
}

/** "40 tagged vip · 3 already were · 2 need attention". */
export function summarize(outcome: BulkOutcome): string {
  const parts = [changed(outcome.action, outcome.changed.length)]
  if (outcome.unchanged) parts.push(t('bulk.summary.unchanged', { count: outcome.unchanged }))
  if (outcome.attention.length) parts.push(t('bulk.summary.attention', { count: outcome.attention.length }))
  return parts.join(' · ')
}

/** What an undo could not do: synced changes the API cannot remove, contacts deleted since. */
export function undoNotes(outcome: UndoOutcome): string[] {
  const notes: string[] = []
  if (outcome.impossible) notes.push(t('bulk.undo.impossible', { count: outcome.impossible }))
  if (outcome.gone) notes.push(t('bulk.undo.gone', { count: outcome.gone }))
  return notes
}

function attentionLine({ id, name, reason }: Attention): string {
  const contact = name ?? t('bulk.attention.contact', { id: String(id) })
  return reason.kind === 'needsPhone' ? t('bulk.attention.needsPhone', { name: contact, channel: CHANNEL_LABELS[reason.channel] }) : t('bulk.attention.gone', { name: contact })
}

/** One sentence per contact left out ("Ana needs a phone number for Telegram"), the first few, then how many more. */
export function attentionLines(attention: readonly Attention[]): string[] {
  const lines = attention.slice(0, ATTENTION_SHOWN).map(attentionLine)
  if (attention.length > ATTENTION_SHOWN) lines.push(t('bulk.attention.more', { count: attention.length - ATTENTION_SHOWN }))
  return lines
}
