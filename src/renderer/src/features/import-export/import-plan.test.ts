import { describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../../shared/contact'
import { intentInput } from '../../sync/outbox'
import type { CandidateOptions } from './candidate'
import { chooseForAll, chooseForRow, defaultChoices } from './import-choices'
import { notesForCreated, planImport } from './import-plan'
import { buildPreview, type ImportPreview } from './import-preview'
import { indexContacts } from './match-index'
import { emptyRecord, type SourceRecord } from './source-record'

const options: CandidateOptions = { defaultCountry: 'DE', defaultChannel: 'whatsapp', importTag: 'fair' }
const anna: ContactRow = { id: 1, name: 'Anna Schmidt', phone: '+491711234567', email: null, type: 'whatsapp', tags: ['vip'] }
const partial: ContactRow = { id: 2, name: 'Ben Meyer', phone: '+491521111111', tags: [] }

function rec(row: number, name: string, phone: string, extra: Partial<SourceRecord> = {}): SourceRecord {
  return { ...emptyRecord(row), name: { value: name, column: 'Name' }, phones: [{ value: phone, column: 'Phone', mobile: true }], ...extra }
}
const note = (value: string) => ({ notes: [{ value, column: 'Notes' }] })
const email = (value: string) => ({ emails: [{ value, column: 'Email' }] })

function preview(records: SourceRecord[]): ImportPreview {
  return buildPreview(records, options, indexContacts([anna, partial]))
}

describe('the import plan', () => {
  it('creates new rows with their notes for later, and merges duplicates into the existing contact by default', () => {
    const plan = planImport(preview([rec(2, 'New Person', '+4930111111', note('met at the fair')), rec(3, 'Anna S.', '0171 1234567', { ...note('second visit'), ...email('anna@example.de') })]), defaultChoices())
    expect(plan.creates).toEqual([{ row: 2, fields: { name: 'New Person', type: 'whatsapp', phone: '+4930111111', tags: ['fair'] }, notes: ['met at the fair'] }])
    expect(plan.merges).toEqual([
      // Anna's email was empty (null): it is filled; her name is kept.
      { kind: 'update', contactId: 1, changes: { email: 'anna@example.de' } },
      { kind: 'addTags', contactId: 1, tags: ['fair'] },
      { kind: 'addNote', contactId: 1, content: 'second visit' },
    ])
    expect(plan.rows).toEqual({ created: [2], merged: [3], skipped: [], invalid: [] })
    for (const intent of [...plan.merges, ...notesForCreated(plan, [-7])]) expect(intentInput.safeParse(intent).success).toBe(true)
    expect(notesForCreated(plan, [-7])).toEqual([{ kind: 'addNote', contactId: -7, content: 'met at the fair' }])
  })

  it('never fills a field a partial row does not know (it may have a value on the server)', () => {
    const plan = planImport(preview([rec(2, 'Ben', '+491521111111', email('ben@example.de'))]), defaultChoices())
    expect(plan.merges).toEqual([{ kind: 'addTags', contactId: 2, tags: ['fair'] }])
  })

  it('honours skip and create anyway, per row over the choice for all', () => {
    const annaByMail = { ...anna, id: 3, phone: '+4989555555', email: 'anna@example.de' }
    const rows = buildPreview([rec(2, 'Anna', '+491711234567'), rec(3, 'Anna Schmidt', '+4930222222', email('anna@example.de'))], options, indexContacts([anna, annaByMail]))
    const skipAll = planImport(rows, chooseForAll('skip'))
    expect(skipAll).toMatchObject({ creates: [], merges: [], rows: { skipped: [2, 3] } })
    const mixed = planImport(rows, chooseForRow(chooseForAll('skip'), 3, 'create'))
    expect(mixed.creates.map((c) => c.row)).toEqual([3])
    expect(mixed.rows).toEqual({ created: [3], merged: [], skipped: [2], invalid: [] })
  })

  it('adds a same-phone row to its contact even when told to create anyway: SkyLight keeps one contact per phone', () => {
    const plan = planImport(preview([rec(2, 'Ben M.', '+491521111111')]), chooseForAll('create'))
    expect(plan).toMatchObject({ creates: [], merges: [{ kind: 'addTags', contactId: 2, tags: ['fair'] }], rows: { merged: [2] } })
  })

  it('merges several rows into one contact as one addTags and one update', () => {
    const plan = planImport(
      preview([rec(2, 'A', '+491711234567', { tags: [{ value: 'x', column: 'Tags' }] }), rec(3, 'B', '0171 1234567', { tags: [{ value: 'y', column: 'Tags' }, { value: 'vip', column: 'Tags' }] })]),
      defaultChoices(),
    )
    expect(plan.merges).toEqual([{ kind: 'addTags', contactId: 1, tags: ['x', 'fair', 'y'] }])
  })

  it('folds a duplicate of an earlier new row into that row\'s create; a choice on a new row changes nothing', () => {
    const rows = preview([rec(2, 'Neu', '+4930111111'), rec(3, 'Neu', '030 111111', { ...note('again'), ...email('neu@example.de'), tags: [{ value: 'z', column: 'Tags' }] })])
    const merged = planImport(rows, defaultChoices())
    expect(merged.creates).toEqual([{ row: 2, fields: { name: 'Neu', type: 'whatsapp', phone: '+4930111111', email: 'neu@example.de', tags: ['fair', 'z'] }, notes: ['again'] }])
    expect(merged.rows).toEqual({ created: [2], merged: [3], skipped: [], invalid: [] })
    expect(planImport(rows, chooseForRow(defaultChoices(), 2, 'skip'))).toEqual(merged)
  })

  it('makes a duplicate of an earlier duplicate row follow that row: into its contact, or skipped with it', () => {
    // Row 2 is Anna by phone; row 3 shares only row 2's email.
    const rows = preview([rec(2, 'Anna', '+491711234567', email('shared@example.de')), rec(3, 'Other', '+4930999999', { ...email('shared@example.de'), ...note('n') })])
    expect(rows.rows[1]).toMatchObject({ status: 'duplicate', reason: 'email', target: { kind: 'row', row: 2 } })
    const merged = planImport(rows, defaultChoices())
    expect(merged.creates).toEqual([])
    expect(merged.merges).toContainEqual({ kind: 'addNote', contactId: 1, content: 'n' })
    expect(merged.rows.merged).toEqual([2, 3])
    const skipped = planImport(rows, chooseForRow(defaultChoices(), 2, 'skip'))
    expect(skipped).toMatchObject({ creates: [], merges: [], rows: { skipped: [2, 3] } })
  })

  it('lists invalid rows and plans nothing for them', () => {
    const plan = planImport(preview([rec(2, '', '+4930111111')]), defaultChoices())
    expect(plan).toEqual({ creates: [], merges: [], rows: { created: [], merged: [], skipped: [], invalid: [2] } })
  })
})
