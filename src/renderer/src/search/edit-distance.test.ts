import { describe, expect, it } from 'vitest'
import { allowedEdits, withinEdits } from './edit-distance'

describe('withinEdits', () => {
  it.each([
    ['johnson', 'jonhson', 1, true],
    ['johnson', 'johnsen', 1, true],
    ['johnson', 'jhnson', 1, true],
    ['johnson', 'johnsonn', 1, true],
    ['johnson', 'jonhsen', 1, false],
    ['alexandra', 'alxeandar', 2, true],
    ['alexandra', 'axelandar', 2, false],
    ['', 'ab', 1, false],
  ])('%s vs %s within %i: %s', (a, b, max, expected) => {
    expect(withinEdits(a, b, max)).toBe(expected)
  })
})

describe('allowedEdits', () => {
  it('allows none under 4 letters, one from 4, two from 8', () => {
    expect([3, 4, 7, 8].map((n) => allowedEdits('x'.repeat(n)))).toEqual([0, 1, 1, 2])
  })
})
