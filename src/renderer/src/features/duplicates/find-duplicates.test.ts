import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../../shared/contact'
import { withinEdits } from '../../search/edit-distance'
import { findDuplicateGroups, FUZZY_NAME_LENGTH } from './find-duplicates'
import { emailKey, nameKey, phoneKey, phoneSuffix } from '../../contact-match/match-keys'

const c = (id: number, name: string, phone: string | null = null, email: string | null = null): ContactRow => ({ id, name, phone, email, type: 'whatsapp', tags: [] })

describe('finding duplicate groups over the mirror', () => {
  it('groups by the same phone, the same email, and a similar name with the same phone suffix; strongest first', () => {
    const groups = findDuplicateGroups([
      c(1, 'Anna Schmidt', '+491711234567'),
      c(2, 'A. Schmidt', '+491711234567'),
      c(3, 'Ben Meyer', '+4930111111', 'ben@example.de'),
      c(4, 'Benjamin', '+4930222222', 'BEN@example.de'),
      c(5, 'Jonathan Smithers', '+447700123456'),
      // One edit apart, same last six digits, another country prefix.
      c(6, 'Jonathon Smithers', '+17700123456'),
      c(7, 'Unrelated', '+4930999999'),
    ])
    expect(groups).toEqual([
      { ids: [1, 2], reason: 'phone', links: [{ a: 1, b: 2, reason: 'phone', value: '+491711234567' }] },
      { ids: [3, 4], reason: 'email', links: [{ a: 3, b: 4, reason: 'email', value: 'ben@example.de' }] },
      { ids: [5, 6], reason: 'name', links: [{ a: 5, b: 6, reason: 'name', value: '123456' }] },
    ])
  })

  it('joins groups transitively (a ~ b by phone, b ~ c by email) and names the strongest reason', () => {
    const groups = findDuplicateGroups([c(1, 'X', '+4930111111', 'x@e.de'), c(2, 'Y', '+4930222222', 'x@e.de'), c(3, 'Z', '+4930222222', null)])
    expect(groups).toHaveLength(1)
    expect(groups[0]).toMatchObject({ ids: [1, 2, 3], reason: 'phone' })
    expect(groups[0]!.links.map((l) => l.reason).sort()).toEqual(['email', 'phone'])
  })

  it('does not group short names one edit apart, nor similar names with other numbers', () => {
    expect(findDuplicateGroups([c(1, 'Ann Lee', '+4930123456'), c(2, 'Anna Lee', '+4940123456')])).toEqual([])
    expect(findDuplicateGroups([c(1, 'Jonathan Smithers', '+447700123456'), c(2, 'Jonathon Smithers', '+447700654321')])).toEqual([])
    expect(findDuplicateGroups([c(1, 'Anna Schmidt'), c(2, 'Anna Schmidt')])).toEqual([])
  })

  it('still finds equal names in a suffix shared by many contacts (a switchboard)', () => {
    const many = Array.from({ length: 200 }, (_, i) => c(i + 1, `Person Number${i}`, `+49${1000 + i}000123`))
    many.push(c(500, 'Person Number7', '+4999000123'))
    const groups = findDuplicateGroups(many)
    expect(groups).toEqual([{ ids: [8, 500], reason: 'name', links: [{ a: 8, b: 500, reason: 'name', value: '000123' }] }])
  })

  it('puts larger groups first within a reason', () => {
    const groups = findDuplicateGroups([c(1, 'a', '+4930111111'), c(2, 'b', '+4930111111'), c(3, 'c', '+4930222222'), c(4, 'd', '+4930222222'), c(5, 'e', '+4930222222')])
    expect(groups.map((g) => g.ids)).toEqual([[3, 4, 5], [1, 2]])
  })
})

/** The rule written the slow way: every pair compared, then connected groups by flooding. */
function naiveGroups(contacts: ContactRow[]): number[][] {
  const alike = (a: ContactRow, b: ContactRow): boolean => {
    if (phoneKey(a.phone) !== null && phoneKey(a.phone) === phoneKey(b.phone)) return true
    if (emailKey(a.email) !== null && emailKey(a.email) === emailKey(b.email)) return true
    const [x, y] = [nameKey(a.name), nameKey(b.name)]
    if (x === null || y === null || phoneSuffix(a.phone) === null || phoneSuffix(a.phone) !== phoneSuffix(b.phone)) return false
    return x === y || (x.length >= FUZZY_NAME_LENGTH && y.length >= FUZZY_NAME_LENGTH && withinEdits(x, y, 1))
  }
  const group = contacts.map((_, i) => i)
  for (let i = 0; i < contacts.length; i++)
    for (let j = 0; j < contacts.length; j++)
      if (alike(contacts[i]!, contacts[j]!) && group[i] !== group[j]) {
        const from = group[j]
        for (let k = 0; k < group.length; k++) if (group[k] === from) group[k] = group[i]!
      }
  const byGroup = new Map<number, number[]>()
  contacts.forEach((c, i) => byGroup.set(group[i]!, [...(byGroup.get(group[i]!) ?? []), c.id]))
  return [...byGroup.values()].filter((ids) => ids.length > 1)
}

describe('the duplicate scan against the rule written the slow way', () => {
  it('finds the same groups (property)', () => {
    const contact = fc.record({
      name: fc.constantFrom('Jonathan Smithers', 'Jonathon Smithers', 'jonathan smithers', 'Ann Lee', 'Anna Lee', 'Zoë', 'zoe', ''),
      phone: fc.constantFrom('+491711234567', '+441711234567', '+4930999999', '+4940999999', '+33612345678', null),
      email: fc.constantFrom('a@x.de', 'A@x.de', 'b@x.de', null),
    })
    fc.assert(
      fc.property(fc.array(contact, { maxLength: 14 }), (drafts) => {
        const contacts = drafts.map((d, i): ContactRow => ({ id: i + 1, ...d }))
        const sorted = (groups: number[][]) => groups.map((ids) => [...ids].sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!)
        expect(sorted(findDuplicateGroups(contacts).map((g) => g.ids))).toEqual(sorted(naiveGroups(contacts)))
      }),
      { numRuns: 300 },
    )
  })
})
