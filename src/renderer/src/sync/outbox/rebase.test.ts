import { describe, expect, it } from 'vitest'
import type { Contact } from '../../../../shared/contact'
import { needsToggle, planTags, planUpdate } from './rebase'

const server: Contact = {
  id: 7,
  name: 'Theirs',
  email: 'same@example.com',
  phone: null,
  type: 'instagram',
  status: 'active',
  blacklisted: false,
  tags: ['a', 'b'],
  last_message_at: null,
  created_at: '2026-03-04T10:00:00.000000Z',
  updated_at: '2026-03-04T10:00:00.000000Z',
}

describe('rebasing an update on the server', () => {
  it.each([
    { rule: 'sends a field the server still has at its base', changes: { name: 'Mine' }, base: { name: 'Theirs' }, patch: { name: 'Mine' }, conflicts: [] },
    { rule: 'sends a field whose base was unknown', changes: { name: 'Mine' }, base: {}, patch: { name: 'Mine' }, conflicts: [] },
    { rule: 'skips a field the server already holds', changes: { email: 'same@example.com' }, base: { email: null }, patch: {}, conflicts: [] },
    {
      rule: 'reports a field changed on both sides as a conflict',
      changes: { name: 'Mine' },
      base: { name: 'Old' },
      patch: {},
      conflicts: [{ field: 'name', base: 'Old', mine: 'Mine', theirs: 'Theirs' }],
    },
    { rule: 'treats null as a value', changes: { phone: '+14155550100' }, base: { phone: null }, patch: { phone: '+14155550100' }, conflicts: [] },
  ])('$rule', ({ changes, base, patch, conflicts }) => {
    expect(planUpdate(changes, base, server)).toEqual({ patch, conflicts })
  })
})

describe('rebasing tags and blacklist', () => {
  it.each([
    { add: ['c'], remove: [], expected: ['a', 'b', 'c'] },
    { add: [], remove: ['a'], expected: ['b'] },
    { add: ['a'], remove: ['z'], expected: null },
    { add: ['c'], remove: ['b'], expected: ['a', 'c'] },
  ])('puts server tags ∪ $add − $remove', ({ add, remove, expected }) => {
    expect(planTags(add, remove, server.tags)).toEqual(expected)
  })

  it('toggles the blacklist only when the server differs from the wanted state', () => {
    expect(needsToggle(true, { blacklisted: false })).toBe(true)
    expect(needsToggle(true, { blacklisted: true })).toBe(false)
    expect(needsToggle(false, { blacklisted: false })).toBe(false)
  })
})
