import { describe, expect, it } from 'vitest'
import { CHANNEL_TYPES, channelNames, contactCreate, contactPatch, contactQuery, contactRow, needsPhone, noteContent, PHONE_CHANNELS } from './contact'

describe('channels as the user reads them', () => {
  it('names them in a sentence, and says which need a phone', () => {
    expect(channelNames(CHANNEL_TYPES, 'or')).toBe('WhatsApp, Telegram or Instagram')
    expect(channelNames(PHONE_CHANNELS, 'and')).toBe('WhatsApp and Telegram')
    expect(channelNames(['instagram'], 'and')).toBe('Instagram')
    expect(CHANNEL_TYPES.filter((type) => !needsPhone(type))).toEqual(['instagram'])
  })
})

describe('contactCreate', () => {
  it('accepts the reference example', () => {
    const input = { name: 'Sarah Johnson', phone: '+14155551234', type: 'whatsapp', tags: ['vip'] }
    expect(contactCreate.parse(input)).toEqual(input)
  })

  it.each([
    [{ type: 'whatsapp', phone: '+14155551234' }, 'name'],
    [{ name: '', type: 'instagram' }, 'name'],
    [{ name: 'x'.repeat(256), type: 'instagram' }, 'name'],
    [{ name: 'Ann' }, 'type'],
    [{ name: 'Ann', type: 'sms' }, 'type'],
    [{ name: 'Ann', type: 'whatsapp' }, 'phone'],
    [{ name: 'Ann', type: 'telegram' }, 'phone'],
    [{ name: 'Ann', type: 'whatsapp', phone: '4155551234' }, 'phone'],
    [{ name: 'Ann', type: 'whatsapp', phone: '+1415' }, 'phone'],
    [{ name: 'Ann', type: 'whatsapp', phone: '+1234567890123456' }, 'phone'],
    [{ name: 'Ann', type: 'instagram', email: 'not-an-email' }, 'email'],
    [{ name: 'Ann', type: 'instagram', tags: [''] }, 'tags.0'],
    [{ name: 'Ann', type: 'instagram', tags: ['x'.repeat(51)] }, 'tags.0'],
    [{ name: 'Ann', type: 'instagram', id: 3 }, ''],
  ])('refuses %j at %s', (input, path) => {
    const parsed = contactCreate.safeParse(input)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain(path)
  })

  it('lets an instagram contact go without a phone', () => {
    expect(contactCreate.safeParse({ name: 'Zoë', type: 'instagram' }).success).toBe(true)
  })
})

describe('contactPatch', () => {
  it('accepts any subset of fields and clearing phone or email', () => {
    expect(contactPatch.safeParse({}).success).toBe(true)
    expect(contactPatch.safeParse({ phone: null, email: null, status: 'inactive' }).success).toBe(true)
  })

  it('refuses unknown fields and bad values', () => {
    expect(contactPatch.safeParse({ blacklisted: true }).success).toBe(false)
    expect(contactPatch.safeParse({ name: '' }).success).toBe(false)
    expect(contactPatch.safeParse({ status: 'gone' }).success).toBe(false)
  })
})

describe('contactRow', () => {
  it('keeps a partial list row partial: absent fields stay absent', () => {
    const row = contactRow.parse({ id: 42, name: 'Sarah', phone: '+14155551234', type: 'whatsapp', blacklisted: false, tags: [] })
    expect('email' in row).toBe(false)
    expect('status' in row).toBe(false)
  })

  it('requires an id', () => {
    expect(contactRow.safeParse({ name: 'No id' }).success).toBe(false)
  })
})

describe('contactQuery and notes', () => {
  it('accepts every documented query parameter', () => {
    const query = { page: 2, per_page: 100, search: 'sarah', type: 'telegram', blacklisted: false, tag: 'vip' }
    expect(contactQuery.parse(query)).toEqual(query)
  })

  it('refuses unknown parameters and non-positive pages', () => {
    expect(contactQuery.safeParse({ updated_since: '2026-01-01' }).success).toBe(false)
    expect(contactQuery.safeParse({ page: 0 }).success).toBe(false)
  })

  it('bounds a note to 1-5000 characters', () => {
    expect(noteContent.safeParse('   ').success).toBe(false)
    expect(noteContent.safeParse('x'.repeat(5000)).success).toBe(true)
    expect(noteContent.safeParse('x'.repeat(5001)).success).toBe(false)
  })
})
