// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { i18n, setAppLocale } from '../../i18n'
import { buildPreview } from './import-preview'
import { useImportStore } from './import-store'
import ImportDialog from './ImportDialog.vue'
import ImportPreviewStep from './ImportPreviewStep.vue'
import { emptyRecord, type SourceRecord } from './source-record'

let wrapper: VueWrapper | null = null
beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  setAppLocale('en')
})

const record = (row: number, name: string, phone: string, email: string | null = null): SourceRecord => ({
  ...emptyRecord(row),
  name: { value: name, column: 'Name' },
  phones: [{ value: phone, column: 'Handy', mobile: true }],
  emails: email ? [{ value: email, column: 'E-Mail' }] : [],
})

function showSummary(outcome: { created: number; merged: number; skipped: number; invalid: number }) {
  const store = useImportStore()
  store.stage = 'done'
  store.outcome = { ...outcome, gone: 0, tag: 'import-2026-03-04', stoppedBy: null }
  wrapper = mount(ImportDialog, { props: { show: true }, global: { plugins: [i18n] }, attachTo: document.body })
  return () => document.body.querySelector('[data-test="import-summary"]')?.textContent ?? ''
}

describe('the import screens in the user’s language', () => {
  it('shows an invalid row’s reason at its cell in German', async () => {
    setAppLocale('de')
    const store = useImportStore()
    store.preview = buildPreview([record(2, 'Anna Schmidt', '+49 171 1234567', 'anna@'), record(3, 'Ben', '+49 171 7654321')], { defaultCountry: 'DE', defaultChannel: 'whatsapp', importTag: '' }, [])
    store.stage = 'preview'
    wrapper = mount(ImportPreviewStep, { global: { plugins: [i18n] } })
    await nextTick()
    expect(wrapper.find('[data-test="import-row-invalid"] [data-test="import-issue"]').text()).toBe('Die E-Mail-Adresse ist ungültig.')
    expect(wrapper.find('[data-test="import-filter-invalid"]').text()).toBe('Nicht importiert 1')
    expect(wrapper.find('[data-test="import-row-invalid"]').text()).toContain('Siehe markierte Zelle')
  })

  it('sums the import up in German, the tag in bold inside its sentence', async () => {
    setAppLocale('de')
    const summary = showSummary({ created: 1, merged: 2, skipped: 3, invalid: 1 })
    await nextTick()
    expect(summary()).toContain('3 Kontakte importiert')
    expect(summary()).toContain('1 neuer Kontakt')
    expect(summary()).toContain('3 Duplikate übersprungen')
    expect(summary()).toContain('1 Zeile nicht importiert')
    expect(document.body.querySelector('[data-test="import-summary"] strong')?.textContent).toBe('import-2026-03-04')
    expect(summary()).toContain('Jeder hat den Tag import-2026-03-04.')
  })

  it('sums the import up with Russian plural forms', async () => {
    setAppLocale('ru')
    const summary = showSummary({ created: 21, merged: 1, skipped: 3, invalid: 5 })
    await nextTick()
    expect(summary()).toContain('22 контакта импортировано')
    expect(summary()).toContain('21 новый контакт')
    expect(summary()).toContain('1 существующий контакт получил теги и заметки из файла')
    expect(summary()).toContain('3 дубликата пропущено')
    expect(summary()).toContain('5 строк не импортировано')
  })

  it('sums the import up with Arabic plural forms', async () => {
    setAppLocale('ar')
    const summary = showSummary({ created: 2, merged: 0, skipped: 1, invalid: 0 })
    await nextTick()
    expect(summary()).toContain('تم استيراد جهتي اتصال')
    expect(summary()).toContain('جهتا اتصال جديدتان')
    expect(summary()).toContain('تم تخطي مكرر واحد')
  })
})
