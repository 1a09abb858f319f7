import { describe, expect, it } from 'vitest'
import { readImportFile, recordsOf } from './read-import-file'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('reading an import file', () => {
  it('tells a vCard from a CSV by its content, whatever its name', () => {
    expect(readImportFile(bytes('\r\nBEGIN:VCARD\r\nFN:A\r\nEND:VCARD'))).toMatchObject({ ok: true, data: { format: 'vcard' } })
    expect(readImportFile(bytes('name,phone\nA,+4930123456'))).toMatchObject({ ok: true, data: { format: 'csv' } })
  })

  it('refuses text that holds no contacts (no header word understood, no phones or emails)', () => {
    expect(readImportFile(bytes('Dear Anna,\nthank you for the lovely evening.\nBest, Ben'))).toEqual({ ok: false, error: expect.objectContaining({ kind: 'not_contacts' }) })
    expect(readImportFile(bytes('{"contacts": []}'))).toEqual({ ok: false, error: expect.objectContaining({ kind: 'not_contacts' }) })
  })

  it('counts the limit in contacts, not counting the header row', () => {
    const rows = (n: number) => 'name,phone\n' + Array.from({ length: n }, (_, i) => `P${i},+4930${1000000 + i}`).join('\n')
    expect(readImportFile(bytes(rows(5)), { maxRows: 5 }).ok).toBe(true)
    expect(readImportFile(bytes(rows(6)), { maxRows: 5 })).toEqual({ ok: false, error: { kind: 'too_many_rows', limit: 5 } })
  })

  it('applies a mapping the user changed', () => {
    const read = readImportFile(bytes('Kunde,Nummer,Info\nAnna,+4930123456,met at the fair'))
    if (!read.ok || read.data.format !== 'csv') throw new Error('expected a CSV')
    expect(read.data.mapping.targets).toEqual(['name', 'phone', 'ignore'])
    expect(recordsOf(read.data)[0]!.notes).toEqual([])
    const mapping = { ...read.data.mapping, targets: ['name' as const, 'phone' as const, 'note' as const] }
    expect(recordsOf(read.data, mapping)[0]).toMatchObject({ name: { value: 'Anna', column: 'Kunde' }, notes: [{ value: 'met at the fair', column: 'Info' }] })
  })
})
