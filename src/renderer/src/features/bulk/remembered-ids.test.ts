import { describe, expect, it } from 'vitest'
import { readRemembered, remember } from './remembered-ids'

function memoryStorage() {
  const items = new Map<string, string>()
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items }
}

describe('remembered list and segment ids', () => {
  it('keeps ids with their labels, most recently used first, per account and kind', () => {
    const storage = memoryStorage()
    remember('acct', 'list', 7, 'Trade fair leads', 1, storage)
    remember('acct', 'list', 9, 'VIP', 2, storage)
    remember('acct', 'list', 7, '', 3, storage)
    expect(readRemembered('acct', 'list', storage)).toEqual([
      { id: 7, label: 'Trade fair leads', usedAt: 3 },
      { id: 9, label: 'VIP', usedAt: 2 },
    ])
    expect(readRemembered('acct', 'segment', storage)).toEqual([])
    expect(readRemembered('other', 'list', storage)).toEqual([])
  })

  it('shrugs off damaged storage', () => {
    const storage = memoryStorage()
    storage.setItem('skylight.lists.acct', '{not json')
    expect(readRemembered('acct', 'list', storage)).toEqual([])
    storage.setItem('skylight.lists.acct', JSON.stringify([{ id: -1, label: 'x', usedAt: 1 }, { id: 4, label: 'ok', usedAt: 2 }]))
    expect(readRemembered('acct', 'list', storage)).toEqual([{ id: 4, label: 'ok', usedAt: 2 }])
  })
})
