import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CHANNEL_TYPES, type ContactRow } from '../../../../shared/contact'
import type { CandidateOptions } from './candidate'
import { csvExport } from './csv-export'
import type { ExportSlice } from './export-slices'
import { defaultChoices } from './import-choices'
import { planImport } from './import-plan'
import { buildPreview } from './import-preview'
import { readImportFile, recordsOf } from './read-import-file'
import { vcardExport } from './vcard-export'
import { readOkData } from './test-support/read-ok'

/** No default country: every exported phone is E.164 and must read back as itself. No import tag: nothing new to add. */
const options: CandidateOptions = { defaultCountry: null, defaultChannel: 'instagram', importTag: '' }

const contacts: ContactRow[] = [
  { id: 1, name: 'Anna Schmidt', phone: '+491711234567', email: 'anna@example.de', type: 'whatsapp', status: 'active', blacklisted: false, tags: ['vip', 'Messe 2026'] },
  { id: 2, name: 'Наталья Иванова', phone: '+79123456789', email: null, type: 'telegram', status: 'active', blacklisted: true, tags: [] },
  { id: 3, name: 'محمد العلي', phone: '+971501234567', email: 'm@example.ae', type: 'whatsapp', status: 'inactive', blacklisted: false, tags: ['عميل'] },
  { id: 4, name: '王小明', phone: '+8613912345678', email: null, type: 'whatsapp', status: 'active', blacklisted: false, tags: ['中国'] },
  { id: 5, name: 'Zoë Brontë', phone: null, email: 'zoe@example.co.uk', type: 'instagram', status: 'active', blacklisted: false, tags: ['uk'] },
  { id: 6, name: '=cmd|"/C calc"!A0', phone: '+14155550100', email: null, type: 'telegram', status: 'active', blacklisted: false, tags: ['-x', '@y'] },
  { id: 7, name: "O'Brien; \"Jack\", Jr.", phone: '+353871234567', email: 'jack@example.ie', type: 'whatsapp', status: 'active', blacklisted: false, tags: ['ireland'] },
]

const fileOf = (slices: Iterable<ExportSlice>) => new TextEncoder().encode([...slices].map((s) => s.text).join(''))

function reimport(bytes: Uint8Array, existing: ContactRow[]) {
  return buildPreview(recordsOf(readOkData(readImportFile(bytes))), options, existing)
}

const asCreated = (c: ContactRow) => ({ name: c.name, type: c.type, phone: c.phone ?? null, email: c.email ?? null, tags: c.tags, note: null })

const formats = {
  'CSV': (list: ContactRow[]) => csvExport(list),
  'CSV with semicolons': (list: ContactRow[]) => csvExport(list, { delimiter: ';' }),
  'vCard 4.0': (list: ContactRow[]) => vcardExport(list),
  'vCard 3.0': (list: ContactRow[]) => vcardExport(list, { version: '3.0' }),
}

describe.each(Object.entries(formats))('export then import (%s)', (_, exportOf) => {
  it('gives back the same contacts, each found as a duplicate of itself, with nothing to create or change', () => {
    const preview = reimport(fileOf(exportOf(contacts)), contacts)
    expect(preview.rows.map((row) => row.candidate.draft)).toEqual(contacts.map(asCreated))
    expect(preview.rows.map((row) => (row.status === 'duplicate' && row.target.kind === 'existing' ? row.target.contact.id : row.status))).toEqual(contacts.map((c) => c.id))
    const plan = planImport(preview, defaultChoices())
    expect(plan).toEqual({ creates: [], merges: [], rows: { created: [], merged: preview.rows.map((row) => row.candidate.row), skipped: [], invalid: [] } })
  })

  it('gives back any contact (property)', () => {
    const word = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).map((w) => w.replace(/[\s,;:]/gu, '')).filter((w) => w.length > 0)
    const contact = fc.record({
      name: fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' ')).filter((n) => n.length <= 255),
      phone: fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => `+4915${n}`),
      email: fc.option(fc.constantFrom('a@example.de', 'B.c@example.com'), { nil: null }),
      type: fc.constantFrom(...CHANNEL_TYPES),
      tags: fc.uniqueArray(word.filter((w) => w.length <= 50), { maxLength: 3 }),
    })
    fc.assert(
      fc.property(fc.uniqueArray(contact, { minLength: 1, maxLength: 5, selector: (c) => c.phone }), (drafts) => {
        const list = drafts.map((d, i): ContactRow => ({ id: i + 1, ...d }))
        const preview = reimport(fileOf(exportOf(list)), list)
        expect(preview.rows.map((row) => row.candidate.draft)).toEqual(list.map(asCreated))
        expect(preview.counts.duplicate).toBe(list.length)
      }),
      { numRuns: 100 },
    )
  })
})

describe('notes through a round trip', () => {
  const notesOf = (id: number) => (id === 1 ? ['Met at the fair', 'Call\nin May'] : [])
  it.each([
    ['CSV', () => csvExport(contacts, { notesOf })],
    ['vCard', () => vcardExport(contacts, { notesOf })],
  ])('%s carries notes along, several a blank line apart', (_, exported) => {
    const preview = reimport(fileOf(exported()), contacts)
    expect(preview.rows.map((row) => row.candidate.draft.note)).toEqual(['Met at the fair\n\nCall\nin May', null, null, null, null, null, null])
  })
})
