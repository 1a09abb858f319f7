// The language the app speaks: the user's choice in Settings, else the first of the system's languages it knows
// (main's list, then the browser's); applied to the page's text, formats and direction as it changes.
import { computed, ref, watch, type ComputedRef } from 'vue'
import { callBridge } from '../../bridge'
import { pickLocale, setAppLocale, type AppLocale } from '../../i18n'
import { usePreferencesStore } from './preferences-store'

/** The languages the browser side says the user reads, best first (none outside a page). */
export const browserLanguages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : navigator.languages)

export function useAppLanguage(): ComputedRef<AppLocale> {
  const prefs = usePreferencesStore()
  const systemLanguages = ref<readonly string[]>([])
  const locale = computed<AppLocale>(() => {
    const chosen = prefs.current.language
    return chosen === 'system' ? pickLocale([...systemLanguages.value, ...browserLanguages()]) : chosen
  })
  watch(locale, setAppLocale, { immediate: true })
  // Main's menu, dialogs and messages speak the same language.
  watch(locale, (next) => void callBridge('app.setLanguage', { locale: next }), { immediate: true })
  void callBridge('app.info', {}).then((answer) => {
    if (answer.ok) systemLanguages.value = answer.data.languages
  })
  return locale
}
