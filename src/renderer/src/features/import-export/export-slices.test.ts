import { describe, expect, it } from 'vitest'
import { collectSlices, inGroups, type ExportSlice } from './export-slices'

function* slices(count: number, log: string[]): Generator<ExportSlice> {
  for (let i = 1; i <= count; i++) {
    log.push(`slice ${i}`)
    yield { text: `${i};`, written: i * 10 }
  }
}

describe('collecting an export slice by slice', () => {
  it('gives the window back between slices and reports progress', async () => {
    const log: string[] = []
    const parts = await collectSlices(slices(3, log), {
      onProgress: (written) => log.push(`written ${written}`),
      pause: async () => void log.push('pause'),
    })
    expect(parts).toEqual(['1;', '2;', '3;'])
    expect(log).toEqual(['slice 1', 'written 10', 'pause', 'slice 2', 'written 20', 'pause', 'slice 3', 'written 30', 'pause'])
  })

  it('stops writing when cancelled', async () => {
    const log: string[] = []
    const control = new AbortController()
    const parts = await collectSlices(slices(5, log), { signal: control.signal, pause: async () => control.abort() })
    expect(parts).toBeNull()
    expect(log).toEqual(['slice 1'])
  })

  it('groups items into slices of a size, the last one shorter', () => {
    expect([...inGroups([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]])
    expect([...inGroups([], 2)]).toEqual([])
  })
})
