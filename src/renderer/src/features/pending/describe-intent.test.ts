import { afterEach, describe, expect, it } from 'vitest'
import { setAppLocale } from '../../i18n'
import type { QueuedIntent } from '../../sync/outbox'
import { syncError } from '../../sync/sync-errors'
import { describeIntent, describeStatus, fieldErrors } from './describe-intent'

const base = { seq: 1, contactId: 7, status: 'pending', attempts: 0, createdAt: '2026-11-24T10:00:00Z' } as const
const intent = (extra: object) => ({ ...base, ...extra }) as unknown as QueuedIntent

afterEach(() => setAppLocale('en'))

describe('describing queued changes', () => {
  it('words each kind of change', () => {
    expect(describeIntent(intent({ kind: 'create', contactId: -1, fields: { name: 'Ada', type: 'instagram' } }))).toBe('Create Ada')
    expect(describeIntent(intent({ kind: 'update', changes: { type: 'telegram', email: 'a@b.co' }, base: {} }))).toBe('Change channel and email')
    expect(describeIntent(intent({ kind: 'tags', add: ['vip'], remove: ['old'] }))).toBe('Tag vip · untag old')
    expect(describeIntent(intent({ kind: 'setBlacklisted', blacklisted: false }))).toBe('Unblacklist')
    expect(describeIntent(intent({ kind: 'addNote', noteId: -1, content: 'x'.repeat(50) }))).toBe(`Note “${'x'.repeat(40)}…”`)
    expect(describeIntent(intent({ kind: 'addToSegment', segmentId: 4 }))).toBe('Add to segment #4')
  })

  it('says what state a change is in and what to do', () => {
    const now = Date.parse('2026-11-24T10:00:00Z')
    expect(describeStatus(intent({ kind: 'delete' }), now)).toEqual({ label: 'Waiting', tone: 'default', detail: null })
    expect(
      describeStatus(intent({ kind: 'delete', attempts: 2, notBefore: now + 4200, lastError: { kind: 'offline', message: 'No network.' } }), now),
    ).toEqual({ label: 'Retrying (2)', tone: 'info', detail: 'No network. Next try in 5 s.' })
    expect(describeStatus(intent({ kind: 'update', changes: { phone: '+14155550100' }, base: {}, after: [8] }), now).detail).toBe(
      'Goes once the changes to the contacts it follows (a merge) are through.',
    )
    expect(describeStatus(intent({ kind: 'delete', status: 'gone' }), now).label).toBe('Deleted on the server')
    expect(describeStatus(intent({ kind: 'delete', status: 'conflict' }), now).tone).toBe('warning')
  })

  it('lists the field errors of a refused change', () => {
    const refused = intent({
      kind: 'create',
      status: 'invalid',
      fields: { name: 'Ada', type: 'whatsapp', phone: '+14155550100' },
      lastError: { kind: 'validation', message: 'The given data was invalid.', fields: { phone: ['The phone has already been taken.'] } },
    })
    expect(fieldErrors(refused)).toEqual(['phone: The phone has already been taken.'])
    expect(fieldErrors(intent({ kind: 'delete' }))).toEqual([])
  })

  it('words changes and states in German and Russian, with each language’s plurals and lists', () => {
    const now = Date.parse('2026-11-24T10:00:00Z')
    const offline = intent({ kind: 'delete', attempts: 2, notBefore: now + 4200, lastError: syncError('offline', { code: 'noNetwork' }) })
    setAppLocale('de')
    expect(describeIntent(intent({ kind: 'update', changes: { type: 'telegram', email: 'a@b.co' }, base: {} }))).toBe('Kanal und E-Mail ändern')
    expect(describeIntent(intent({ kind: 'tags', add: ['vip'], remove: [] }))).toBe('Tag vip hinzufügen')
    expect(describeIntent(intent({ kind: 'tags', add: ['vip', 'messe'], remove: [] }))).toBe('Tags vip und messe hinzufügen')
    expect(describeStatus(offline, now)).toEqual({ label: 'Neuer Versuch (2)', tone: 'info', detail: 'Dieser Computer hat keine Netzwerkverbindung. Nächster Versuch in 5 s.' })
    setAppLocale('ru')
    expect(describeIntent(intent({ kind: 'tags', add: ['vip'], remove: [] }))).toBe('Добавить тег vip')
    expect(describeIntent(intent({ kind: 'tags', add: ['vip', 'b2b', 'москва'], remove: [] }))).toBe('Добавить теги vip, b2b и москва')
    expect(describeStatus(intent({ kind: 'delete', status: 'gone' }), now).label).toBe('Удалён на сервере')
  })
})
