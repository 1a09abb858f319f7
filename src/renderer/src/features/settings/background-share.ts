// Hydration's share of the rate limit, as the user set it: told to main, whose limiter keeps background fetching to it.
import { watch } from 'vue'
import { callBridge } from '../../bridge'
import { usePreferencesStore } from './preferences-store'

/** Sends the setting at start (main begins at its default) and on every change. */
export function useBackgroundShare(): void {
  const prefs = usePreferencesStore()
  watch(
    () => prefs.current.hydrationSharePercent,
    (percent) => void callBridge('app.setBackgroundShare', { percent }),
    { immediate: true },
  )
}
