import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { jsonStringBytes } from '../../../../shared/json-weight'
import type { ContactRow } from '../../../../shared/contact'
import { ok } from '../../../../shared/result'
import { setBridge } from '../../bridge'
import { mergeRows } from '../../db/contacts-repo'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { fakeBridge, type CallLog } from '../../test-support/fake-bridge'
import { findDuplicateGroups } from '../duplicates'
import { runExport, type ExportKind } from './export-run'
import { EXPORT_CHUNK_TARGET } from './export-chunks'
import { CHUNKS_AHEAD, WRITES_IN_FLIGHT } from './export-protocol'
import { InProcessExportWorker } from './test-support/in-process-export-worker'
import { applyImport } from './import-apply'
import { defaultChoices } from './import-choices'
import { planImport } from './import-plan'
import { createImportSession } from './import-session'

let db: ContactsDb
let accountId: string
let log: CallLog
let file: string[]
let cancelled: boolean
let workers: InProcessExportWorker[]
/** Chunks the worker had sent but the page not yet written, at each write. */
let ahead: number[]
/** Writes main had received and not yet answered, at most. */
let mostWriting: number
beforeEach(async () => {
  mostWriting = 0
  let writing = 0
  workers = []
  ahead = []
  accountId = `export-${randomUUID()}`
  db = await openAccountDatabase(accountId)
  log = []
  file = []
  cancelled = false
  setBridge(
    fakeBridge(
      {
        'export.open': async ({ fileName }) => ok(cancelled ? null : { id: 'export-0001', fileName }),
        'export.write': async ({ at, text }) => {
          ahead.push(workers[0]!.chunksSent - file.length)
          expect(at).toBe(file.length)
          file.push(text)
          mostWriting = Math.max(mostWriting, ++writing)
          // Answered later, as a disk write would be: the page may send the next ones meanwhile.
          await new Promise((resolve) => setTimeout(resolve, 2))
          writing--
          return ok(null)
        },
        'export.finish': async () => ok({ path: '/home/rep/Documents/contacts.csv', bytes: new TextEncoder().encode(file.join('')).length }),
        'export.abort': async () => ok(null),
      },
      log,
    ),
  )
})
afterEach(() => {
  setBridge(null)
  db.close()
})

const contacts: ContactRow[] = [
  { id: 1, name: 'Anna Schmidt', phone: '+491711234567', email: 'anna@example.de', type: 'whatsapp', status: 'active', blacklisted: false, tags: ['vip', 'Messe 2026'] },
  { id: 2, name: 'Наталья Иванова', phone: '+79123456789', email: null, type: 'telegram', status: 'active', blacklisted: true, tags: [] },
  { id: 3, name: '王小明 😀', phone: '+8613912345678', email: null, type: 'whatsapp', status: 'active', blacklisted: false, tags: ['中国'] },
  { id: 4, name: 'Zoë Brontë', phone: null, email: 'zoe@example.co.uk', type: 'instagram', status: 'active', blacklisted: false, tags: ['uk'] },
  { id: 5, name: '=cmd|"/C calc"!A0', phone: '+14155550100', email: null, type: 'telegram', status: 'active', blacklisted: false, tags: ['-x'] },
]
const fields = ({ name, phone, email, type, tags }: ContactRow) => ({ name, phone: phone ?? null, email: email ?? null, type, tags })
const byName = (a: { name?: string }, b: { name?: string }) => (a.name ?? '').localeCompare(b.name ?? '')

async function exported(kind: ExportKind, ids: number[] | 'all' = 'all') {
  const result = await runExport(accountId, { ids, kind, notes: true, fileName: 'contacts.csv' }, { worker: InProcessExportWorker.factory(workers) })
  if (!result.ok || !result.data) throw new Error('no export')
  return { done: result.data, text: file.join('') }
}

describe('exporting through main', () => {
  it.each(['csv', 'vcard-4.0', 'vcard-3.0'] as const)('%s: export then import gives the same contacts and no duplicates', async (kind) => {
    await mergeRows(db, contacts)
    const { done, text } = await exported(kind)
    expect(done).toMatchObject({ count: 5, fileName: 'contacts.csv' })
    expect(log.map((call) => call.channel)).toEqual(['export.open', 'export.write', 'export.finish'])

    // Into an empty account: the same contacts, created once each.
    const fresh = `import-${randomUUID()}`
    const target = await openAccountDatabase(fresh)
    try {
      const session = createImportSession(() => openAccountDatabase(fresh))
      expect(session.read(new TextEncoder().encode(text), 'contacts')).toMatchObject({ ok: true })
      const preview = await session.preview({ accountId: fresh, mapping: null, options: { defaultCountry: null, defaultChannel: 'instagram', importTag: '' } })
      if (!preview.ok) throw new Error(preview.error.kind)
      expect(preview.data.counts).toEqual({ new: 5, duplicate: 0, invalid: 0 })
      await applyImport(target, planImport(preview.data, defaultChoices()))
      const imported = await target.contacts.toArray()
      expect(imported.map(fields).sort(byName)).toEqual(contacts.map(fields).sort(byName))
      expect(findDuplicateGroups(imported)).toEqual([])
    } finally {
      target.close()
    }

    // Into the account it came from: every row is a contact already here, nothing to create or change.
    const again = createImportSession(() => openAccountDatabase(accountId))
    again.read(new TextEncoder().encode(text), 'contacts')
    const preview = await again.preview({ accountId, mapping: null, options: { defaultCountry: null, defaultChannel: 'instagram', importTag: '' } })
    if (!preview.ok) throw new Error(preview.error.kind)
    expect(preview.data.counts).toEqual({ new: 0, duplicate: 5, invalid: 0 })
    expect(planImport(preview.data, defaultChoices())).toMatchObject({ creates: [], merges: [] })
  })

  it('writes the chosen contacts in the given order, with their notes oldest first', async () => {
    await mergeRows(db, contacts)
    await db.notes.bulkPut([
      { id: 2, contactId: 1, content: 'Second', created_at: '2026-02-01T00:00:00.000000Z' },
      { id: 1, contactId: 1, content: 'First', created_at: '2026-01-01T00:00:00.000000Z' },
    ])
    const { text } = await exported('csv', [4, 1])
    const lines = text.split('\r\n')
    expect(lines[0]).toBe('\ufeffName,Phone,Email,Channel,Status,Blacklisted,Tags,Notes')
    expect(lines[1]).toMatch(/^Zoë Brontë,/)
    expect(lines[2]).toMatch(/^Anna Schmidt,/)
    expect(text).toContain(`"First\n\nSecond"`)
  })

  it('sends many contacts in few chunks main accepts, a few writes in flight, the worker never more than a few ahead of them', async () => {
    const many = Array.from({ length: 20_000 }, (_, i): ContactRow => ({ id: i + 1, name: `Contact ${i} Ünïcødé 😀 "quoted"`, phone: `+4930${10_000_000 + i}`, email: null, type: 'whatsapp', tags: ['a', 'b'] }))
    await db.contacts.bulkPut(many)
    const progress: [number, number][] = []
    const result = await runExport(accountId, { ids: 'all', kind: 'vcard-4.0', notes: true, fileName: 'many.vcf' }, { worker: InProcessExportWorker.factory(workers), onProgress: (done, total) => progress.push([done, total]) })
    if (!result.ok || !result.data) throw new Error('no export')
    expect(result.data.count).toBe(20_000)
    const text = file.join('')
    expect(text.match(/BEGIN:VCARD/g)).toHaveLength(20_000)
    // Each chunk fits the browser host's body cap as JSON, and is nearly as big as aimed at (cut between slices of 1,000 contacts): ~5 MB in ~12 calls, not 40.
    expect(file.every((chunk) => jsonStringBytes(chunk) <= EXPORT_CHUNK_TARGET)).toBe(true)
    expect(file.length).toBeLessThanOrEqual(Math.ceil(jsonStringBytes(text) / EXPORT_CHUNK_TARGET) + 2)
    expect(Math.max(...ahead)).toBeLessThanOrEqual(CHUNKS_AHEAD)
    expect(mostWriting).toBe(WRITES_IN_FLIGHT)
    expect(progress.at(-1)).toEqual([20_000, 20_000])
    expect(progress.map(([done]) => done)).toEqual(progress.map(([done]) => done).sort((a, b) => a - b))
  }, 60_000)

  it('writes nothing when the save dialog is cancelled, and drops the file when stopped', async () => {
    await mergeRows(db, contacts)
    cancelled = true
    expect(await runExport(accountId, { ids: 'all', kind: 'csv', notes: false, fileName: 'x.csv' }, { worker: InProcessExportWorker.factory(workers) })).toEqual({ ok: true, data: null })
    expect(log.map((call) => call.channel)).toEqual(['export.open'])
    cancelled = false
    const stop = new AbortController()
    stop.abort()
    expect(await runExport(accountId, { ids: 'all', kind: 'csv', notes: false, fileName: 'x.csv' }, { signal: stop.signal, worker: InProcessExportWorker.factory(workers) })).toEqual({
      ok: true,
      data: null,
    })
    expect(log.map((call) => call.channel)).toEqual(['export.open', 'export.open', 'export.abort'])
    expect(workers.every((worker) => worker.terminated)).toBe(true)
  })

  it('drops the file when the worker cannot read the mirror, and says why', async () => {
    const broken = InProcessExportWorker.factory(workers, async () => {
      throw new Error('The mirror could not be opened.')
    })
    const result = await runExport(accountId, { ids: 'all', kind: 'csv', notes: false, fileName: 'x.csv' }, { worker: broken })
    expect(result).toEqual({ ok: false, error: { kind: 'internal', message: 'The mirror could not be opened.' } })
    expect(log.map((call) => call.channel)).toEqual(['export.open', 'export.abort'])
    expect(file).toEqual([])
  })

})
