import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useSelectionStore } from './selection-store'

/** Row i of the current search is contact 100 + i. */
const idsBetween = async (start: number, end: number) => Array.from({ length: end - start + 1 }, (_, i) => 100 + start + i)
const sorted = (ids: ReadonlySet<number>) => [...ids].sort((a, b) => a - b)

beforeEach(() => setActivePinia(createPinia()))

describe('selection', () => {
  it('toggles contacts one by one and remembers the last as the anchor', () => {
    const selection = useSelectionStore()
    selection.toggle(105, 5)
    selection.toggle(107, 7)
    selection.toggle(105, 5)
    expect(sorted(selection.ids)).toEqual([107])
    expect(selection.anchor).toBe(5)
    expect(selection.size).toBe(1)
  })

  it('selects a range from the anchor in either direction, replacing the previous range', async () => {
    const selection = useSelectionStore()
    selection.toggle(110, 10)
    await selection.selectRange(10, 13, idsBetween)
    expect(sorted(selection.ids)).toEqual([110, 111, 112, 113])
    await selection.selectRange(13, 8, idsBetween)
    expect(sorted(selection.ids)).toEqual([108, 109, 110])
  })

  it('starts a range at the focused row when nothing was picked yet', async () => {
    const selection = useSelectionStore()
    await selection.selectRange(3, 4, idsBetween)
    expect(sorted(selection.ids)).toEqual([103, 104])
    expect(selection.anchor).toBe(3)
  })

  it('selects every match, clears, and follows id changes and deletions', () => {
    const selection = useSelectionStore()
    selection.selectAll([-1, 2, 3])
    selection.replaceId(-1, 501)
    selection.remove([3])
    expect(sorted(selection.ids)).toEqual([2, 501])
    expect(selection.has(501)).toBe(true)
    selection.clear()
    expect(selection.size).toBe(0)
    expect(selection.anchor).toBeNull()
  })

  it('remembers the search and filters the contacts were picked under, until picks mix queries', async () => {
    const selection = useSelectionStore()
    const fair = { text: '', filters: { tag: 'fair' } }
    selection.selectAll([1, 2, 3], fair)
    expect(selection.origin).toEqual(fair)
    selection.toggle(4, 0, { text: '', filters: { tag: 'fair' } })
    expect(selection.origin).toEqual(fair)
    selection.toggle(9, 1, { text: 'ada', filters: {} })
    expect(selection.origin).toBeNull()
    await selection.selectRange(0, 1, idsBetween, { text: 'ada', filters: {} })
    expect(selection.origin).toEqual({ text: 'ada', filters: {} })
    selection.clear()
    expect(selection.origin).toBeNull()
  })
})
