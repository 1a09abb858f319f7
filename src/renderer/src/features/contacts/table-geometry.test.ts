import { describe, expect, it } from 'vitest'
import { OVERSCAN, ROW_HEIGHT, rowRange, scrollTopToShow, targetIndex } from './table-geometry'

describe('table geometry', () => {
  it('renders the rows in view plus an overscan, within the total', () => {
    expect(rowRange(0, 10 * ROW_HEIGHT, 100_000)).toEqual({ start: 0, end: 10 + OVERSCAN })
    expect(rowRange(5000 * ROW_HEIGHT, 10 * ROW_HEIGHT, 100_000)).toEqual({ start: 5000 - OVERSCAN, end: 5010 + OVERSCAN })
    expect(rowRange(99_995 * ROW_HEIGHT, 10 * ROW_HEIGHT, 100_000)).toEqual({ start: 99_995 - OVERSCAN, end: 100_000 })
    expect(rowRange(0, 400, 0)).toEqual({ start: 0, end: 0 })
    // A scroll position left over from a longer list never yields an inverted range.
    expect(rowRange(1000 * ROW_HEIGHT, 400, 3)).toEqual({ start: 3, end: 3 })
  })

  it('moves the focus by page and to either end, never outside the list', () => {
    expect(targetIndex('PageDown', 7, 10, 5)).toBe(9)
    expect(targetIndex('PageDown', 0, 10, 5)).toBe(5)
    expect(targetIndex('PageUp', 3, 10, 5)).toBe(0)
    expect(targetIndex('Home', 6, 10, 5)).toBe(0)
    expect(targetIndex('End', 0, 10, 5)).toBe(9)
    expect(targetIndex('ArrowDown', 0, 10, 5)).toBeNull()
    expect(targetIndex('End', 0, 0, 5)).toBeNull()
  })

  it('scrolls just enough to show the focused row whole', () => {
    const viewport = 10 * ROW_HEIGHT
    expect(scrollTopToShow(3, 0, viewport)).toBe(0)
    expect(scrollTopToShow(10, 0, viewport)).toBe(ROW_HEIGHT)
    expect(scrollTopToShow(2, 5 * ROW_HEIGHT, viewport)).toBe(2 * ROW_HEIGHT)
    expect(scrollTopToShow(0, 0, 0)).toBe(0)
  })
})
