// The offline copy as the settings screen shows it: how much it holds and weighs, and starting it over from SkyLight.
import type { Workspace } from '../../workspace/workspace'

export interface OfflineCopySize {
  contacts: number
  notes: number
  /** Bytes the browser counts for this app's storage (the copy, and the search snapshot), when it can tell. */
  bytes: number | null
}

export async function offlineCopySize(workspace: Workspace, storage: Pick<StorageManager, 'estimate'> | undefined = globalThis.navigator?.storage): Promise<OfflineCopySize> {
  const [contacts, notes, estimate] = await Promise.all([workspace.db.contacts.count(), workspace.db.notes.count(), storage?.estimate().catch(() => null) ?? null])
  return { contacts, notes, bytes: estimate?.usage ?? null }
}

const UNITS = ['bytes', 'KB', 'MB', 'GB'] as const

/** 14.2 MB, in the user's number format. */
export function formatBytes(bytes: number): string {
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${UNITS[unit]}`
}
