import { describe, expect, it, vi } from 'vitest'
import type { ContactRow } from '../../../../shared/contact'
import type { SearchPage } from '../../search/search-client'
import { BLOCK, KEPT_BLOCKS, RowWindow } from './row-window'

const people = (count: number, prefix = 'P'): ContactRow[] => Array.from({ length: count }, (_, i) => ({ id: i + 1, name: `${prefix}${i}` }))

/** A reader over a fixed list whose answers the test releases one by one. */
function reader(rows: () => ContactRow[]) {
  const calls: { offset: number; limit: number; answer: () => void }[] = []
  const read = (offset: number, limit: number) =>
    new Promise<SearchPage>((resolve) => {
      calls.push({ offset, limit, answer: () => resolve({ rows: rows().slice(offset, offset + limit), total: rows().length, ready: true }) })
    })
  return { read, calls }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('row window', () => {
  it('reads the blocks a view shows, once each, and serves their rows', async () => {
    const list = people(1000)
    const { read, calls } = reader(() => list)
    const onUpdate = vi.fn()
    const window = new RowWindow(read, onUpdate, () => {})
    window.show(0, 40)
    window.show(0, 40)
    expect(calls.map((c) => [c.offset, c.limit])).toEqual([[0, BLOCK]])
    calls[0].answer()
    await flush()
    expect(window.rowAt(39)?.name).toBe('P39')
    expect(window.state).toEqual({ total: 1000, ready: true, loaded: true, unknown: 0 })
    window.show(90, 130)
    expect(calls.map((c) => c.offset)).toEqual([0, 100])
    expect(window.rowAt(120)).toBeUndefined()
    calls[1].answer()
    await flush()
    expect(window.rowAt(120)?.name).toBe('P120')
    expect(onUpdate).toHaveBeenCalledTimes(2)
  })

  it('keeps showing the old rows until a refresh answers, then swaps them at once', async () => {
    let list = people(300)
    const { read, calls } = reader(() => list)
    const window = new RowWindow(read, () => {}, () => {})
    window.show(0, 150)
    calls.forEach((c) => c.answer())
    await flush()
    list = people(300, 'Q')
    const refreshing = window.refresh()
    expect(window.rowAt(120)?.name).toBe('P120')
    expect(calls.at(-1)).toMatchObject({ offset: 0, limit: 2 * BLOCK })
    calls.at(-1)!.answer()
    await refreshing
    expect([window.rowAt(0)?.name, window.rowAt(120)?.name]).toEqual(['Q0', 'Q120'])
  })

  it('serves the note excerpts and the unknown count of the page that brought the rows', async () => {
    const list = people(150)
    const excerpt = { noteId: 9, text: 'the price', marks: [[4, 9]] as [number, number][] }
    let noted = true
    const read = async (offset: number, limit: number): Promise<SearchPage> => ({
      rows: list.slice(offset, offset + limit),
      total: list.length,
      ready: true,
      unknown: noted ? 12 : 0,
      ...(noted && { excerpts: { 121: excerpt } }),
    })
    const window = new RowWindow(read, () => {}, () => {})
    window.show(100, 140)
    await flush()
    expect(window.excerptAt(120)).toEqual(excerpt)
    expect(window.excerptAt(119)).toBeUndefined()
    expect(window.state.unknown).toBe(12)
    noted = false
    await window.refresh()
    expect(window.excerptAt(120)).toBeUndefined()
    expect(window.state.unknown).toBe(0)
  })

  it('drops a slower answer to an older refresh or block read', async () => {
    let list = people(200, 'old')
    const { read, calls } = reader(() => list)
    const window = new RowWindow(read, () => {}, () => {})
    window.show(0, 10)
    const staleBlock = calls[0]
    const first = window.refresh()
    list = people(200, 'new')
    const second = window.refresh()
    calls[2].answer()
    await second
    list = people(200, 'older')
    calls[1].answer()
    staleBlock.answer()
    await first
    await flush()
    expect(window.rowAt(0)?.name).toBe('new0')
  })

  it('reports a failed read and does not read past the total', async () => {
    const onError = vi.fn()
    const failing = new RowWindow(() => Promise.reject(new Error('worker gone')), () => {}, onError)
    await failing.refresh()
    expect(onError).toHaveBeenCalledWith(new Error('worker gone'))

    const { read, calls } = reader(() => people(50))
    const window = new RowWindow(read, () => {}, () => {})
    window.show(0, 40)
    calls[0].answer()
    await flush()
    window.show(100, 140)
    expect(calls).toHaveLength(1)
  })

  it('forgets blocks far from the view', async () => {
    const { read, calls } = reader(() => people(100 * BLOCK))
    const window = new RowWindow(read, () => {}, () => {})
    for (let block = 0; block < KEPT_BLOCKS + 5; block++) {
      window.show(block * BLOCK, block * BLOCK + 10)
      calls.at(-1)!.answer()
      await flush()
    }
    window.show(0, 10)
    expect(window.rowAt(0)).toBeUndefined()
    expect(calls.at(-1)!.offset).toBe(0)
  })
  it('places a refresh at the rows it read, when the view moved to the top while it was in flight', async () => {
    let list = people(1000, 'jose')
    const { read, calls } = reader(() => list)
    const window = new RowWindow(read, () => {}, () => {})
    window.show(0, 40)
    calls[0].answer()
    await flush()
    window.show(960, 1000)
    calls[1].answer()
    await flush()
    // The query changes (a paste, or Esc): the refresh reads where the view is, then the table
    // scrolls to the top before the answer comes.
    list = people(300, 'zoe')
    const refreshing = window.refresh()
    expect(calls[2]).toMatchObject({ offset: 900, limit: BLOCK })
    window.show(0, 40)
    // The old first block is not the new query's: it is read again, not kept.
    expect(calls.map((c) => c.offset)).toEqual([0, 900, 900, 0])
    calls[2].answer()
    await refreshing
    expect(window.rowAt(0)).toBeUndefined()
    expect(window.state.total).toBe(300)
    calls[3].answer()
    await flush()
    expect(Array.from({ length: 40 }, (_, i) => window.rowAt(i)?.name)).toEqual(people(40, 'zoe').map((p) => p.name))
  })

  it('keeps the first rows of a new query when their block answers before a refresh read further down', async () => {
    let list = people(1000, 'jose')
    const { read, calls } = reader(() => list)
    const window = new RowWindow(read, () => {}, () => {})
    window.show(500, 540)
    calls[0].answer()
    await flush()
    list = people(250, 'zoe')
    const refreshing = window.refresh()
    window.show(0, 40)
    expect(calls.map((c) => c.offset)).toEqual([500, 500, 0])
    calls[2].answer()
    await flush()
    expect(window.rowAt(0)?.name).toBe('zoe0')
    calls[1].answer()
    await refreshing
    expect([window.rowAt(0)?.name, window.rowAt(39)?.name, window.rowAt(500)]).toEqual(['zoe0', 'zoe39', undefined])
  })

  it('reads a block the view reaches during a refresh only once the refresh does not cover it', async () => {
    const list = people(1000)
    const { read, calls } = reader(() => list)
    const window = new RowWindow(read, () => {}, () => {})
    window.show(0, 150)
    calls.forEach((c) => c.answer())
    await flush()
    const refreshing = window.refresh()
    window.show(50, 120)
    expect(calls).toHaveLength(3)
    window.show(150, 220)
    expect(calls.map((c) => c.offset)).toEqual([0, 100, 0, 200])
    calls.slice(2).forEach((c) => c.answer())
    await refreshing
    await flush()
    expect([window.rowAt(120)?.name, window.rowAt(210)?.name]).toEqual(['P120', 'P210'])
  })
})
