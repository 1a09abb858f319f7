import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { guardCell, unguardCell } from './formula-guard'

describe('the CSV formula guard', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+1+cmd|" /C calc"!A0', `'+1+cmd|" /C calc"!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tx', `'\tx`],
    ["'=already", "''=already"],
  ])('makes %j text', (cell, guarded) => {
    expect(guardCell(cell)).toBe(guarded)
    expect(unguardCell(guarded)).toBe(cell)
  })

  it('leaves E.164 phone numbers as they are, so they stay dialable', () => {
    expect(guardCell('+491711234567')).toBe('+491711234567')
    expect(guardCell('+49 171 1234567')).toBe(`'+49 171 1234567`)
  })

  it('leaves ordinary text alone, apostrophes included', () => {
    for (const cell of ["O'Brien", "'quoted'", 'Anna', 'a=b', '']) {
      expect(guardCell(cell)).toBe(cell)
      expect(unguardCell(cell)).toBe(cell)
    }
  })

  it('is undone exactly by unguardCell for any text (property)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', '1', ' ') }), (cell) => unguardCell(guardCell(cell)) === cell))
  })
})
