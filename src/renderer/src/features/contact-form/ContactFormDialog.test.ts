// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { enqueue, type QueuedIntent } from '../../sync/outbox'
import { outboxStore } from '../../sync/outbox/test-support/queue-states'
import { useWorkspaceStore } from '../../workspace/workspace-store'
import type { Workspace } from '../../workspace/workspace'
import ContactForm from './ContactForm.vue'
import ContactFormDialog from './ContactFormDialog.vue'
import { i18n } from '../../i18n'

let db: ContactsDb
let wrapper: VueWrapper | null = null

beforeEach(async () => {
  setActivePinia(createPinia())
  db = await openAccountDatabase(`form-dialog-${randomUUID()}`)
  localStorage.setItem('contactForm.defaultCountry', 'FR')
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  db.close()
  localStorage.clear()
})

function openDialog() {
  wrapper = mount(ContactFormDialog, { props: { show: true, contact: null, knownTags: [] }, attachTo: document.body, global: { plugins: [i18n] } })
  return wrapper.findComponent(ContactForm)
}

async function fillAndSave(form: ReturnType<typeof openDialog>) {
  await form.find('[data-field="name"] input').setValue('Léa Martin')
  await form.find('input[type="radio"][value="whatsapp"]').setValue(true)
  await form.find('[data-field="phone"] input:not([tabindex="-1"]):not([aria-label^="Country"])').setValue('06 11 22 33 44')
  await form.find('[data-test="form-save"]').trigger('click')
  // The save runs through IndexedDB: wait for its outcome, a saved event or a message.
  for (let i = 0; i < 50 && !wrapper!.emitted('saved') && !form.find('[data-test="form-general"]').exists(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10))
    await flushPromises()
  }
}

describe('the contact form dialog', () => {
  it('saves a new contact into the open account, shown at once and queued', async () => {
    useWorkspaceStore().current = { accountId: 'a', db } as unknown as Workspace
    await fillAndSave(openDialog())
    expect(wrapper!.emitted('saved')).toEqual([[-1]])
    expect(await db.contacts.get(-1)).toMatchObject({ name: 'Léa Martin', type: 'whatsapp', phone: '+33611223344' })
    expect(await outboxStore(db).count()).toBe(1)
  })

  it('says so above the form when no account is open, and loses nothing typed', async () => {
    const form = openDialog()
    await fillAndSave(form)
    expect(wrapper!.emitted('saved')).toBeUndefined()
    expect(form.find('[data-test="form-general"]').text()).toBe('No account is open: sign in again, then save.')
    expect((form.find('[data-field="name"] input').element as HTMLInputElement).value).toBe('Léa Martin')
  })

  it('shows the server\'s refusal of a queued create at its field when the contact is edited', async () => {
    useWorkspaceStore().current = { accountId: 'a', db } as unknown as Workspace
    const queued = await enqueue(db, { kind: 'create', fields: { name: 'Dora', type: 'whatsapp', phone: '+33611223344' } })
    if (!queued.ok) throw new Error(queued.error.message)
    const [row] = (await outboxStore(db).toArray()) as QueuedIntent[]
    const refusal = { kind: 'validation' as const, message: 'The phone has already been taken.', fields: { phone: ['The phone has already been taken.'] } }
    await outboxStore(db).put({ ...row!, status: 'invalid', lastError: refusal })
    const contact = (await db.contacts.get(-1))!
    wrapper = mount(ContactFormDialog, { props: { show: true, contact, knownTags: [] }, attachTo: document.body, global: { plugins: [i18n] } })
    const phoneFeedback = () => wrapper!.findComponent(ContactForm).find('[data-field="phone"]').text()
    for (let i = 0; i < 50 && !phoneFeedback().includes('already been taken'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10))
      await flushPromises()
    }
    expect(phoneFeedback()).toContain('The phone has already been taken.')
  })
})
