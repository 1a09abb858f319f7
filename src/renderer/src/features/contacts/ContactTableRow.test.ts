// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { ContactRow } from '../../../../shared/contact'
import { i18n, setAppLocale } from '../../i18n'
import ContactTableRow from './ContactTableRow.vue'

const ana: ContactRow = { id: 7, name: 'Ana Souza', type: 'whatsapp', phone: '+447400675126', email: 'ana@example.com', blacklisted: true, tags: [] }

function label(row: ContactRow | undefined, pending = false): string | undefined {
  const wrapper = mount(ContactTableRow, { props: { index: 0, row, focused: false, selected: false, pending }, global: { plugins: [i18n] } })
  const found = wrapper.attributes('aria-label')
  wrapper.unmount()
  return found
}

afterEach(() => setAppLocale('en'))

describe('a row’s screen-reader name', () => {
  it('says the name, channel, phone, email and state in one sentence, leaving out what is unknown', () => {
    expect(label(ana, true)).toMatch(/^Ana Souza, WhatsApp, \+44 .+, ana@example\.com, blacklisted, not synced yet$/)
    expect(label({ id: 8, name: undefined, blacklisted: false, tags: [] })).toBe('Unnamed contact')
    expect(label({ id: 9, name: 'Bo', type: 'telegram', email: '', blacklisted: false, tags: [] })).toBe('Bo, Telegram')
    expect(label(undefined)).toBe('Loading contact')
  })

  it('speaks German, the channel staying a brand', () => {
    setAppLocale('de')
    expect(label({ ...ana, phone: undefined }, true)).toBe('Ana Souza, WhatsApp, ana@example.com, gesperrt, noch nicht synchronisiert')
    const wrapper = mount(ContactTableRow, { props: { index: 0, row: ana, focused: false, selected: false, pending: false }, global: { plugins: [i18n] } })
    expect(wrapper.text()).toContain('Gesperrt')
    wrapper.unmount()
  })

  it('speaks Arabic with its own comma', () => {
    setAppLocale('ar')
    expect(label({ ...ana, phone: undefined, email: undefined })).toBe('Ana Souza، WhatsApp، في القائمة السوداء')
    expect(label({ id: 8, name: undefined, blacklisted: false, tags: [] })).toBe('جهة اتصال بلا اسم')
  })
})

describe('a row found through its notes', () => {
  it('shows the note piece under the name with the searched words marked, and gives it to a screen reader', () => {
    const excerpt = { noteId: 3, text: '…asked for the price list', marks: [[15, 20]] as [number, number][] }
    const wrapper = mount(ContactTableRow, { props: { index: 4, row: ana, excerpt, focused: false, selected: false, pending: false }, global: { plugins: [i18n] } })
    const shown = wrapper.get('[data-test="note-excerpt"]')
    expect(shown.text()).toBe('…asked for the price list')
    expect(shown.findAll('mark').map((mark) => mark.text())).toEqual(['price'])
    expect(wrapper.attributes('aria-describedby')).toBe(shown.attributes('id'))
    wrapper.unmount()
    const plain = mount(ContactTableRow, { props: { index: 4, row: ana, focused: false, selected: false, pending: false }, global: { plugins: [i18n] } })
    expect(plain.find('[data-test="note-excerpt"]').exists()).toBe(false)
    expect(plain.attributes('aria-describedby')).toBeUndefined()
    plain.unmount()
  })
})
