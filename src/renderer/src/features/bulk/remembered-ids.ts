// Lists and segments the user has used, by id with the label they gave: the API cannot list them.

export type IdKind = 'list' | 'segment'

export interface RememberedId {
  id: number
  label: string
  /** Epoch ms of the last use: the most recent come first. */
  usedAt: number
}

const MAX_REMEMBERED = 30

const storageKey = (accountId: string, kind: IdKind) => `skylight.${kind}s.${accountId}`

/** Storage is injectable for tests; the app uses localStorage (ids and labels only, nothing secret). */
export function readRemembered(accountId: string, kind: IdKind, storage: Pick<Storage, 'getItem'> = localStorage): RememberedId[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(storageKey(accountId, kind)) ?? '[]')
    if (!Array.isArray(parsed)) return []
    return parsed.filter(
      (item): item is RememberedId =>
        typeof item === 'object' && item !== null && Number.isInteger(item.id) && item.id > 0 && typeof item.label === 'string' && typeof item.usedAt === 'number',
    )
  } catch {
    return []
  }
}

/** Records a use of `id` (keeping an earlier label when none is given), most recent first. */
export function remember(
  accountId: string,
  kind: IdKind,
  id: number,
  label: string,
  now: number = Date.now(),
  storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
): RememberedId[] {
  const known = readRemembered(accountId, kind, storage)
  const previous = known.find((item) => item.id === id)
  const entry = { id, label: label.trim() || previous?.label || '', usedAt: now }
  const next = [entry, ...known.filter((item) => item.id !== id)].slice(0, MAX_REMEMBERED)
  storage.setItem(storageKey(accountId, kind), JSON.stringify(next))
  return next
}
