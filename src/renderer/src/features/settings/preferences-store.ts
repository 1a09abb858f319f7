// Preferences store: the theme, language, sync interval and details refresh period as the app reads them, saved on every change.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { readPreferences, writePreferences, type Preferences } from './preferences'

export const usePreferencesStore = defineStore('preferences', () => {
  const current = ref<Preferences>(readPreferences())
  const syncIntervalMs = computed(() => current.value.syncIntervalMinutes * 60_000)
  const refreshPeriodMs = computed(() => current.value.detailsRefreshHours * 3_600_000)

  function set<K extends keyof Preferences>(key: K, value: Preferences[K]): void {
    current.value = { ...current.value, [key]: value }
    writePreferences(current.value)
  }

  return { current, syncIntervalMs, refreshPeriodMs, set }
})
