import { describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../../shared/contact'
import { vcardExport } from './vcard-export'

const anna: ContactRow = { id: 1, name: 'Anna Maria Schmidt', phone: '+491711234567', email: 'anna@example.de', type: 'whatsapp', tags: ['vip', 'Messe, Berlin'] }
const text = (contacts: ContactRow[], options = {}) => [...vcardExport(contacts, options)].map((s) => s.text).join('')

describe('exporting vCard', () => {
  it('writes 4.0 with FN, N, a tel: URI marked cell, email, escaped categories, notes and the channel', () => {
    expect(text([anna], { notesOf: () => ['Line 1\nLine 2; ok'] })).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Anna Maria Schmidt',
        'N:Schmidt;Anna Maria;;;',
        'TEL;VALUE=uri;TYPE=cell:tel:+491711234567',
        'EMAIL:anna@example.de',
        'CATEGORIES:vip,Messe\\, Berlin',
        'NOTE:Line 1\\nLine 2\\; ok',
        'X-SKYLIGHT-CHANNEL:whatsapp',
        'END:VCARD',
        '',
      ].join('\r\n'),
    )
  })

  it('writes 3.0 for older phones: bare number with TYPE=CELL, EMAIL;TYPE=INTERNET', () => {
    const card = text([anna], { version: '3.0' })
    expect(card).toContain('VERSION:3.0\r\n')
    expect(card).toContain('TEL;TYPE=CELL:+491711234567\r\n')
    expect(card).toContain('EMAIL;TYPE=INTERNET:anna@example.de\r\n')
  })

  it('leaves out what a contact does not have, and writes a one-word name as the family name', () => {
    expect(text([{ id: 2, name: 'Madonna', type: 'instagram' }])).toBe('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Madonna\r\nN:Madonna;;;;\r\nX-SKYLIGHT-CHANNEL:instagram\r\nEND:VCARD\r\n')
  })

  it('writes in slices with a running count', () => {
    const many = Array.from({ length: 2100 }, (_, i): ContactRow => ({ id: i + 1, name: `C${i}` }))
    expect([...vcardExport(many, { sliceSize: 1000 })].map((s) => s.written)).toEqual([1000, 2000, 2100])
  })
})
