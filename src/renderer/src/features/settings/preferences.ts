// The app's preferences on this computer, for every account: its language, theme, how often it syncs and how much of the
// rate limit background fetching may use; kept in localStorage behind a schema.
import { z } from 'zod'
import { LOCALES } from '../../i18n'

/** Minutes between two regular syncs the user can choose. */
export const SYNC_INTERVALS = [1, 5, 15, 30, 60] as const
/** Shares of SkyLight's rate limit (percent) the user can give hydration, the background fetch of details and notes. */
export const HYDRATION_SHARES = [10, 25, 50, 75, 90] as const
export const THEMES = ['system', 'light', 'dark'] as const
/** 'system' follows the OS's languages; any other is the user's override. */
export const LANGUAGES = ['system', ...LOCALES] as const

/** A value that no longer reads (an older version's, a hand edit) falls back to its default alone. */
export const preferences = z.object({
  language: z.enum(LANGUAGES).catch('system'),
  theme: z.enum(THEMES).catch('system'),
  syncIntervalMinutes: z.union(SYNC_INTERVALS.map((minutes) => z.literal(minutes))).catch(5),
  hydrationSharePercent: z.union(HYDRATION_SHARES.map((percent) => z.literal(percent))).catch(50),
})
export type Preferences = z.infer<typeof preferences>

const STORAGE_KEY = 'preferences'

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>
const browserStorage = (): KeyValueStore | null => (typeof localStorage === 'undefined' ? null : localStorage)

function parsed(text: string | null | undefined): unknown {
  try {
    return text ? JSON.parse(text) : {}
  } catch {
    return {}
  }
}

export function readPreferences(storage: KeyValueStore | null = browserStorage()): Preferences {
  const value = parsed(storage?.getItem(STORAGE_KEY))
  return preferences.parse(typeof value === 'object' && value !== null ? value : {})
}

export function writePreferences(next: Preferences, storage: KeyValueStore | null = browserStorage()): void {
  storage?.setItem(STORAGE_KEY, JSON.stringify(preferences.parse(next)))
}
