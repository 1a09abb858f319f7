// Rebases a queued intent on the server's current contact: what to send, or the conflicts to show. Pure.
import type { Contact, ContactPatch } from '../../../../shared/contact'
import { CHANGEABLE_FIELDS, type FieldBase, type FieldChanges, type FieldConflict } from './intent'
import { retag } from './local-apply'

export interface UpdatePlan {
  /** Only the fields that still need sending; empty when the server already has them all. */
  patch: ContactPatch
  conflicts: FieldConflict[]
}

/**
 * A field is sent when the server still holds its base (or the base was unknown); one the server
 * already holds is skipped; one the server changed to something else is a conflict, never
 * overwritten silently.
 */
export function planUpdate(changes: FieldChanges, base: FieldBase, server: Contact): UpdatePlan {
  const patch: Record<string, unknown> = {}
  const conflicts: FieldConflict[] = []
  for (const field of CHANGEABLE_FIELDS) {
    const mine = changes[field]
    if (mine === undefined) continue
    const theirs = server[field]
    if (theirs === mine) continue
    if (!(field in base) || base[field] === theirs) patch[field] = mine
    else conflicts.push({ field, base: base[field], mine, theirs })
  }
  return { patch: patch as ContactPatch, conflicts }
}

/** The tags to PUT (server's ∪ added − removed), or null when the server already has exactly those. */
export function planTags(add: readonly string[], remove: readonly string[], serverTags: readonly string[]): string[] | null {
  const next = retag(serverTags, add, remove)
  const same = next.length === serverTags.length && next.every((tag, i) => tag === serverTags[i])
  return same ? null : next
}

/** Blacklisting only toggles: toggle only when the server differs, or a replay would undo it. */
export const needsToggle = (wanted: boolean, server: Pick<Contact, 'blacklisted'>): boolean => server.blacklisted !== wanted
