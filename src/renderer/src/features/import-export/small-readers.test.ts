import { describe, expect, it } from 'vitest'
import { channelOfCell } from './channel-of-cell'
import { defaultImportTag, importTagProblem } from './import-tag'
import { joinNameParts } from './name-parts'
import { decodeQuotedPrintable } from './quoted-printable'

describe('reading a channel cell', () => {
  it.each([
    ['WhatsApp', 'whatsapp'], ['whats app', 'whatsapp'], ['WA', 'whatsapp'], ['Telegram', 'telegram'], ['tg', 'telegram'],
    ['Instagram', 'instagram'], ['insta', 'instagram'], ['IG', 'instagram'], ['Signal', null], ['', null],
  ])('%j → %j', (cell, channel) => {
    expect(channelOfCell(cell)).toBe(channel)
  })
})

describe('the import tag', () => {
  it('defaults to import-<local date>', () => {
    expect(defaultImportTag(new Date(2026, 2, 4, 23, 59))).toBe('import-2026-03-04')
  })

  it('is checked by the API rule for tags; empty means none', () => {
    expect(importTagProblem('fair-2026')).toBeNull()
    expect(importTagProblem('')).toBeNull()
    expect(importTagProblem('x'.repeat(51))).toBe('tag_too_long')
  })
})

describe('joining name parts', () => {
  it('writes given names before the family name, skipping empty parts', () => {
    expect(joinNameParts({ prefix: 'Dr.', given: 'Hans', middle: 'Peter', family: 'Müller', suffix: '' })).toBe('Dr. Hans Peter Müller')
    expect(joinNameParts({ family: 'Müller' })).toBe('Müller')
  })

  it('writes Chinese, Japanese and Korean names family first without a space', () => {
    expect(joinNameParts({ given: '小明', family: '王' })).toBe('王小明')
    expect(joinNameParts({ given: '太郎', family: '山田' })).toBe('山田太郎')
    expect(joinNameParts({ given: '민준', family: '김' })).toBe('김민준')
    expect(joinNameParts({ given: 'Kenji', family: '山田' })).toBe('Kenji 山田')
  })
})

describe('quoted-printable', () => {
  it('decodes UTF-8 bytes, keeps plain text and a stray "="', () => {
    expect(decodeQuotedPrintable('J=C3=BCrgen =3D ok =', 'UTF-8')).toBe('Jürgen = ok =')
  })
})
