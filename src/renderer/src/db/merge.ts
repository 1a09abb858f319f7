// The merge rule for mirror rows: a field the server did not send is unknown, so it keeps what we knew.
import type { Contact, ContactRow } from '../../../shared/contact'

const CONTACT_FIELDS: readonly (keyof Contact)[] = [
  'id',
  'name',
  'email',
  'phone',
  'type',
  'status',
  'blacklisted',
  'tags',
  'last_message_at',
  'created_at',
  'updated_at',
]

/**
 * Merges an incoming row over the stored one: fields present in `incoming` (explicit null
 * included) overwrite, absent (or undefined) fields keep the stored value.
 */
export function mergeRow(stored: ContactRow | undefined, incoming: ContactRow): ContactRow {
  const merged: Record<string, unknown> = stored ? { ...stored } : {}
  for (const key in incoming) {
    const value = (incoming as Record<string, unknown>)[key]
    if (value !== undefined) merged[key] = value
  }
  return merged as ContactRow
}

/** True when merging `incoming` over `stored` changes nothing: a re-pull need not write the row again. */
export function mergeChangesNothing(stored: ContactRow | undefined, incoming: ContactRow): boolean {
  if (!stored) return false
  for (const key in incoming) {
    const value = (incoming as Record<string, unknown>)[key]
    if (value === undefined) continue
    const known = (stored as Record<string, unknown>)[key]
    if (Array.isArray(value)) {
      if (!Array.isArray(known) || known.length !== value.length || value.some((item, i) => item !== known[i])) return false
    } else if (value !== known) return false
  }
  return true
}

/** A row carrying every Contact field replaces whatever is stored, so it needs no read first. */
export function isFullRow(row: ContactRow): boolean {
  for (const key of CONTACT_FIELDS) {
    if (row[key] === undefined) return false
  }
  return true
}
