// The settings feature's public entry: the settings screen and the preferences the app applies (theme, language, sync interval,
// background share).
export { default as SettingsDialog } from './SettingsDialog.vue'
export { usePreferencesStore } from './preferences-store'
export { useAppLanguage } from './app-language'
export { useBackgroundShare } from './background-share'
