import { describe, expect, it } from 'vitest'
import { backoffMs } from './backoff'

describe('backoffMs', () => {
  it('doubles per attempt between half and all of the ceiling', () => {
    expect(backoffMs(0, 100, 10_000, () => 0)).toBe(50)
    expect(backoffMs(0, 100, 10_000, () => 1)).toBe(100)
    expect(backoffMs(3, 100, 10_000, () => 0.5)).toBe(600)
  })

  it('never exceeds the cap', () => {
    expect(backoffMs(30, 500, 15_000, () => 1)).toBe(15_000)
  })
})
