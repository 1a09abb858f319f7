import { describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../shared/contact'
import { SearchIndex } from './search-index'

const people: ContactRow[] = [
  { id: 1, name: 'Sarah Johnson', email: 'sarah@example.com', phone: '+14155551234', type: 'whatsapp', blacklisted: false, tags: ['vip', 'newsletter'], status: 'active' },
  { id: 2, name: 'José Álvarez', email: 'jose.alvarez@correo.es', phone: '+34612345678', type: 'telegram', blacklisted: false, tags: ['lead'] },
  { id: 3, name: 'Zoë Müller', email: 'zoe@beispiel.de', phone: '+4915112345678', type: 'instagram', blacklisted: true, tags: ['VIP'] },
  { id: 4, name: 'Дмитрий Иванов', phone: '+79161234567', type: 'telegram', blacklisted: false, tags: [] },
  { id: 5, name: 'فاطمة الزهراء', phone: '+971501234567', type: 'whatsapp', blacklisted: false, tags: ['customer'] },
  { id: 6, name: 'John Johnston', email: 'jj@acme.io', phone: '+442079460958', type: 'whatsapp', blacklisted: false, tags: ['trade-fair-2026'], status: 'inactive' },
  { id: 7, name: 'Sara Jonas', email: 'sara@acme.io', type: 'instagram', blacklisted: false, tags: ['lead'] },
  { id: 8, name: 'Johnson', type: 'instagram' },
]
const index = new SearchIndex(people)
const find = (query: string, filters = {}) => index.search(query, filters).ids

describe('SearchIndex', () => {
  it.each([
    ['jose', [2]],
    ['JOSÉ', [2]],
    ['alv', [2]],
    ['zoe', [3]],
    ['muller', [3]],
    ['дми', [4]],
    ['иванов', [4]],
    ['فاطمة', [5]],
    ['sarah', [1, 7]],
    ['sara', [7, 1]],
    ['sar joh', [1]],
    ['sarah@', [1]],
    ['acme', [6, 7]],
    ['example', [1]],
    ['4155', [1]],
    ['+1 415', [1]],
    ['(415) 555-1234', [1]],
    ['020 7946 0958', [6]],
    ['#vip', [1, 3]],
    ['tag:lead', [2, 7]],
    ['#trade', [6]],
    ['2026', [6]],
    ['nobody', []],
  ])('%s finds %j', (query, ids) => {
    expect(find(query)).toEqual(ids)
  })

  it('ranks a whole word above a prefix, then by name', () => {
    // "johnson" is a whole word of Johnson and Sarah Johnson, a prefix of Johnston.
    expect(find('johnson')).toEqual([8, 1, 6])
  })

  it('tolerates one typo in words of 4+ letters, ranked below exact and prefix matches', () => {
    expect(find('jonhson')).toEqual([8, 1])
    expect(find('mulerr')).toEqual([])
    expect(find('muler')).toEqual([3])
    expect(find('sarah jonhson')).toEqual([1])
  })

  it('does not guess for short words', () => {
    expect(find('jhn')).toEqual([])
  })

  it('combines text with filters', () => {
    expect(find('', { type: 'instagram' })).toEqual([8, 7, 3])
    expect(find('jo', { type: 'whatsapp' })).toEqual([6, 1])
    expect(find('', { blacklisted: true })).toEqual([3])
    expect(find('', { tag: 'vip' })).toEqual([1, 3])
    expect(find('', { status: 'inactive' })).toEqual([6])
  })

  it('matches a status filter only where the status is known: list rows leave it out', () => {
    // Only Sarah (active) and John Johnston (inactive) have a known status.
    expect(find('', { status: 'active' })).toEqual([1])
    expect(find('', { status: 'inactive' })).toEqual([6])
    expect(find('sara', { status: 'active' })).toEqual([1])
    const live = new SearchIndex(people)
    live.upsert([{ id: 7, name: 'Sara Jonas', status: 'active' }, { id: 99, name: 'Sara Unknown' }])
    expect(live.search('sara', { status: 'active' }).ids).toEqual([7, 1])
    expect(live.search('sara', { status: 'inactive' }).ids).toEqual([])
  })

  it('lists everyone by name for an empty query, with the total', () => {
    const result = index.search('', {}, 3)
    expect(result.ids).toEqual([6, 8, 2])
    expect(result.total).toBe(people.length)
  })

  it('counts every match even when it returns fewer', () => {
    expect(index.search('jo', {}, 1)).toEqual({ ids: [6], total: 5, unknown: 0 })
  })

  it('ranks the same rows whatever the limit, so pages of one query never disagree', () => {
    for (const query of ['', 'jo', 'jonhson', 'sara', '#vip', 'acme']) {
      const full = index.search(query, {}, Infinity)
      for (let limit = 1; limit <= full.ids.length; limit++) expect(index.search(query, {}, limit)).toEqual({ ids: full.ids.slice(0, limit), total: full.total, unknown: full.unknown })
    }
  })

  it('finds digits anywhere in a number, once, also where the number holds them more than once', () => {
    const repeats = new SearchIndex([...people, { id: 20, name: 'Ray Repeat', phone: '+1 555 555 5555' }])
    expect(repeats.search('5555')).toEqual({ ids: [20, 1], total: 2, unknown: 0 })
    expect(repeats.search('555 5555').ids).toEqual([20])
    expect(repeats.search('9460958').ids).toEqual([6])
  })

  it('finds phone digits alike before and after the phone runs are warmed up (built on first use, or by warmUp)', () => {
    const cold = new SearchIndex(people)
    const warm = new SearchIndex(people)
    warm.warmUp()
    for (const digits of ['4155', '612345', '9460958', '0000']) expect(cold.search(digits)).toEqual(warm.search(digits))
    expect(cold.search('9460958').ids).toEqual([6])
  })

  it('orders namesakes by id, whatever order the rows come in', () => {
    const namesakes = new SearchIndex([
      { id: 5, name: 'Zoe' },
      { id: 9, name: 'Zoë' },
      { id: 1, name: 'Adam' },
      { id: 2, name: 'zoe' },
    ])
    expect(namesakes.search('').ids).toEqual([1, 2, 5, 9])
    expect(namesakes.search('zoe').ids).toEqual([2, 5, 9])
  })

  it('ranks alike whether a term is rare (its rows read alone) or common (every row read)', () => {
    const fillers: ContactRow[] = Array.from({ length: 40 }, (_, i) => ({ id: 100 + i, name: `Filler ${String(i).padStart(2, '0')}`, type: i % 2 ? 'telegram' : 'whatsapp' }))
    const mixed = new SearchIndex([...fillers, { id: 7, name: 'Rare Filler', type: 'telegram' }, { id: 3, name: 'Rare Bird', type: 'whatsapp' }])
    expect(mixed.search('rare').ids).toEqual([3, 7])
    expect(mixed.search('rare fil').ids).toEqual([7])
    expect(mixed.search('filler', {}, 3)).toEqual({ ids: [100, 101, 102], total: 41, unknown: 0 })
    expect(mixed.search('filler', { type: 'telegram' }, 2)).toEqual({ ids: [101, 103], total: 21, unknown: 0 })
    // The scratch of one search is clear for the next.
    expect(mixed.search('rare', { type: 'whatsapp' }).ids).toEqual([3])
    expect(mixed.search('filler 39').ids).toEqual([139])
  })

  it('finds tags by their start only, and an unknown tag filter finds nobody', () => {
    // "fair" is a word of the tag trade-fair-2026, but no tag starts with it.
    expect(find('#fair')).toEqual([])
    expect(find('fair')).toEqual([6])
    expect(find('', { tag: 'vi' })).toEqual([])
    expect(find('', { tag: 'nobody' })).toEqual([])
    expect(find('sarah', { tag: 'VIP', type: 'whatsapp', status: 'active', blacklisted: false })).toEqual([1])
  })

  it('keeps current as rows change, are added and removed', () => {
    const live = new SearchIndex(people)
    live.upsert([{ id: 2, name: 'Pepe Álvarez' }, { id: 99, name: 'Zoé Adler', tags: ['vip'] }])
    live.remove([3])
    expect(live.search('jose').ids).toEqual([])
    expect(live.search('pepe').ids).toEqual([2])
    expect(live.search('zoe').ids).toEqual([99])
    expect(live.search('#vip').ids).toEqual([1, 99])
    expect(live.search('').ids.slice(0, 4)).toEqual([6, 8, 2, 7])
    expect(live.size).toBe(people.length)
  })

  it('ranks rows added after the build by name too, even into an empty index', () => {
    const live = new SearchIndex([])
    live.upsert([
      { id: 3, name: 'Noah Kowalski', tags: ['vip'] },
      { id: 1, name: 'Chloé Dubois', tags: ['vip'] },
      { id: 2, name: 'Ángela García', tags: ['vip'] },
    ])
    expect(live.search('#vip').ids).toEqual([2, 1, 3])
  })

  it('answers the same after compact() folds the changes into the core', () => {
    const live = new SearchIndex(people)
    live.upsert([{ id: 99, name: 'Zoé Adler', tags: ['vip'] }])
    live.remove([3])
    const before = [live.search('').ids, live.search('#vip').ids, live.search('zoe').ids]
    live.compact()
    expect([live.search('').ids, live.search('#vip').ids, live.search('zoe').ids]).toEqual(before)
  })

  it('gives the same answers after the overlay is folded into a rebuilt core', () => {
    const live = new SearchIndex(people)
    const many = Array.from({ length: 2500 }, (_, i) => ({ id: 1000 + i, name: `Filler ${i}` }))
    live.upsert(many)
    live.upsert([{ id: 1, name: 'Sarah Johnson-Lee', tags: ['vip'] }])
    expect(live.search('filler 2499').ids).toEqual([3499])
    expect(live.search('lee').ids).toEqual([1])
    expect(live.size).toBe(people.length + 2500)
  })
})

describe('name order in the page’s language', () => {
  const spanish: ContactRow[] = [
    { id: 1, name: 'Nora Díaz', type: 'whatsapp' },
    { id: 2, name: 'Ñandú Pérez', type: 'whatsapp' },
    { id: 3, name: 'Oscar Ruiz', type: 'whatsapp' },
  ]

  it('orders names as the language does, and again when it changes, the rows changed since included', () => {
    const live = new SearchIndex(spanish, 'en')
    // English reads Ñ as N: "Ñandú" comes before "Nora".
    expect(live.search('', {}).ids).toEqual([2, 1, 3])
    live.upsert([{ id: 4, name: 'Ñoño Gil', type: 'telegram' }])
    expect(live.search('', {}).ids).toEqual([2, 4, 1, 3])
    // Spanish has Ñ as its own letter after N.
    live.setLocale('es')
    expect(live.search('', {}).ids).toEqual([1, 2, 4, 3])
  })
})
