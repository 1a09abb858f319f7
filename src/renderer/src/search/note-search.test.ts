import { describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../shared/contact'
import { SearchIndex } from './search-index'

const people: ContactRow[] = [
  { id: 1, name: 'Sarah Johnson', email: 'sarah@example.com', phone: '+14155551234', type: 'whatsapp', tags: ['pricing'] },
  { id: 2, name: 'Kim Park', email: 'k.moreno-li@northwind-traders.co.uk', type: 'telegram', tags: [] },
  { id: 3, name: 'Priceless Ltd', type: 'instagram', tags: [] },
  { id: 4, name: 'Amy Adams', type: 'whatsapp', tags: [] },
  { id: 5, name: 'Bruno Costa', type: 'whatsapp', tags: [] },
  { id: 6, name: 'Price', type: 'telegram', tags: [] },
  { id: 7, name: 'Reis Travel', type: 'telegram', tags: [] },
]

function indexWithNotes(notes: Record<number, string[]>): SearchIndex {
  const index = new SearchIndex(people)
  for (const [id, contents] of Object.entries(notes)) index.readNotes(Number(id), contents)
  index.notesRead()
  return index
}

describe('email search', () => {
  const index = new SearchIndex(people)
  it.each([
    ['moreno', [2]],
    ['li', [2]],
    ['northwind', [2]],
    ['traders', [2]],
    ['uk', [2]],
    ['north', [2]],
    ['k.moreno', [2]],
    ['@northwind-traders.co.uk', [2]],
    ['example', [1]],
  ])('finds %s by a piece of the local part or a domain label', (query, ids) => {
    expect(index.search(query).ids).toEqual(ids)
  })

  it('finds a row that gains its email later (a full read of a list row)', () => {
    const live = new SearchIndex(people)
    expect(live.search('imports').ids).toEqual([])
    live.upsert([{ ...people[4], email: 'bc@costa-imports.pt' }])
    expect(live.search('imports').ids).toEqual([5])
    expect(live.search('bc').ids).toEqual([5])
    live.compact()
    expect(live.search('costa imports').ids).toEqual([5])
  })
})

describe('note search', () => {
  const notes = {
    4: ['Asked about the PRICE list for 2026.', 'Call back on Monday'],
    5: ['Preis zu hoch — wants a discount', 'Prix spécial proposé'],
  }

  it('finds contacts by a word of their notes with note:, by prefix, folded like names', () => {
    const index = indexWithNotes(notes)
    expect(index.search('note:price').ids).toEqual([4])
    expect(index.search('note:pri').ids).toEqual([4, 5])
    expect(index.search('note:SPECIAL').ids).toEqual([5])
    expect(index.search('note:2026').ids).toEqual([4])
    expect(index.search('note:price note:monday').ids).toEqual([4])
    expect(index.search('note:price bruno').ids).toEqual([])
    expect(index.search('amy note:call').ids).toEqual([4])
    expect(index.search('note:nothing').ids).toEqual([])
  })

  it('ignores a bare note: being typed', () => {
    const index = indexWithNotes(notes)
    expect(index.search('note:').total).toBe(people.length)
    expect(index.search('amy note:').ids).toEqual([4])
  })

  it('matches plain words in notes too, ranked below name, email, tag and typo matches', () => {
    const index = indexWithNotes(notes)
    // Price (whole name), Priceless (name prefix), Sarah (tag "pricing" is no match for "price"), then Amy by her note.
    expect(index.search('price').ids).toEqual([6, 3, 4])
    expect(index.search('pric').ids).toEqual([6, 3, 1, 4])
    // "preis" is one letter from Reis: a guess at a name still ranks above a word in a note.
    expect(index.search('preis').ids).toEqual([7, 5])
    expect(index.search('monday').ids).toEqual([4])
  })

  it('does not look in notes for words shorter than three letters', () => {
    const index = indexWithNotes({ 4: ['ok zu'] })
    expect(index.search('zu').ids).toEqual([])
    expect(index.search('note:zu').ids).toEqual([4])
  })

  it('takes a note: word of one or two letters whole, not as a prefix', () => {
    const index = indexWithNotes({ 4: ['UK office ok'], 5: ['Price ok in uk', 'p'] })
    expect(index.search('note:ok').ids).toEqual([4, 5])
    expect(index.search('note:o').ids).toEqual([])
    expect(index.search('note:p').ids).toEqual([5])
    index.setNotes(3, ['okay', 'uk'])
    expect(index.search('note:ok').ids).toEqual([4, 5])
    expect(index.search('note:uk').ids).toEqual([4, 5, 3])
  })

  it('looks in notes for a typed word only while name, email and tag matches are few', () => {
    const many: ContactRow[] = Array.from({ length: 60 }, (_, i) => ({ id: 100 + i, name: `Warehouse Team ${i}`, type: 'telegram' }))
    const index = new SearchIndex([...people, ...many])
    index.readNotes(4, ['Meet at the warehouse'])
    index.notesRead()
    expect(index.search('warehouse').total).toBe(60)
    expect(index.search('warehouse').ids).not.toContain(4)
    expect(index.search('note:warehouse').ids).toEqual([4])
    const fewer = indexWithNotes({ 4: ['Meet at the warehouse'] })
    expect(fewer.search('warehouse').ids).toEqual([4])
  })

  it('keeps current as notes are added, changed and removed, and after the core is rebuilt', () => {
    const index = indexWithNotes(notes)
    index.setNotes(1, ['Wants the price in euros'])
    expect(index.search('note:euros').ids).toEqual([1])
    // A word no note held when the notes were read: found in the changed row's notes all the same.
    expect(index.search('euros').ids).toEqual([1])
    expect(index.search('note:price').ids).toEqual([4, 1])
    index.setNotes(4, ['Call back on Monday'])
    expect(index.search('note:price').ids).toEqual([1])
    expect(index.search('note:monday').ids).toEqual([4])
    index.setNotes(5, [])
    expect(index.search('note:preis').ids).toEqual([])
    index.compact()
    expect(index.search('note:price').ids).toEqual([1])
    expect(index.search('note:preis').ids).toEqual([])
    expect(index.search('note:monday').ids).toEqual([4])
    index.remove([4])
    expect(index.search('note:monday').ids).toEqual([])
    expect(index.notes.has(4)).toBe(false)
  })

  it('indexes notes of a contact that arrives after its notes', () => {
    const index = indexWithNotes({})
    index.setNotes(77, ['Met at the trade fair'])
    index.upsert([{ id: 77, name: 'Zed Nobody', type: 'telegram' }])
    expect(index.search('note:fair').ids).toEqual([77])
    index.compact()
    expect(index.search('note:fair').ids).toEqual([77])
  })

  it('says which words to show from a matching contact’s notes', () => {
    const index = indexWithNotes(notes)
    const words = index.noteWordsFor([4, 5, 6], 'price monday')
    expect(Object.fromEntries(words)).toEqual({ 4: ['price', 'monday'], 5: ['price', 'monday'] })
    // Price matched by name: its notes are not why (it has none anyway); Amy's "amy" is her name.
    expect(Object.fromEntries(index.noteWordsFor([4], 'amy note:call'))).toEqual({ 4: ['call'] })
    expect(index.noteWordsFor([4], 'amy').size).toBe(0)
  })
})

describe('filters on fields not known yet', () => {
  const rows: ContactRow[] = [
    { id: 1, name: 'Ana Active', type: 'whatsapp', status: 'active' },
    { id: 2, name: 'Ana Inactive', type: 'whatsapp', status: 'inactive' },
    { id: 3, name: 'Ana Unknown', type: 'whatsapp' },
    { id: 4, name: 'Ana Nochannel', status: 'active' },
    { id: 5, name: 'Bob Unknown', type: 'telegram' },
  ]

  it('counts the matches whose filtered status or channel is unknown apart', () => {
    const index = new SearchIndex(rows)
    expect(index.search('', { status: 'active' })).toMatchObject({ ids: [1, 4], total: 2, unknown: 2 })
    expect(index.search('ana', { status: 'active' })).toMatchObject({ ids: [1, 4], total: 2, unknown: 1 })
    expect(index.search('ana', { type: 'whatsapp' })).toMatchObject({ ids: [1, 2, 3], total: 3, unknown: 1 })
    expect(index.search('ana', { type: 'whatsapp', status: 'active' })).toMatchObject({ ids: [1], total: 1, unknown: 2 })
    // A known value that fails one filter is no "unknown", whatever the other: Nochannel is active, not inactive.
    expect(index.search('ana', { type: 'telegram', status: 'inactive' })).toMatchObject({ ids: [], unknown: 0 })
    expect(index.search('ana', { type: 'telegram', status: 'active' })).toMatchObject({ ids: [], unknown: 1 })
    expect(index.search('ana')).toMatchObject({ total: 4, unknown: 0 })
  })

  it('counts exactly once every status is known, overlay rows included', () => {
    const index = new SearchIndex(rows)
    index.upsert([
      { id: 3, name: 'Ana Unknown', type: 'whatsapp', status: 'active' },
      { id: 5, name: 'Bob Unknown', type: 'telegram', status: 'inactive' },
      { id: 6, name: 'Cy New', type: 'whatsapp' },
    ])
    expect(index.search('', { status: 'active' })).toMatchObject({ ids: [1, 4, 3], total: 3, unknown: 1 })
    index.upsert([{ id: 6, name: 'Cy New', type: 'whatsapp', status: 'inactive' }])
    expect(index.search('', { status: 'active' })).toMatchObject({ total: 3, unknown: 0 })
    index.compact()
    expect(index.search('', { status: 'active' })).toMatchObject({ ids: [1, 4, 3], total: 3, unknown: 0 })
  })

  it('counts unknown rows found by a typo once', () => {
    const index = new SearchIndex(rows)
    expect(index.search('bobb', { status: 'active' })).toMatchObject({ total: 0, unknown: 1 })
  })
})
