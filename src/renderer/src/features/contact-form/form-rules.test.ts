import { describe, expect, it } from 'vitest'
import { checkForm, type ContactFormValues } from './form-rules'

const valid: ContactFormValues = { name: 'Sarah Johnson', type: 'whatsapp', phone: '+14155551234', email: 'sarah@example.com', tags: ['vip'] }
const context = { defaultCountry: 'US' as const }

describe('checking a contact form as the user types', () => {
  it('accepts a complete, valid contact', () => {
    expect(checkForm(valid, context)).toEqual({ errors: {}, phone: { status: 'ok', e164: '+14155551234' }, tags: ['vip'] })
  })

  it.each([
    ['an empty name', { name: '   ' }, 'name', 'Enter a name.'],
    ['a name over 255 characters', { name: 'a'.repeat(256) }, 'name', 'The name is 256 characters long; the limit is 255.'],
    ['no channel', { type: null }, 'type', 'Choose a channel: WhatsApp, Telegram, or Instagram.'],
    ['no phone for WhatsApp', { phone: '' }, 'phone', 'A phone number is required for WhatsApp contacts.'],
    ['no phone for Telegram', { type: 'telegram', phone: ' ' }, 'phone', 'A phone number is required for Telegram contacts.'],
    ['a phone too short', { phone: '415 555' }, 'phone', 'This number is too short (United States): check for a missing or extra digit.'],
    ['an email without domain', { email: 'sarah@' }, 'email', 'Enter a valid email address, like name@example.com.'],
    ['an email with spaces inside', { email: 'sarah j@example.com' }, 'email', 'Enter a valid email address, like name@example.com.'],
    ['a tag over 50 characters', { tags: ['x'.repeat(51)] }, 'tags', 'The tag “xxxxxxxxxxxxxxxxxxxx…” is too long: a tag has at most 50 characters.'],
  ] as const)('refuses %s at its field', (_, change, field, message) => {
    expect(checkForm({ ...valid, ...change } as ContactFormValues, context).errors).toEqual({ [field]: message })
  })

  it('lets an Instagram contact have no phone and no email', () => {
    expect(checkForm({ ...valid, type: 'instagram', phone: '', email: '' }, context).errors).toEqual({})
  })

  it('accepts a 255-character name once trimmed', () => {
    expect(checkForm({ ...valid, name: ` ${'a'.repeat(255)} ` }, context).errors).toEqual({})
  })

  it('trims tags, drops empty ones and repeats', () => {
    expect(checkForm({ ...valid, tags: [' vip', 'vip ', '', 'fair 2026', '  '] }, context).tags).toEqual(['vip', 'fair 2026'])
  })

  it('reads a local number with the default country and shows the E.164 it will save', () => {
    expect(checkForm({ ...valid, phone: '06 12 34 56 78' }, { defaultCountry: 'FR' }).phone).toEqual({ status: 'ok', e164: '+33612345678' })
  })

  it('keeps the phone a contact already has without checking it again', () => {
    const saved = '+19995551234'
    expect(checkForm({ ...valid, phone: saved }, { ...context, savedPhone: saved }).phone).toEqual({ status: 'ok', e164: saved })
  })

  it('reports every wrong field at once', () => {
    expect(Object.keys(checkForm({ name: '', type: null, phone: 'abc', email: 'x', tags: [] }, context).errors)).toEqual(['name', 'type', 'phone', 'email'])
  })
})
