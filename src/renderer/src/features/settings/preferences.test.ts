import { describe, expect, it } from 'vitest'
import { readPreferences, writePreferences } from './preferences'

const memory = () => {
  const items = new Map<string, string>()
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items }
}

describe('preferences', () => {
  it('defaults to the OS language and theme, a sync every 5 minutes and half the limit for hydration, and keeps what the user chose', () => {
    const storage = memory()
    expect(readPreferences(storage)).toEqual({ language: 'system', theme: 'system', syncIntervalMinutes: 5, hydrationSharePercent: 50 })
    writePreferences({ language: 'pt-BR', theme: 'dark', syncIntervalMinutes: 15, hydrationSharePercent: 25 }, storage)
    expect(readPreferences(storage)).toEqual({ language: 'pt-BR', theme: 'dark', syncIntervalMinutes: 15, hydrationSharePercent: 25 })
  })

  it('falls back per value when one no longer reads, and survives a broken file', () => {
    const storage = memory()
    storage.setItem('preferences', JSON.stringify({ language: 'klingon', theme: 'sepia', syncIntervalMinutes: 15 }))
    expect(readPreferences(storage)).toEqual({ language: 'system', theme: 'system', syncIntervalMinutes: 15, hydrationSharePercent: 50 })
    storage.setItem('preferences', '{not json')
    expect(readPreferences(storage)).toEqual({ language: 'system', theme: 'system', syncIntervalMinutes: 5, hydrationSharePercent: 50 })
    storage.setItem('preferences', JSON.stringify({ language: 'ar', theme: 'light', syncIntervalMinutes: 7, hydrationSharePercent: 33 }))
    expect(readPreferences(storage)).toEqual({ language: 'ar', theme: 'light', syncIntervalMinutes: 5, hydrationSharePercent: 50 })
    expect(readPreferences(null)).toEqual({ language: 'system', theme: 'system', syncIntervalMinutes: 5, hydrationSharePercent: 50 })
  })
})
