import { describe, expect, it } from 'vitest'
import { toCandidate, type CandidateOptions } from './candidate'
import { emptyRecord, type SourceRecord } from './source-record'

const options: CandidateOptions = { defaultCountry: 'DE', defaultChannel: 'whatsapp', importTag: 'import-2026-03-04' }
const record = (fields: Partial<SourceRecord>): SourceRecord => ({ ...emptyRecord(7), name: { value: 'Anna Schmidt', column: 'Name' }, ...fields })
const phone = (value: string, mobile = false) => ({ value, column: mobile ? 'Mobile' : 'Phone', mobile })

describe('a row as the contact it would create', () => {
  it('reads a local number with the default country and adds the import tag', () => {
    const candidate = toCandidate(record({ phones: [phone('0171 1234567')] }), options)
    expect(candidate.create).toEqual({ name: 'Anna Schmidt', type: 'whatsapp', phone: '+491711234567', tags: ['import-2026-03-04'] })
    expect(candidate.issues).toEqual([])
  })

  it('prefers a mobile to a landline listed before it', () => {
    expect(toCandidate(record({ phones: [phone('030 1234567'), phone('0171 1234567', true)] }), options).create?.phone).toBe('+491711234567')
  })

  it('falls back to the next number when the preferred one is not a number', () => {
    expect(toCandidate(record({ phones: [phone('n/a', true), phone('030 1234567')] }), options).create?.phone).toBe('+49301234567')
  })

  it('reports a bad phone, email, tag and channel each at its cell, and keeps the row out', () => {
    const candidate = toCandidate(
      record({
        phones: [phone('12')],
        emails: [{ value: 'anna(at)example.de', column: 'E-Mail' }],
        tags: [{ value: 'x'.repeat(51), column: 'Tags' }],
        channel: { value: 'Signal', column: 'Kanal' },
      }),
      options,
    )
    expect(candidate.create).toBeNull()
    expect(candidate.issues.map((i) => [i.row, i.field, i.column])).toEqual([
      [7, 'phone', 'Phone'],
      [7, 'email', 'E-Mail'],
      [7, 'channel', 'Kanal'],
      [7, 'tags', 'Tags'],
    ])
    expect(candidate.issues.map((i) => i.reason)).toEqual(['phone_too_short', 'email_invalid', 'channel_unknown', 'tag_too_long'])
    expect(candidate.issues[3]!.tag).toBe('x'.repeat(51))
  })

  it('requires a name, and a phone for WhatsApp and Telegram but not Instagram', () => {
    const noName = toCandidate(record({ name: null, phones: [phone('+491711234567')] }), options)
    expect(noName.issues).toEqual([{ row: 7, field: 'name', column: null, reason: 'name_missing' }])
    const noPhone = toCandidate(record({ channel: { value: 'Telegram', column: 'Channel' } }), options)
    expect(noPhone.issues).toEqual([{ row: 7, field: 'phone', column: null, reason: 'phone_required', channel: 'telegram' }])
    const instagram = toCandidate(record({ channel: { value: 'insta', column: 'Channel' }, emails: [{ value: 'a@b.de', column: 'Mail' }] }), options)
    expect(instagram.create).toEqual({ name: 'Anna Schmidt', type: 'instagram', email: 'a@b.de', tags: ['import-2026-03-04'] })
  })

  it('refuses a name over 255 characters and a note over 5,000', () => {
    const candidate = toCandidate(record({ name: { value: 'n'.repeat(256), column: 'Name' }, phones: [phone('+491711234567')], notes: [{ value: 'x'.repeat(5001), column: 'Notes' }] }), options)
    expect(candidate.issues.map((i) => [i.field, i.reason])).toEqual([
      ['name', 'name_too_long'],
      ['note', 'note_too_long'],
    ])
  })

  it('collapses runs of spaces and newlines in a name, joins notes, and lists each tag once', () => {
    const candidate = toCandidate(
      record({
        name: { value: '  Anna \n Schmidt ', column: 'Name' },
        phones: [phone('+491711234567')],
        tags: [{ value: 'vip', column: 'Tags' }, { value: 'vip', column: 'Labels' }, { value: 'import-2026-03-04', column: 'Tags' }],
        notes: [{ value: 'one', column: 'Notes' }, { value: 'two', column: 'Remarks' }],
      }),
      { ...options },
    )
    expect(candidate.draft).toEqual({ name: 'Anna Schmidt', type: 'whatsapp', phone: '+491711234567', email: null, tags: ['vip', 'import-2026-03-04'], note: 'one\n\ntwo' })
  })

  it('warns, without blocking, about a number with no known operator', () => {
    const candidate = toCandidate(record({ phones: [phone('+49 100 1234567')] }), options)
    expect(candidate.create?.phone).toBe('+491001234567')
    expect(candidate.warnings).toEqual([expect.objectContaining({ field: 'phone', reason: 'phone_unusual', country: 'DE' })])
  })

  it('adds no tag when the import tag is left empty', () => {
    expect(toCandidate(record({ phones: [phone('+491711234567')] }), { ...options, importTag: ' ' }).create).not.toHaveProperty('tags')
  })
})
