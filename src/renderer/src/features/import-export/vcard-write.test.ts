import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseProperty, unescapeText, unfoldLines } from './vcard-lines'
import { contentLine, escapeText, FOLD_OCTETS, foldLine } from './vcard-write'

const octets = (line: string) => new TextEncoder().encode(line).length

describe('writing vCard lines', () => {
  it('escapes backslashes, newlines, commas and semicolons', () => {
    expect(escapeText('a\\b\r\nc,d;e\nf')).toBe('a\\\\b\\nc\\,d\\;e\\nf')
  })

  it('folds at 75 octets, continuation lines starting with a space that counts', () => {
    const folded = foldLine('NOTE:' + 'x'.repeat(200))
    const lines = folded.split('\r\n').slice(0, -1)
    // 205 octets: 75, then 74 + the space, then the last 56 + the space.
    expect(lines.map(octets)).toEqual([75, 75, 57])
    expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true)
  })

  it('never cuts inside a multi-byte character or a surrogate pair', () => {
    const folded = foldLine('FN:' + '王'.repeat(40) + '😀'.repeat(30))
    for (const line of folded.split('\r\n').slice(0, -1)) {
      expect(octets(line)).toBeLessThanOrEqual(FOLD_OCTETS)
      expect(line).not.toMatch(/\uFFFD|[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/)
    }
  })

  it('reads back any text exactly after escaping and folding (property)', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('\\', ',', ';', ':', '\n', ' ', '"'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 200 })
    fc.assert(
      fc.property(text, (value) => {
        const line = contentLine('NOTE', escapeText(value))
        for (const physical of line.split('\r\n').slice(0, -1)) expect(octets(physical)).toBeLessThanOrEqual(FOLD_OCTETS)
        const [logical] = unfoldLines(`BEGIN:VCARD\r\nVERSION:4.0\r\n${line}`).slice(2)
        const back = unescapeText(parseProperty(logical!)!.value)
        // A lone CR is written as a newline, as vCard has no other way to say it.
        expect(back).toBe(value.replace(/\r\n|\r/g, '\n'))
      }),
      { numRuns: 500 },
    )
  })
})
