import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../../shared/contact'
import { mergeRows } from '../../db/contacts-repo'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { queuedIntents } from '../../sync/outbox'
import { markSent } from '../../sync/outbox/test-support/queue-states'
import { undoStep } from '../bulk'
import { applyImport, IMPORT_CHUNK } from './import-apply'
import { chooseForRow, defaultChoices } from './import-choices'
import { planImport } from './import-plan'
import { createImportSession } from './import-session'

let db: ContactsDb
let accountId: string
beforeEach(async () => {
  accountId = `import-${randomUUID()}`
  db = await openAccountDatabase(accountId)
})
afterEach(() => db.close())

const anna: ContactRow = { id: 7, name: 'Anna Schmidt', phone: '+491711234567', email: null, type: 'whatsapp', status: 'active', blacklisted: false, tags: ['vip'] }
const bytes = (text: string) => new TextEncoder().encode(text)
const FILE = [
  'Vorname;Nachname;Handy;E-Mail;Kategorien;Notiz',
  'Zoë;Fairbanks;0171 2223334;zoe@example.de;fair;Met at booth 4',
  'Anna;Schmidt;0171 1234567;anna@example.de;fair;Came back on Friday',
  'Bad;Phone;12;;fair;',
].join('\r\n')

/** The file read and previewed as the worker does, against this test's mirror. */
async function previewOf(text: string) {
  const session = createImportSession(() => openAccountDatabase(accountId))
  const read = session.read(bytes(text), 'leads.csv')
  if (!read.ok) throw new Error(read.error.kind)
  const preview = await session.preview({ accountId, mapping: null, options: { defaultCountry: 'DE', defaultChannel: 'whatsapp', importTag: 'fair-2026' } })
  if (!preview.ok) throw new Error(preview.error.kind)
  return { summary: read.data, preview: preview.data }
}

describe('an import through the outbox', () => {
  it('creates the new rows with their notes, adds to the duplicate, leaves the invalid row out, and reports progress', async () => {
    await mergeRows(db, [anna])
    const { summary, preview } = await previewOf(FILE)
    expect(summary).toMatchObject({ format: 'csv', records: 4, delimiter: ';', mapping: { hasHeader: true } })
    expect(preview.counts).toEqual({ new: 1, duplicate: 1, invalid: 1 })
    const progress: number[] = []
    const result = await applyImport(db, planImport(preview, defaultChoices()), (done) => progress.push(done))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.data).toMatchObject({ created: 1, merged: 1, gone: 0, stoppedBy: null })
    expect(progress.at(-1)).toBe(2)

    const created = await db.contacts.where(':id').below(0).toArray()
    expect(created).toMatchObject([{ name: 'Zoë Fairbanks', phone: '+491712223334', email: 'zoe@example.de', tags: ['fair', 'fair-2026'] }])
    expect(await db.contacts.get(7)).toMatchObject({ email: 'anna@example.de', tags: ['vip', 'fair', 'fair-2026'] })
    const queued = await queuedIntents(db, null)
    expect(queued.map((row) => row.kind)).toEqual(['create', 'addNote', 'update', 'tags', 'addNote'])
    expect(queued[1]).toMatchObject({ contactId: created[0]!.id, content: 'Met at booth 4' })
  })

  it('is taken back in one step: unsent creates and their notes cancel, the contact added to is as it was', async () => {
    await mergeRows(db, [anna])
    const { preview } = await previewOf(FILE)
    const result = await applyImport(db, planImport(preview, defaultChoices()))
    if (!result.ok) throw new Error(result.error.message)
    const undone = await undoStep(db, result.data.step)
    expect(undone).toMatchObject({ ok: true, data: { dropped: 1, impossible: 0, gone: 0 } })
    expect(await db.contacts.where(':id').below(0).count()).toBe(0)
    expect(await db.contacts.get(7)).toEqual(anna)
    expect(await db.notes.where('contactId').equals(7).count()).toBe(0)
    // What is left in the queue is the created contact's delete, which the replayer cancels with its create.
    expect((await queuedIntents(db, null)).map((row) => row.kind)).toEqual(['create', 'addNote', 'delete'])
  })

  it('takes back what had synced with inverse intents, and says the synced note stays', async () => {
    await mergeRows(db, [anna])
    const { preview } = await previewOf(FILE)
    const result = await applyImport(db, planImport(preview, chooseForRow(defaultChoices(), 3, 'merge')))
    if (!result.ok) throw new Error(result.error.message)
    await markSent(db, [7])
    const undone = await undoStep(db, result.data.step)
    expect(undone).toMatchObject({ ok: true, data: { dropped: 0, inverted: 2, impossible: 1 } })
    const onAnna = (await queuedIntents(db, new Set([7]))).filter((row) => row.sentAt === undefined)
    expect(onAnna).toMatchObject([
      { kind: 'tags', add: [], remove: ['fair', 'fair-2026'] },
      { kind: 'update', changes: { email: null } },
    ])
  })

  it('leaves out the additions to a contact deleted while the preview was open', async () => {
    await mergeRows(db, [anna])
    const { preview } = await previewOf(FILE)
    await db.contacts.delete(7)
    const result = await applyImport(db, planImport(preview, defaultChoices()))
    expect(result).toMatchObject({ ok: true, data: { created: 1, merged: 0, gone: 1 } })
  })

  it(`queues thousands of contacts in chunks of ${IMPORT_CHUNK}, each with its notes`, async () => {
    const rows = Array.from({ length: 4_500 }, (_, i) => `Lead ${i};+4930${String(1_000_000 + i)};note ${i}`)
    const { preview } = await previewOf(['Name;Phone;Note', ...rows].join('\n'))
    const progress: number[] = []
    const result = await applyImport(db, planImport(preview, defaultChoices()), (done) => progress.push(done))
    expect(result).toMatchObject({ ok: true, data: { created: 4_500 } })
    expect(progress).toEqual([2_000, 4_000, 4_500, 4_500])
    expect(await db.contacts.count()).toBe(4_500)
    expect(await db.notes.count()).toBe(4_500)
  }, 60_000)
})

describe('a file the import refuses', () => {
  it.each([
    ['a word document', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'report.docx', 'binary'],
    ['a workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'leads.xlsx', 'spreadsheet'],
    ['a picture', new Uint8Array(Array.from({ length: 2000 }, (_, i) => (i * 7) % 256)), 'photo.png', 'binary'],
    ['a text without contacts', bytes('hello\nworld\n'), 'notes.txt', 'not_contacts'],
  ])('%s, with a clear message and nothing kept', async (_, content, name, kind) => {
    const session = createImportSession(() => openAccountDatabase(accountId))
    expect(session.read(content, name)).toMatchObject({ ok: false, error: { kind } })
    expect(await session.preview({ accountId, mapping: null, options: { defaultCountry: null, defaultChannel: 'whatsapp', importTag: '' } })).toMatchObject({ ok: false })
  })
})
