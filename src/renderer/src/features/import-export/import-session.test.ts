import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mergeRows } from '../../db/contacts-repo'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { createImportSession } from './import-session'

let accountId: string
let db: ContactsDb
/** Every opening of the mirror the session asked for. */
let opened: string[]
const openDb = (id: string) => {
  opened.push(id)
  return openAccountDatabase(id)
}
beforeEach(async () => {
  accountId = `session-${randomUUID()}`
  db = await openAccountDatabase(accountId)
  await mergeRows(db, [{ id: 1, name: 'Anna Schmidt', phone: '+491711234567', type: 'whatsapp', blacklisted: false, tags: [] }])
  opened = []
})
afterEach(() => db.close())

const csv = new TextEncoder().encode('Name;Handy\nAnna Schmidt;0171 1234567\nBen Meyer;0172 7654321\n')
const options = { defaultCountry: 'DE', defaultChannel: 'whatsapp', importTag: '' } as const

describe('the import session', () => {
  it('loads the mirror as soon as the file is read, and previews against that load', async () => {
    const session = createImportSession(openDb)
    expect(session.read(csv, 'leads.csv', undefined, accountId)).toMatchObject({ ok: true })
    expect(opened).toEqual([accountId])
    const preview = await session.preview({ accountId, mapping: null, options })
    expect(preview).toMatchObject({ ok: true, data: { counts: { new: 1, duplicate: 1, invalid: 0 } } })
    await session.preview({ accountId, mapping: null, options })
    expect(opened).toEqual([accountId])
  })

  it('reads the mirror again for the next file, and for another account', async () => {
    const session = createImportSession(openDb)
    session.read(csv, 'leads.csv', undefined, accountId)
    await session.preview({ accountId, mapping: null, options })
    await mergeRows(db, [{ id: 2, name: 'Ben Meyer', phone: '+491727654321', type: 'whatsapp', blacklisted: false, tags: [] }])
    session.read(csv, 'leads.csv')
    expect(await session.preview({ accountId, mapping: null, options })).toMatchObject({ ok: true, data: { counts: { new: 0, duplicate: 2 } } })
    const other = `session-${randomUUID()}`
    expect(await session.preview({ accountId: other, mapping: null, options })).toMatchObject({ ok: true, data: { counts: { new: 2, duplicate: 0 } } })
    expect(opened).toEqual([accountId, accountId, other])
  })

  it('tries the mirror again after a load that failed', async () => {
    let fail = true
    const session = createImportSession(async (id) => {
      opened.push(id)
      if (fail) throw new Error('blocked')
      return openAccountDatabase(id)
    })
    session.read(csv, 'leads.csv', undefined, accountId)
    await expect(session.preview({ accountId, mapping: null, options })).rejects.toThrow('blocked')
    fail = false
    expect(await session.preview({ accountId, mapping: null, options })).toMatchObject({ ok: true, data: { counts: { new: 1, duplicate: 1 } } })
    expect(opened).toEqual([accountId, accountId])
  })
})
