import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../../shared/contact'
import { findMatch, indexContacts, indexContactsMatching } from './match-index'

const anna: ContactRow = { id: 1, name: 'Anna Schmidt', phone: '+491711234567', email: 'anna@example.de' }
const other: ContactRow = { id: 2, name: 'Ånna  SCHMIDT', phone: '+4930765432', email: null }

describe('the match index', () => {
  it('matches by phone first, then email, then folded name with the same last six digits', () => {
    const index = indexContacts([anna, other])
    expect(findMatch(index, { name: 'X', phone: '+491711234567', email: 'anna@example.de' })).toEqual({ target: anna, reason: 'phone' })
    expect(findMatch(index, { name: 'X', phone: '+4940111111', email: 'ANNA@example.de' })).toEqual({ target: anna, reason: 'email' })
    expect(findMatch(index, { name: 'anna schmidt', phone: '+4940765432' })).toEqual({ target: other, reason: 'name' })
    expect(findMatch(index, { name: 'anna schmidt', phone: '+4940999999' })).toBeNull()
  })

  it('keeps the first contact for a key shared by two', () => {
    expect(findMatch(indexContacts([anna, { ...anna, id: 3 }]), { phone: anna.phone })?.target.id).toBe(1)
  })

  it('finds the same matches when built only for the wanted keys (property)', () => {
    const phone = fc.constantFrom('+491711234567', '+4930234567', '+4940234567', '+4915112345678', null)
    const email = fc.constantFrom('a@x.de', 'A@X.DE', 'b@x.de', null)
    const name = fc.constantFrom('Anna Schmidt', 'anna  schmidt', 'Ben', 'Zoë', 'zoe')
    const row = fc.record({ name, phone, email })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.array(row, { maxLength: 6 }), (rows, wanted) => {
        const existing = rows.map((r, i): ContactRow => ({ id: i + 1, ...r }))
        const full = indexContacts(existing)
        const focused = indexContactsMatching(existing, wanted)
        for (const contact of wanted) expect(findMatch(focused, contact)).toEqual(findMatch(full, contact))
      }),
    )
  })
})
