import { describe, expect, it } from 'vitest'
import type { Contact, ContactRow } from '../../../shared/contact'
import { isFullRow, mergeChangesNothing, mergeRow } from './merge'
import { aContact } from '../../../shared/test-support/contact-fixture'

const stored: ContactRow = {
  id: 7,
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: '+14155550100',
  type: 'whatsapp',
  tags: ['vip'],
  status: 'active',
}

describe('mergeRow', () => {
  it.each<[string, ContactRow, ContactRow]>([
    ['keeps a field the incoming row does not carry', { id: 7, name: 'Ada' }, { ...stored, name: 'Ada' }],
    ['overwrites a field the incoming row carries', { id: 7, email: 'new@example.com' }, { ...stored, email: 'new@example.com' }],
    ['lets an explicit null erase the stored value', { id: 7, email: null }, { ...stored, email: null }],
    ['treats an undefined field as absent', { id: 7, email: undefined, name: 'A' }, { ...stored, name: 'A' }],
    ['replaces arrays whole rather than merging them', { id: 7, tags: [] }, { ...stored, tags: [] }],
    ['overwrites false and empty values', { id: 7, blacklisted: false, name: '' }, { ...stored, blacklisted: false, name: '' }],
    ['adds fields the stored row did not know', { id: 7, last_message_at: '2026-03-04T10:00:00.000000Z' }, { ...stored, last_message_at: '2026-03-04T10:00:00.000000Z' }],
  ])('%s', (_name, incoming, expected) => {
    expect(mergeRow(stored, incoming)).toEqual(expected)
  })

  it('stores the incoming row as is when nothing is known yet, without undefined fields', () => {
    const merged = mergeRow(undefined, { id: 3, name: 'New', email: undefined })
    expect(merged).toEqual({ id: 3, name: 'New' })
    expect('email' in merged).toBe(false)
  })

  it('changes neither input', () => {
    const incoming: ContactRow = { id: 7, name: 'Other' }
    const before = structuredClone(stored)
    mergeRow(stored, incoming)
    expect(stored).toEqual(before)
    expect(incoming).toEqual({ id: 7, name: 'Other' })
  })
})

describe('mergeChangesNothing', () => {
  const stored: ContactRow = { id: 1, name: 'Ada', type: 'instagram', email: 'ada@example.com', blacklisted: false, tags: ['a', 'b'] }

  it('is true when every sent field equals what is stored, unknown fields aside', () => {
    expect(mergeChangesNothing(stored, { id: 1, name: 'Ada', type: 'instagram', blacklisted: false, tags: ['a', 'b'] })).toBe(true)
  })

  it('is false for any changed value, tag list, explicit null, or a row not stored yet', () => {
    expect(mergeChangesNothing(stored, { id: 1, name: 'Ada B' })).toBe(false)
    expect(mergeChangesNothing(stored, { id: 1, tags: ['b', 'a'] })).toBe(false)
    expect(mergeChangesNothing(stored, { id: 1, tags: ['a'] })).toBe(false)
    expect(mergeChangesNothing(stored, { id: 1, email: null })).toBe(false)
    expect(mergeChangesNothing(undefined, { id: 1, name: 'Ada' })).toBe(false)
  })
})

describe('isFullRow', () => {
  const full: Contact = aContact({ id: 1, name: 'A' })

  it('accepts a row with every field, nulls included', () => {
    expect(isFullRow(full)).toBe(true)
  })

  it('refuses a row missing any field', () => {
    const { email: _email, ...partial } = full
    expect(isFullRow(partial)).toBe(false)
  })
})
