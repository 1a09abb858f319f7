import { describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../../shared/contact'
import { applyIntent, overlayIntents, retag } from './local-apply'
import { intentsForEdit } from './edit-intents'

const row: ContactRow = { id: 3, name: 'Ada', email: null, type: 'instagram', tags: ['a'], blacklisted: false }

describe('local effects of intents', () => {
  it('shows a create as a full new row under its temporary id', () => {
    expect(applyIntent(undefined, { kind: 'create', contactId: -2, fields: { name: 'New', type: 'whatsapp', phone: '+14155550100' } })).toEqual({
      id: -2,
      name: 'New',
      type: 'whatsapp',
      phone: '+14155550100',
      email: null,
      tags: [],
      status: 'active',
      blacklisted: false,
      last_message_at: null,
    })
  })

  it('re-applies queued edits over a pulled row and hides a queued delete', () => {
    const pulled: ContactRow = { id: 3, name: 'Server name', tags: ['a', 'b'], blacklisted: false }
    expect(
      overlayIntents(pulled, [
        { kind: 'update', contactId: 3, changes: { name: 'Mine' }, base: { name: 'Ada' } },
        { kind: 'tags', contactId: 3, add: ['c'], remove: ['a'] },
        { kind: 'setBlacklisted', contactId: 3, blacklisted: true },
      ]),
    ).toEqual({ id: 3, name: 'Mine', tags: ['b', 'c'], blacklisted: true })
    expect(overlayIntents(pulled, [{ kind: 'delete', contactId: 3 }])).toBeUndefined()
  })

  it('leaves unknown tags unknown', () => {
    expect(applyIntent({ id: 3 }, { kind: 'tags', contactId: 3, add: ['x'], remove: [] })).toEqual({ id: 3 })
    expect(retag(['a', 'b'], ['b', 'c'], ['a'])).toEqual(['b', 'c'])
  })

  it('splits a form edit into changed fields and tag additions and removals', () => {
    expect(intentsForEdit(row, { name: 'Ada', email: 'ada@example.com', tags: ['b'] })).toEqual([
      { kind: 'update', contactId: 3, changes: { email: 'ada@example.com' } },
      { kind: 'addTags', contactId: 3, tags: ['b'] },
      { kind: 'removeTags', contactId: 3, tags: ['a'] },
    ])
    expect(intentsForEdit(row, { name: 'Ada', tags: ['a'] })).toEqual([])
  })
})
