// The settings feature's public entry: the settings screen and the preferences the app applies (theme, language, sync interval,
// background share).
import { defineAsyncComponent } from 'vue'

// Its dialogs load on first use (a chunk of their own), so the app's first screen does not wait for them.
export const SettingsDialog = defineAsyncComponent(() => import('./SettingsDialog.vue'))
export { usePreferencesStore } from './preferences-store'
export { useAppLanguage } from './app-language'
export { useBackgroundShare } from './background-share'
