// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h, ref } from 'vue'
import { NDialogProvider, NMessageProvider, NSelect } from 'naive-ui'
import type { AppInfo } from '../../../../shared/contract'
import { setBridge } from '../../bridge'
import { i18n, setAppLocale } from '../../i18n'
import { fakeBridge, type CallLog } from '../../test-support/fake-bridge'
import { useAppLanguage } from './app-language'
import { useBackgroundShare } from './background-share'
import { readPreferences } from './preferences'
import { usePreferencesStore } from './preferences-store'
import SettingsDialog from './SettingsDialog.vue'

const INFO: AppInfo = { version: '1.4.0', selfUpdating: false, offlineCopy: null, logs: '/var/log/skylight', languages: ['de-AT'] }
const show = ref(false)
/** The app's part: the language applied to the page, and the dialog inside naive-ui's providers. */
const Harness = defineComponent(() => {
  useAppLanguage()
  useBackgroundShare()
  return () => h(NDialogProvider, () => h(NMessageProvider, () => h(SettingsDialog, { show: show.value })))
})

let wrapper: VueWrapper | null = null
let calls: CallLog = []
beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US'])
  calls = []
  setBridge(fakeBridge({ 'app.info': async () => ({ ok: true, data: INFO }), 'app.setBackgroundShare': async () => ({ ok: true, data: null }) }, calls))
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  show.value = false
  setBridge(null)
  vi.restoreAllMocks()
  setAppLocale('en')
})

const languageSelect = () => wrapper!.findAllComponents(NSelect).find((select) => select.attributes('data-test') === 'settings-language')!

describe('settings: language', () => {
  it('offers the system’s language, then each language in itself, and switches the whole page at once', async () => {
    usePreferencesStore().set('language', 'en')
    wrapper = mount(Harness, { global: { plugins: [i18n] }, attachTo: document.body })
    show.value = true
    await flushPromises()
    const options = languageSelect().props('options') as { value: string; label: string }[]
    expect(options.map((option) => option.label)).toEqual(['System (Deutsch)', 'English', 'Deutsch', 'Español', 'Français', 'Português (Brasil)', 'Русский', 'العربية'])
    expect(document.getElementById('settings-language')?.textContent).toBe('Language')

    languageSelect().vm.$emit('update:value', 'ar')
    await flushPromises()
    expect(usePreferencesStore().current.language).toBe('ar')
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['ar', 'rtl'])
    expect(document.getElementById('settings-language')?.textContent).toBe('اللغة')
    expect((languageSelect().props('options') as { label: string }[])[0]!.label).toBe('النظام (Deutsch)')

    languageSelect().vm.$emit('update:value', 'system')
    await flushPromises()
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['de', 'ltr'])
    expect(document.getElementById('settings-language')?.textContent).toBe('Sprache')
  })
})

const shareSelect = () => wrapper!.findAllComponents(NSelect).find((select) => select.attributes('data-test') === 'settings-hydration-share')!

describe('settings: background share', () => {
  it("offers hydration's share of the rate limit, half by default, tells main at start and on each change, and keeps it", async () => {
    usePreferencesStore().set('language', 'en')
    wrapper = mount(Harness, { global: { plugins: [i18n] }, attachTo: document.body })
    show.value = true
    await flushPromises()
    const shares = () => calls.filter((call) => call.channel === 'app.setBackgroundShare').map((call) => call.args)
    expect(shares()).toEqual([{ percent: 50 }])
    expect(shareSelect().props('value')).toBe(50)
    expect((shareSelect().props('options') as { label: string }[]).map((option) => option.label)).toEqual([
      "10% of SkyLight's limit",
      "25% of SkyLight's limit",
      "50% of SkyLight's limit",
      "75% of SkyLight's limit",
      "90% of SkyLight's limit",
    ])

    shareSelect().vm.$emit('update:value', 25)
    await flushPromises()
    expect(shares()).toEqual([{ percent: 50 }, { percent: 25 }])
    expect(readPreferences().hydrationSharePercent).toBe(25)
  })
})
