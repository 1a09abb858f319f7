import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../../shared/contact'
import { sortByName } from './name-order'

const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true })
const stableSort = (rows: ContactRow[]) => rows.slice().sort((a, b) => collator.compare(a.name ?? '', b.name ?? ''))

describe('sortByName', () => {
  it('orders as a stable sort with the collator: case and accents aside, numbers by value, equal names in the mirror order', () => {
    const names = ['anna', 'Ben', 'Anna', 'Item 10', undefined, 'Ánna', 'Item 2', 'ben', 'Zoë', 'Anna']
    const rows = names.map((name, i): ContactRow => ({ id: i + 1, name }))
    expect(sortByName(rows, collator).map((row) => row.id)).toEqual([5, 1, 3, 6, 10, 2, 8, 7, 4, 9])
    expect(sortByName(rows, collator)).toEqual(stableSort(rows))
  })

  it('gives the stable sort for any names (property)', () => {
    const name = fc.option(fc.string({ unit: fc.constantFrom('a', 'A', 'á', 'b', 'B', ' ', '1', '2', '0', 'ß', 's'), maxLength: 4 }), { nil: undefined })
    fc.assert(
      fc.property(fc.array(name, { maxLength: 40 }), (names) => {
        const rows = names.map((name, i): ContactRow => ({ id: i + 1, name }))
        expect(sortByName(rows, collator)).toEqual(stableSort(rows))
      }),
    )
  })
})
