import { describe, expect, it } from 'vitest'
import { excerptParts } from './excerpt-parts'

describe('excerpt parts', () => {
  it('splits an excerpt into plain and marked runs', () => {
    expect(excerptParts({ noteId: 1, text: '…the price and prices here', marks: [[5, 10], [15, 21]] })).toEqual([
      { text: '…the ', marked: false },
      { text: 'price', marked: true },
      { text: ' and ', marked: false },
      { text: 'prices', marked: true },
      { text: ' here', marked: false },
    ])
    expect(excerptParts({ noteId: 1, text: 'price', marks: [[0, 5]] })).toEqual([{ text: 'price', marked: true }])
  })
})
