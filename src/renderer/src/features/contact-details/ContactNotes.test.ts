// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { setBridge } from '../../bridge'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { fakeBridge } from '../../test-support/fake-bridge'
import ContactNotes from './ContactNotes.vue'
import { i18n, setAppLocale } from '../../i18n'

let db: ContactsDb
let wrapper: VueWrapper | null = null

/** liveQuery answers after IndexedDB does, a few ticks later. */
async function settled(check: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10))
  await flushPromises()
}

beforeEach(async () => {
  db = await openAccountDatabase(`contact-notes-${randomUUID()}`)
  await db.contacts.put({ id: 4, name: 'Ada', type: 'instagram', tags: [] })
  await db.notes.put({ id: 10, contactId: 4, content: 'Met at the fair', created_at: '2024-03-01T10:00:00.000000Z' })
  setBridge(fakeBridge({ 'notes.list': async () => ({ ok: false, error: { kind: 'offline', message: 'SkyLight cannot be reached.' } }) }))
})
afterEach(() => {
  setAppLocale('en')
  wrapper?.unmount()
  wrapper = null
  setBridge(null)
  db.close()
})

const notes = () => wrapper!.findAll('[data-test="note"]').map((note) => note.text())

describe('the notes panel', () => {
  it('shows the offline copy when the server cannot be reached, and says so', async () => {
    wrapper = mount(ContactNotes, { props: { db, contactId: 4 }, global: { plugins: [i18n] } })
    await settled(() => notes().length > 0 && wrapper!.text().includes('cannot be reached'))
    expect(notes()).toEqual([expect.stringContaining('Met at the fair')])
    expect(wrapper.find('[role="status"]').text()).toBe('Notes saved on this computer are shown. SkyLight cannot be reached.')
  })

  it('adds a note with Ctrl+Enter, shown first and marked not synced yet', async () => {
    wrapper = mount(ContactNotes, { props: { db, contactId: 4 }, global: { plugins: [i18n] } })
    const draft = wrapper.find('[data-test="note-draft"] textarea')
    await draft.setValue('Called back')
    await draft.trigger('keydown', { key: 'Enter', ctrlKey: true })
    await settled(() => notes().length === 2)
    expect(notes()[0]).toContain('Called back')
    expect(notes()[0]).toContain('Not synced yet')
    expect((draft.element as HTMLTextAreaElement).value).toBe('')
  })

  it('refuses a note over 5,000 characters with a clear sentence', async () => {
    wrapper = mount(ContactNotes, { props: { db, contactId: 4 }, global: { plugins: [i18n] } })
    const draft = wrapper.find('[data-test="note-draft"] textarea')
    await draft.setValue('x'.repeat(5001))
    await draft.trigger('keydown', { key: 'Enter', metaKey: true })
    await settled(() => wrapper!.find('[role="alert"]').exists())
    expect(wrapper.find('[role="alert"]').text()).toBe('A note has at most 5,000 characters.')
    expect(await db.outbox.count()).toBe(0)
  })

  it('speaks German: the panel, and the shared rule refusing a long note', async () => {
    setAppLocale('de')
    wrapper = mount(ContactNotes, { props: { db, contactId: 4 }, global: { plugins: [i18n] } })
    expect(wrapper.find('h3').text()).toBe('Notizen')
    expect(wrapper.find('[data-test="note-add"]').text()).toBe('Notiz hinzufügen')
    const draft = wrapper.find('[data-test="note-draft"] textarea')
    await draft.setValue('x'.repeat(5001))
    await draft.trigger('keydown', { key: 'Enter', ctrlKey: true })
    await settled(() => wrapper!.find('[role="alert"]').exists())
    expect(wrapper.find('[role="alert"]').text()).toBe('Eine Notiz hat höchstens 5.000 Zeichen.')
  })

  it('speaks Arabic: an empty note is refused in Arabic', async () => {
    setAppLocale('ar')
    wrapper = mount(ContactNotes, { props: { db, contactId: 4 }, global: { plugins: [i18n] } })
    const draft = wrapper.find('[data-test="note-draft"] textarea')
    await draft.setValue('   ')
    await draft.trigger('keydown', { key: 'Enter', ctrlKey: true })
    await settled(() => wrapper!.find('[role="alert"]').exists())
    expect(wrapper.find('[role="alert"]').text()).toBe('لا يمكن أن تكون الملاحظة فارغة.')
    expect(wrapper.find('h3').text()).toBe('الملاحظات')
  })
})
