import { describe, expect, it } from 'vitest'
import { etaMs, isPassConsistent, pagesLeft } from './pull-plan'

describe('pagesLeft', () => {
  it('lists the pages not merged yet, in order', () => {
    expect(pagesLeft(6, new Set([1, 2, 5]))).toEqual([3, 4, 6])
  })

  it('is empty when every page is done or there are none', () => {
    expect(pagesLeft(2, new Set([1, 2]))).toEqual([])
    expect(pagesLeft(0, new Set())).toEqual([])
  })
})

describe('isPassConsistent', () => {
  const steady = { startTotal: 250, endTotal: 250, distinctIds: 250, totalChanged: false }

  it.each([
    ['a pass that saw exactly the total, which never moved', steady, true],
    ['a total that moved between start and end', { ...steady, endTotal: 251 }, false],
    ['a row missed to offset drift', { ...steady, distinctIds: 249 }, false],
    ['a row seen that the server no longer has', { ...steady, distinctIds: 251 }, false],
    ['a total that moved and came back during the pass', { ...steady, totalChanged: true }, false],
    ['an empty account', { startTotal: 0, endTotal: 0, distinctIds: 0, totalChanged: false }, true],
  ])('%s', (_name, evidence, expected) => {
    expect(isPassConsistent(evidence)).toBe(expected)
  })
})

describe('etaMs', () => {
  it('projects the pace so far over the pages left', () => {
    expect(etaMs(4, 6, 1000)).toBe(1500)
  })

  it('is unknown before any page and zero when none are left', () => {
    expect(etaMs(0, 10, 0)).toBeNull()
    expect(etaMs(3, 0, 900)).toBe(0)
  })
})
