import { describe, expect, it } from 'vitest'
import { RateGate } from './rate-gate'

describe('RateGate', () => {
  it('pauses every read for the server\u2019s Retry-After and halves concurrency', () => {
    let now = 1000
    const gate = new RateGate(4, () => now)
    expect(gate.waitMs()).toBe(0)
    gate.rateLimited(2000)
    expect(gate.limit).toBe(2)
    expect(gate.waitMs()).toBe(2000)
    now += 1500
    expect(gate.waitMs()).toBe(500)
    gate.rateLimited(100)
    expect(gate.waitMs()).toBe(500)
    expect(gate.limit).toBe(1)
    gate.rateLimited(0)
    expect(gate.limit).toBe(1)
  })

  it('climbs back one step per streak of successes, up to the maximum', () => {
    const gate = new RateGate(3, () => 0)
    gate.rateLimited(0)
    expect(gate.limit).toBe(1)
    for (let i = 0; i < 9; i += 1) gate.succeeded()
    expect(gate.limit).toBe(1)
    gate.succeeded()
    expect(gate.limit).toBe(2)
    for (let i = 0; i < 50; i += 1) gate.succeeded()
    expect(gate.limit).toBe(3)
  })
})
