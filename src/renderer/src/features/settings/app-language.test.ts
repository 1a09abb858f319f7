// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { effectScope, type EffectScope } from 'vue'
import type { AppInfo } from '../../../../shared/contract'
import { setBridge } from '../../bridge'
import { currentLocale, setAppLocale } from '../../i18n'
import { fakeBridge } from '../../test-support/fake-bridge'
import { useAppLanguage } from './app-language'
import { usePreferencesStore } from './preferences-store'

const info = (languages: string[]): AppInfo => ({ version: '1.0.0', selfUpdating: false, offlineCopy: null, logs: '/logs', languages })

let scope: EffectScope
beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  scope = effectScope()
})
afterEach(() => {
  scope.stop()
  setBridge(null)
  vi.restoreAllMocks()
  setAppLocale('en')
})

describe('the app’s language', () => {
  it('takes main’s languages first, then the browser’s, and the user’s choice over both', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['ru-RU', 'en-US'])
    setBridge(fakeBridge({ 'app.info': async () => ({ ok: true, data: info(['de-AT']) }) }))
    const locale = scope.run(() => useAppLanguage())!
    // Before main answers, the browser's list speaks.
    expect(locale.value).toBe('ru')
    await flushPromises()
    expect(locale.value).toBe('de')
    expect([currentLocale.value, document.documentElement.lang]).toEqual(['de', 'de'])

    usePreferencesStore().set('language', 'ar')
    await flushPromises()
    expect(locale.value).toBe('ar')
    expect(document.documentElement.dir).toBe('rtl')
    usePreferencesStore().set('language', 'system')
    await flushPromises()
    expect(locale.value).toBe('de')
  })

  it('falls back to the browser’s languages when main knows none, and to English when none is spoken here', async () => {
    const languages = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['pt-BR'])
    setBridge(fakeBridge({ 'app.info': async () => ({ ok: true, data: info([]) }) }))
    const locale = scope.run(() => useAppLanguage())!
    await flushPromises()
    expect(locale.value).toBe('pt-BR')
    scope.stop()

    languages.mockReturnValue(['ja-JP'])
    setActivePinia(createPinia())
    scope = effectScope()
    expect(scope.run(() => useAppLanguage())!.value).toBe('en')
  })
})
