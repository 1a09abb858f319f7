import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { listQueue } from '../../sync/outbox'
import { completeCreate, outboxStore } from '../../sync/outbox/test-support/queue-states'
import { initialValues, toSubmission } from './form-output'
import { saveContact } from './save-contact'
import { formErrorsOf } from './server-errors'

let db: ContactsDb
beforeEach(async () => {
  db = await openAccountDatabase(`save-contact-${randomUUID()}`)
  await db.contacts.put({ id: 5, name: 'Ada', type: 'whatsapp', phone: '+33612345678', email: null, tags: ['a'], blacklisted: false })
})
afterEach(() => db.close())

describe('saving a contact form through the outbox', () => {
  it('creates a contact under a temporary id, shown at once and queued', async () => {
    const saved = await saveContact(db, { mode: 'create', fields: { name: 'Léa', type: 'telegram', phone: '+33611223344', tags: ['fair'] } })
    expect(saved).toEqual({ ok: true, data: { contactId: -1, queued: 1 } })
    expect(await db.contacts.get(-1)).toMatchObject({ name: 'Léa', type: 'telegram', phone: '+33611223344', tags: ['fair'] })
    expect(await listQueue(db)).toMatchObject([{ kind: 'create', contactId: -1, status: 'pending' }])
  })

  it('queues an edit as an update with its base and tag changes, together', async () => {
    const row = (await db.contacts.get(5))!
    const form = toSubmission({ ...initialValues(row), email: 'ada@example.com', tags: ['vip'] }, row, { defaultCountry: 'FR' })
    if (!form.ok) throw new Error('the form should be valid')
    expect(await saveContact(db, form.submission)).toEqual({ ok: true, data: { contactId: 5, queued: 3 } })
    expect(await db.contacts.get(5)).toMatchObject({ email: 'ada@example.com', tags: ['vip'] })
    expect(await listQueue(db)).toMatchObject([
      { kind: 'update', changes: { email: 'ada@example.com' }, base: { email: null } },
      { kind: 'tags', add: ['vip'], remove: [] },
      { kind: 'tags', add: [], remove: ['a'] },
    ])
  })

  it('queues nothing for an edit that changes nothing', async () => {
    expect(await saveContact(db, { mode: 'edit', id: 5, patch: { name: 'Ada', phone: '+33612345678' } })).toEqual({ ok: true, data: { contactId: 5, queued: 0 } })
    expect(await listQueue(db)).toEqual([])
  })

  it('edits a contact created offline under the server id that replaced its temporary id', async () => {
    const created = await saveContact(db, { mode: 'create', fields: { name: 'Bo', type: 'instagram' } })
    const [queued] = await listQueue(db)
    await completeCreate(db, [queued.seq], -1, { id: 40, name: 'Bo', type: 'instagram' }, Date.now())
    expect(created).toMatchObject({ data: { contactId: -1 } })
    expect(await saveContact(db, { mode: 'edit', id: -1, patch: { name: 'Bo B' } })).toEqual({ ok: true, data: { contactId: 40, queued: 1 } })
    expect(await db.contacts.get(40)).toMatchObject({ name: 'Bo B' })
  })

  it('fixes a creation the server refused (422) and sends it again, rather than queueing an update', async () => {
    await saveContact(db, { mode: 'create', fields: { name: 'Léa', type: 'telegram', phone: '+33611223344' } })
    const [create] = await listQueue(db)
    await outboxStore(db).put({
      ...create,
      status: 'invalid',
      lastError: { kind: 'validation', message: 'The given data was invalid.', fields: { phone: ['The phone has already been taken.'] } },
    })
    const saved = await saveContact(db, { mode: 'edit', id: -1, patch: { phone: '+33699887766', email: 'lea@example.com' } })
    expect(saved).toEqual({ ok: true, data: { contactId: -1, queued: 1 } })
    expect(await listQueue(db)).toMatchObject([
      { kind: 'create', contactId: -1, status: 'pending', attempts: 0, fields: { name: 'Léa', type: 'telegram', phone: '+33699887766', email: 'lea@example.com' } },
    ])
    expect(await db.contacts.get(-1)).toMatchObject({ phone: '+33699887766', email: 'lea@example.com' })
  })

  it('says so when the contact left the offline copy', async () => {
    expect(await saveContact(db, { mode: 'edit', id: 99, patch: { name: 'X' } })).toMatchObject({ ok: false, error: { kind: 'not_found' } })
  })

  it('refuses what the outbox refuses, with errors the form places at the field', async () => {
    const refused = await saveContact(db, { mode: 'create', fields: { name: 'X', type: 'whatsapp' } })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(formErrorsOf(refused.error).fields).toEqual({ phone: 'Phone is required for whatsapp.' })
    expect(await listQueue(db)).toEqual([])
  })
})
