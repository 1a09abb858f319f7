import { describe, expect, it } from 'vitest'
import { parseVcards } from './vcard-parse'
import { readOkData } from './test-support/read-ok'

const records = (text: string) => readOkData(parseVcards(text))

describe('reading vCards', () => {
  it('reads many cards, numbered from 1, and skips a nested AGENT card', () => {
    const text = [
      'BEGIN:VCARD', 'VERSION:2.1', 'FN:Boss', 'AGENT:', 'BEGIN:VCARD', 'VERSION:2.1', 'FN:Assistant', 'TEL:+1', 'END:VCARD', 'TEL;CELL:+491711234567', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Second', 'END:VCARD',
    ].join('\r\n')
    const read = records(text)
    expect(read.map((r) => [r.row, r.name?.value, r.phones.map((p) => p.value)])).toEqual([
      [1, 'Boss', ['+491711234567']],
      [2, 'Second', []],
    ])
  })

  it('builds the name from N when FN is missing or empty, prefix and suffix included', () => {
    const [card] = records('BEGIN:VCARD\nVERSION:3.0\nFN:\nN:Müller;Hans;Peter;Dr.;Jr.\nEND:VCARD\n')
    expect(card!.name).toEqual({ value: 'Dr. Hans Peter Müller Jr.', column: 'N' })
  })

  it('puts preferred phones and emails first, after mobiles are marked', () => {
    const [card] = records('BEGIN:VCARD\nVERSION:4.0\nFN:A\nEMAIL:one@x.de\nEMAIL;PREF=1:two@x.de\nTEL;TYPE=home:+4930\nTEL;TYPE=cell:+49171\nEND:VCARD')
    expect(card!.emails.map((e) => e.value)).toEqual(['two@x.de', 'one@x.de'])
    expect(card!.phones).toEqual([
      { value: '+4930', column: 'TEL', mobile: false },
      { value: '+49171', column: 'TEL', mobile: true },
    ])
  })

  it('decodes a Latin-1 quoted-printable value by its CHARSET', () => {
    const [card] = records('BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:J=FCrgen M=FCller =80\r\nEND:VCARD')
    expect(card!.name?.value).toBe('Jürgen Müller €')
  })

  it('finds no contacts in a file without cards', () => {
    expect(parseVcards('BEGIN:VCALENDAR\nEND:VCALENDAR')).toEqual({ ok: false, error: expect.objectContaining({ kind: 'not_contacts' }) })
  })

  it('refuses more cards than the limit', () => {
    const many = 'BEGIN:VCARD\nFN:x\nEND:VCARD\n'.repeat(11)
    expect(parseVcards(many, 10)).toEqual({ ok: false, error: expect.objectContaining({ kind: 'too_many_rows' }) })
  })
})
