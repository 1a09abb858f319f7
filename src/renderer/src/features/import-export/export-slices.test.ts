import { describe, expect, it } from 'vitest'
import { inGroups } from './export-slices'

describe('export slices', () => {
  it('groups items into slices of a size, the last one shorter', () => {
    expect([...inGroups([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]])
    expect([...inGroups([], 2)]).toEqual([])
  })
})
