import { describe, expect, it } from 'vitest'
import { splitTags } from './tag-split'

describe('splitting a tags cell', () => {
  it.each([
    ['vip, fair; 2026', ['vip', 'fair', '2026']],
    ['* myContacts ::: Kunden ::: Messe 2026', ['Kunden', 'Messe 2026']],
    ['* My Contacts ::: * Friends ::: * starred', ['Friends']],
    // Inside a Google list a comma belongs to the label.
    ['Berlin, Mitte ::: VIP', ['Berlin, Mitte', 'VIP']],
    ['a,,a, ,b', ['a', 'b']],
    ['', []],
  ])('%j → %j', (cell, tags) => {
    expect(splitTags(cell)).toEqual(tags)
  })
})
