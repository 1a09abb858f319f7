import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { UnionFind } from './union-find'

describe('union-find', () => {
  it('joins transitively and reports a union of one set as no change', () => {
    const sets = new UnionFind(5)
    expect(sets.union(0, 1)).toBe(true)
    expect(sets.union(1, 2)).toBe(true)
    expect(sets.union(0, 2)).toBe(false)
    expect(sets.find(2)).toBe(sets.find(0))
    expect(sets.find(3)).not.toBe(sets.find(0))
  })

  it('agrees with a naive labelling for any unions (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(19), fc.nat(19)), { maxLength: 40 }), (pairs) => {
        const sets = new UnionFind(20)
        const label = Array.from({ length: 20 }, (_, i) => i)
        for (const [a, b] of pairs) {
          sets.union(a, b)
          const [from, to] = [label[a], label[b]]
          for (let i = 0; i < 20; i++) if (label[i] === from) label[i] = to!
        }
        for (let i = 0; i < 20; i++) for (let j = 0; j < 20; j++) expect(sets.find(i) === sets.find(j)).toBe(label[i] === label[j])
      }),
    )
  })
})
