// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { NMessageProvider } from 'naive-ui'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { ContactRow } from '../../../../shared/contact'
import { i18n, setAppLocale } from '../../i18n'
import { useDuplicatesStore } from './duplicates-store'
import DuplicatesDialog from './DuplicatesDialog.vue'

const grace: ContactRow = { id: 1, name: 'Grace Hopper', type: 'instagram', phone: null, email: 'grace@example.com', status: 'active', blacklisted: false, tags: ['vip'] }
const hopper: ContactRow = { id: 2, name: 'G. Hopper', type: 'whatsapp', phone: '+14155550100', email: 'grace@example.com', status: 'inactive', blacklisted: true, tags: [] }

let pinia: Pinia
let wrapper: VueWrapper | null = null
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
})
afterEach(() => {
  setAppLocale('en')
  wrapper?.unmount()
  wrapper = null
})

/** The screen after a scan found one group among 1,234 contacts (the scan itself runs in a worker). */
async function showGroup(): Promise<void> {
  const store = useDuplicatesStore()
  store.rows = new Map([grace, hopper].map((row) => [row.id, row]))
  store.scanned = 1234
  store.groups = [{ ids: [1, 2], reason: 'email', links: [{ a: 1, b: 2, reason: 'email', value: 'grace@example.com' }] }]
  const Host = defineComponent(() => () => h(NMessageProvider, null, () => h(DuplicatesDialog, { show: true, accountId: null, db: null })))
  wrapper = mount(Host, { attachTo: document.body, global: { plugins: [pinia, i18n] } })
  await nextTick()
}

const text = (test: string) => document.querySelector(`[data-test="${test}"]`)?.textContent?.trim()

describe('the duplicates screen', () => {
  it('says why a group looks like one person, in English as before', async () => {
    await showGroup()
    expect(text('duplicate-why')).toBe('Same email: grace@example.com')
    expect(text('duplicates-count')).toBe('1 group among 1,234 contacts')
    expect(text('duplicate-merge')).toBe('Merge 2 into one')
  })

  it('speaks German: the reason from its code, the plural agreeing with the numbers, the survivor’s problem', async () => {
    setAppLocale('de')
    await showGroup()
    expect(text('duplicate-why')).toBe('Gleiche E-Mail: grace@example.com')
    expect(document.querySelector('.dups__reason')?.textContent).toBe('Gleiche E-Mail')
    expect(text('duplicates-count')).toBe('1 Gruppe unter 1.234 Kontakten')
    expect(text('duplicate-result-status')).toBe('Inaktiv')
    useDuplicatesStore().keep('type', 2)
    useDuplicatesStore().keep('phone', 1)
    await nextTick()
    expect(text('duplicate-problem')).toBe('WhatsApp braucht eine Telefonnummer: Behalten Sie eine Telefonnummer oder einen anderen Kanal.')
  })

  it('speaks Russian: the group’s size agrees with its count', async () => {
    setAppLocale('ru')
    await showGroup()
    expect(document.querySelector('.dups__group-why')?.textContent).toContain('2 контакта')
    expect(text('duplicates-count')).toBe('1 группа среди 1\u00a0234 контактов')
  })

  it('words a failed scan in the user’s language, the technical words kept apart under a disclosure', async () => {
    setAppLocale('de')
    const store = useDuplicatesStore()
    store.scanFailure = { code: 'readFailed', detail: 'DatabaseClosedError: Database has been closed' }
    const Host = defineComponent(() => () => h(NMessageProvider, null, () => h(DuplicatesDialog, { show: true, accountId: null, db: null })))
    wrapper = mount(Host, { attachTo: document.body, global: { plugins: [pinia, i18n] } })
    await nextTick()
    expect(text('duplicates-error')).toBe(
      'Die Offline-Kopie Ihrer Kontakte konnte für den Vergleich nicht gelesen werden. Schließen Sie dieses Fenster und versuchen Sie es erneut.',
    )
    const detail = document.querySelector('[data-test="duplicates-error-detail"]')
    expect(detail?.querySelector('summary')?.textContent).toBe('Technische Details')
    expect(detail?.querySelector('code')?.textContent).toBe('DatabaseClosedError: Database has been closed')
    setAppLocale('en')
    await nextTick()
    expect(text('duplicates-error')).toBe('Your contacts could not be read from the offline copy to compare them. Close this screen and try again.')
  })
})
