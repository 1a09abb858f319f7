import { describe, expect, it } from 'vitest'
import { decodeText } from './decode-text'
import { MAX_FILE_BYTES } from './import-error'
import { importErrorText } from './import-words'
import { decodeWindows1252 } from './windows-1252'
import { readOkData } from './test-support/read-ok'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const utf16le = (text: string, bom = true): Uint8Array => {
  const bytes = new Uint8Array((bom ? 2 : 0) + text.length * 2)
  if (bom) bytes.set([0xff, 0xfe])
  for (let i = 0; i < text.length; i++) {
    bytes[(bom ? 2 : 0) + i * 2] = text.charCodeAt(i) & 0xff
    bytes[(bom ? 2 : 0) + i * 2 + 1] = text.charCodeAt(i) >> 8
  }
  return bytes
}
const swap = (bytes: Uint8Array): Uint8Array => bytes.map((_, i) => bytes[i % 2 === 0 ? i + 1 : i - 1]!)

const decoded = (bytes: Uint8Array) => readOkData(decodeText(bytes))

describe('decoding a file into text', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decoded(utf8('Name\nJosé Müller 王小明'))).toEqual({ text: 'Name\nJosé Müller 王小明', encoding: 'utf-8' })
  })

  it('drops the UTF-8 BOM Excel writes', () => {
    expect(decoded(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Vorname;Nachname')]))).toEqual({ text: 'Vorname;Nachname', encoding: 'utf-8' })
  })

  it('reads UTF-16 LE with a BOM (Excel "Unicode text")', () => {
    expect(decoded(utf16le('Name\tMobile\nΣωκράτης\t+30'))).toEqual({ text: 'Name\tMobile\nΣωκράτης\t+30', encoding: 'utf-16le' })
  })

  it('reads UTF-16 BE with a BOM', () => {
    expect(decoded(swap(utf16le('Имя,Телефон')))).toEqual({ text: 'Имя,Телефон', encoding: 'utf-16be' })
  })

  it('reads UTF-16 LE without a BOM from its zero bytes', () => {
    expect(decoded(utf16le('Name,Phone\nAnna,+4930', false))).toEqual({ text: 'Name,Phone\nAnna,+4930', encoding: 'utf-16le' })
  })

  it('falls back to Windows-1252 when the bytes are not UTF-8, keeping € – “ ” ‘ ’ … • ™ Œ', () => {
    // "Prix: 5 € – “très” ‘bon’…" as Windows-1252 bytes
    const bytes = new Uint8Array([0x50, 0x72, 0x69, 0x78, 0x3a, 0x20, 0x35, 0x20, 0x80, 0x20, 0x96, 0x20, 0x93, 0x74, 0x72, 0xe8, 0x73, 0x94, 0x20, 0x91, 0x62, 0x6f, 0x6e, 0x92, 0x85, 0x95, 0x99, 0x8c])
    expect(decoded(bytes)).toEqual({ text: 'Prix: 5 € – “très” ‘bon’…•™Œ', encoding: 'windows-1252' })
  })

  it.each([
    ['nothing', new Uint8Array(), 'empty'],
    ['only a BOM and blank lines', new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a, 0x20]), 'empty'],
    ['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'binary'],
    ['an Excel workbook (zip)', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0]), 'spreadsheet'],
    ['an old Excel workbook (OLE)', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'spreadsheet'],
    ['text full of control characters', utf8('a\x01b\x02c\x03d\x04e\x05f\x06g\x07'), 'binary'],
  ])('refuses %s with a clear message', (_, bytes, kind) => {
    const result = decodeText(bytes)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.kind).toBe(kind)
      expect(importErrorText(result.error).length).toBeGreaterThan(20)
    }
  })

  it('refuses a file over the size limit before reading it, saying how large it is', () => {
    const huge = new Uint8Array(MAX_FILE_BYTES + 1)
    const result = decodeText(huge)
    expect(result).toEqual({ ok: false, error: { kind: 'too_large', bytes: MAX_FILE_BYTES + 1 } })
    if (!result.ok) expect(importErrorText(result.error)).toBe('The file is 50 MB; files up to 50 MB can be imported. Split it into smaller files.')
  })
})

describe('Windows-1252', () => {
  it('maps every defined byte of 0x80–0x9F to its character, not to a C1 control', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i)
    const text = decodeWindows1252(bytes)
    expect(text).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ')
  })

  it('reads the Latin-1 range as itself', () => {
    expect(decodeWindows1252(new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0xe9, 0xdf]))).toBe('Müller éß')
  })
})
