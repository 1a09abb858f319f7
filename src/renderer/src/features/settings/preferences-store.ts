// Preferences store: the theme, language and sync interval as the app reads them, saved on every change.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { readPreferences, writePreferences, type Preferences } from './preferences'

export const usePreferencesStore = defineStore('preferences', () => {
  const current = ref<Preferences>(readPreferences())
  const syncIntervalMs = computed(() => current.value.syncIntervalMinutes * 60_000)

  function set<K extends keyof Preferences>(key: K, value: Preferences[K]): void {
    current.value = { ...current.value, [key]: value }
    writePreferences(current.value)
  }

  return { current, syncIntervalMs, set }
})
