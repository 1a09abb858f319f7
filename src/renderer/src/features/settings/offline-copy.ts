// The offline copy as the settings screen shows it: how much it holds and weighs, and starting it over from SkyLight.
import { currentLocale, type AppLocale } from '../../i18n'
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

/** Bytes are spelled out ("512 bytes"); larger sizes use the language's short unit ("1.5 MB", "1,5 MB"). */
const UNITS = [
  { unit: 'byte', unitDisplay: 'long' },
  { unit: 'kilobyte', unitDisplay: 'short' },
  { unit: 'megabyte', unitDisplay: 'short' },
  { unit: 'gigabyte', unitDisplay: 'short' },
] as const

/** 14.2 MB, in the language's number format. */
export function formatBytes(bytes: number, locale: AppLocale = currentLocale.value): string {
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit += 1
  }
  return new Intl.NumberFormat(locale, { style: 'unit', ...UNITS[unit], maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)
}
