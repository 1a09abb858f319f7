import { describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../../shared/contact'
import type { CandidateOptions } from './candidate'
import { buildPreview } from './import-preview'
import { indexContacts } from './match-index'
import { emptyRecord, type SourceRecord } from './source-record'

const options: CandidateOptions = { defaultCountry: 'DE', defaultChannel: 'whatsapp', importTag: '' }
const existing: ContactRow[] = [
  { id: 1, name: 'Anna Schmidt', phone: '+491711234567', email: 'anna@example.de', type: 'whatsapp', tags: [] },
  { id: 2, name: 'José Müller', phone: '+34612345678', email: null, type: 'whatsapp', tags: ['vip'] },
  // A partial list row: email unknown.
  { id: 3, name: 'Ben Meyer', phone: '+491521111111' },
]

function rec(row: number, name: string, phone?: string, email?: string): SourceRecord {
  return {
    ...emptyRecord(row),
    name: { value: name, column: 'Name' },
    phones: phone ? [{ value: phone, column: 'Phone', mobile: true }] : [],
    emails: email ? [{ value: email, column: 'Email' }] : [],
  }
}

const summary = (records: SourceRecord[]) =>
  buildPreview(records, options, indexContacts(existing)).rows.map((r) =>
    r.status === 'duplicate' ? [r.candidate.row, r.status, r.reason, r.target.kind === 'existing' ? r.target.contact.id : `row ${r.target.row}`] : [r.candidate.row, r.status],
  )

describe('the import preview', () => {
  it('finds a duplicate of a contact here by phone (as typed locally), by email without case, and by folded name + last digits', () => {
    expect(
      summary([
        rec(2, 'Somebody Else', '0171 1234567'),
        rec(3, 'Another', '+4930999999', 'ANNA@Example.de '),
        // Same folded name, same last 6 digits, different country prefix.
        rec(4, 'jose muller', '+44 7700 345678'),
        rec(5, 'Nobody', '+4930555555'),
      ]),
    ).toEqual([
      [2, 'duplicate', 'phone', 1],
      [3, 'duplicate', 'email', 1],
      [4, 'duplicate', 'name', 2],
      [5, 'new'],
    ])
  })

  it('finds a duplicate of an earlier row in the same file', () => {
    expect(summary([rec(2, 'Neu Eins', '+4930111111'), rec(3, 'Neu Zwei', '030 111111'), rec(4, 'Neu Drei', '+4930222222', 'x@y.de'), rec(5, 'Other', '+4930333333', 'X@Y.DE')])).toEqual([
      [2, 'new'],
      [3, 'duplicate', 'phone', 'row 2'],
      [4, 'new'],
      [5, 'duplicate', 'email', 'row 4'],
    ])
  })

  it('reports invalid rows without letting them block the valid ones, or be matched', () => {
    const preview = buildPreview([rec(2, '', '+491711234567'), rec(3, 'Valid', '+4930444444')], options, indexContacts(existing))
    expect(preview.counts).toEqual({ new: 1, invalid: 1, duplicate: 0 })
    expect(preview.rows[0]!.status).toBe('invalid')
  })

  it('does not match the same name without the same last digits', () => {
    expect(summary([rec(2, 'Anna Schmidt', '+4930777777')])).toEqual([[2, 'new']])
  })
})
