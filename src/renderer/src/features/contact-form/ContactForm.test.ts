// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import type { ContactRow } from '../../../../shared/contact'
import ContactForm from './ContactForm.vue'
import { i18n, setAppLocale } from '../../i18n'

let wrapper: VueWrapper | null = null
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)))

function mountForm(props: Partial<InstanceType<typeof ContactForm>['$props']> = {}) {
  wrapper = mount(ContactForm, { props: { contact: null, knownTags: ['vip', 'fair'], ...props }, attachTo: document.body, global: { plugins: [i18n] } })
  return wrapper
}

const input = (field: string) => wrapper!.find(`[data-field="${field}"] input:not([tabindex="-1"])`)
const feedback = (field: string) => wrapper!.find(`[data-field="${field}"] .n-form-item-feedback-wrapper`).text()

async function type(field: string, text: string) {
  await input(field).setValue(text)
}

async function leave(field: string) {
  await input(field).trigger('blur')
}

beforeEach(() => localStorage.setItem('contactForm.defaultCountry', 'FR'))
afterEach(() => {
  setAppLocale('en')
  wrapper?.unmount()
  wrapper = null
  localStorage.clear()
})

describe('the contact form', () => {
  it('puts the cursor in the name field', async () => {
    mountForm()
    await flushPromises()
    await nextFrame()
    expect(document.activeElement).toBe(input('name').element)
  })

  it('shows a field error only once the field is left, then live', async () => {
    mountForm()
    await type('phone', '06 12')
    expect(feedback('phone')).toBe('')
    await leave('phone')
    expect(feedback('phone')).toBe('This number is too short (France): check for a missing or extra digit.')
    await type('phone', '06 12 34 56 78')
    expect(feedback('phone')).toBe('Will be saved as +33612345678.')
    await type('phone', '+33612345678')
    expect(feedback('phone')).toBe('')
  })

  it('shows every error on submit and emits nothing', async () => {
    mountForm()
    await wrapper!.find('[data-test="form-save"]').trigger('click')
    expect(feedback('name')).toBe('Enter a name.')
    expect(feedback('type')).toBe('Choose a channel: WhatsApp, Telegram, or Instagram.')
    expect(wrapper!.emitted('submit')).toBeUndefined()
    expect(document.activeElement).toBe(input('name').element)
  })

  it('asks for a phone once WhatsApp is chosen', async () => {
    mountForm()
    await type('name', 'Léa Martin')
    await wrapper!.find('input[type="radio"][value="whatsapp"]').setValue(true)
    await input('name').trigger('keydown', { key: 'Enter' })
    expect(feedback('phone')).toBe('A phone number is required for WhatsApp contacts.')
    expect(wrapper!.emitted('submit')).toBeUndefined()
  })

  it('submits a valid new contact with Enter, the phone in E.164', async () => {
    mountForm()
    await type('name', ' Léa Martin ')
    await wrapper!.find('input[type="radio"][value="telegram"]').setValue(true)
    await type('phone', '06 11 22 33 44')
    await type('email', 'lea@example.com')
    await input('email').trigger('keydown', { key: 'Enter' })
    expect(wrapper!.emitted('submit')).toEqual([
      [{ mode: 'create', fields: { name: 'Léa Martin', type: 'telegram', phone: '+33611223344', email: 'lea@example.com' } }],
    ])
  })

  it('submits only the changed fields of an edit, with Ctrl+Enter', async () => {
    const contact: ContactRow = { id: 9, name: 'Ada', type: 'instagram', phone: null, email: 'ada@example.com', tags: ['vip'] }
    mountForm({ contact })
    await type('email', '')
    await input('name').trigger('keydown', { key: 'Enter', ctrlKey: true })
    expect(wrapper!.emitted('submit')).toEqual([[{ mode: 'edit', id: 9, patch: { email: null } }]])
  })

  it('adds the tag being typed when Ctrl+Enter saves from the tags box', async () => {
    mountForm()
    await type('name', 'Léa')
    await wrapper!.find('input[type="radio"][value="instagram"]').setValue(true)
    const tags = wrapper!.find('[data-field="tags"] input')
    await tags.trigger('focus')
    await tags.setValue('trade fair')
    await tags.trigger('keydown', { key: 'Enter', ctrlKey: true })
    expect(wrapper!.emitted('submit')).toEqual([[{ mode: 'create', fields: { name: 'Léa', type: 'instagram', tags: ['trade fair'] } }]])
  })

  it('lets plain Enter in the tags box add a tag without saving', async () => {
    mountForm()
    const tags = wrapper!.find('[data-field="tags"] input')
    await tags.trigger('focus')
    await tags.setValue('vip')
    await tags.trigger('keydown', { key: 'Enter' })
    expect(wrapper!.emitted('submit')).toBeUndefined()
    expect(wrapper!.find('[data-field="tags"]').text()).toContain('vip')
  })

  it('cancels with Esc', async () => {
    mountForm()
    await input('email').trigger('keydown', { key: 'Escape' })
    expect(wrapper!.emitted('cancel')).toHaveLength(1)
  })

  it('shows a server refusal at its field until the field is edited', async () => {
    mountForm({ serverError: { kind: 'validation', message: 'Invalid.', fields: { phone: ['The phone has already been taken.'] } } })
    expect(feedback('phone')).toBe('The phone has already been taken.')
    expect(input('phone').attributes('aria-invalid')).toBe('true')
    await type('phone', '+33 6 11 22 33 44')
    expect(feedback('phone')).toBe('Will be saved as +33611223344.')
  })

  it('shows a refusal no field can hold above the form', async () => {
    mountForm({ serverError: { kind: 'not_found', message: 'This contact is no longer in the offline copy.' } })
    expect(wrapper!.find('[data-test="form-general"]').text()).toBe('This contact is no longer in the offline copy.')
  })

  it('speaks German: labels, the missing channel among the channels the German way, the country picker', async () => {
    setAppLocale('de')
    mountForm()
    expect(wrapper!.find('[data-field="name"] label').text()).toContain('Name')
    expect(wrapper!.find('[data-field="type"] label').text()).toContain('Kanal')
    expect(wrapper!.find('[data-test="form-save"]').text()).toBe('Kontakt anlegen')
    expect(wrapper!.find('[data-test="country-picker"] input').attributes('aria-label')).toBe('Land für Nummern ohne +')
    await wrapper!.find('[data-test="form-save"]').trigger('click')
    expect(feedback('name')).toBe('Geben Sie einen Namen ein.')
    expect(feedback('type')).toBe('Wählen Sie einen Kanal: WhatsApp, Telegram oder Instagram.')
    await wrapper!.find('input[type="radio"][value="telegram"]').setValue(true)
    expect(feedback('phone')).toBe('Für Telegram-Kontakte ist eine Telefonnummer erforderlich.')
  })
})
