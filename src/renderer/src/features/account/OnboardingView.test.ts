// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { setBridge } from '../../bridge'
import { i18n, setAppLocale } from '../../i18n'
import { fakeBridge } from '../../test-support/fake-bridge'
import { useSessionStore } from './session-store'
import OnboardingView from './OnboardingView.vue'

let wrapper: VueWrapper | null = null
beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  setAppLocale('en')
})

describe('onboarding', () => {
  it('speaks Arabic, right to left, with the keys’ prefixes kept as code inside the sentence', async () => {
    setAppLocale('ar')
    wrapper = mount(OnboardingView, { global: { plugins: [i18n] } })
    expect(document.documentElement.dir).toBe('rtl')
    expect(wrapper.get('h1').text()).toBe('اربط حسابك في SkyLight')
    const lead = wrapper.get('.onboarding__lead')
    expect(lead.findAll('code').map((code) => code.text())).toEqual(['sk_live_', 'sk_test_'])
    expect(lead.text()).toContain('تبدأ المفاتيح بـ sk_live_ أو sk_test_.')
    expect(wrapper.get('[data-test="storage-note"]').text()).toContain('سلسلة مفاتيح نظام التشغيل')
    expect(wrapper.text()).toContain('جرّب ببيانات تجريبية')
  })

  it('names a refused key in the language, and switches with it', async () => {
    setBridge(fakeBridge({ 'auth.setKey': async () => ({ ok: false, error: { kind: 'validation', message: 'The key was refused.', fields: { apiKey: ['The key was refused.'] } } }) }))
    wrapper = mount(OnboardingView, { global: { plugins: [i18n] } })
    await useSessionStore().setKey('sk_live_wrong', 'https://skylight.example')
    await flushPromises()
    expect(wrapper.get('[data-test="onboarding-error"]').text()).toContain('Check the API key')
    setAppLocale('ar')
    await flushPromises()
    expect(wrapper.get('[data-test="onboarding-error"]').text()).toContain('تحقّق من مفتاح API')
    expect(wrapper.get('[data-test="storage-note"]').text()).not.toContain('The key')
  })
})
