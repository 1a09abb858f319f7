import { describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../../shared/contact'
import { csvExport } from './csv-export'

const contacts: ContactRow[] = [
  { id: 1, name: 'Anna Schmidt', phone: '+491711234567', email: 'anna@example.de', type: 'whatsapp', status: 'active', blacklisted: false, tags: ['vip', 'fair 2026'] },
  { id: 2, name: '=HYPERLINK("http://x","y")', phone: null, email: null, type: 'instagram', status: 'inactive', blacklisted: true, tags: ['-minus', '@at'] },
  { id: 3, name: 'Müller, "Hans"\nJr.', type: 'telegram', phone: '+4930123456' },
]

const all = (slices: Iterable<{ text: string }>) => [...slices].map((s) => s.text).join('')

describe('exporting CSV', () => {
  it('writes a BOM, a header, CRLF line ends, and one column per field', () => {
    const text = all(csvExport(contacts.slice(0, 1)))
    expect(text).toBe('\ufeffName,Phone,Email,Channel,Status,Blacklisted,Tags\r\nAnna Schmidt,"+491711234567",anna@example.de,whatsapp,active,no,"vip, fair 2026"\r\n')
  })

  it('quotes commas, quotes and newlines, guards formulas, and leaves unknown fields empty', () => {
    const lines = all(csvExport(contacts)).split('\r\n')
    expect(lines[2]).toBe(`"'=HYPERLINK(""http://x"",""y"")",,,instagram,inactive,yes,"'-minus, @at"`)
    expect(lines[3]).toBe('"Müller, ""Hans""\nJr.","+4930123456",,telegram,,,')
  })

  it('adds a Notes column when notes are given, several notes a blank line apart', () => {
    const text = all(csvExport(contacts.slice(0, 1), { notesOf: () => ['first', 'second'], delimiter: ';' }))
    expect(text.split('\r\n').slice(0, 2)).toEqual(['\ufeffName;Phone;Email;Channel;Status;Blacklisted;Tags;Notes', 'Anna Schmidt;"+491711234567";anna@example.de;whatsapp;active;no;"vip, fair 2026";"first\n\nsecond"'])
  })

  it('writes in slices with a running count, and still writes the header for no contacts', () => {
    const many = Array.from({ length: 2500 }, (_, i): ContactRow => ({ id: i + 1, name: `C${i}`, type: 'instagram' }))
    const slices = [...csvExport(many, { sliceSize: 1000 })]
    expect(slices.map((s) => s.written)).toEqual([1000, 2000, 2500])
    expect(slices.map((s) => s.text).join('').split('\r\n')).toHaveLength(2502)
    expect([...csvExport([])]).toEqual([{ text: '\ufeffName,Phone,Email,Channel,Status,Blacklisted,Tags\r\n', written: 0 }])
  })
})
