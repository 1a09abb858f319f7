import { afterEach, describe, expect, it } from 'vitest'
import { setAppLocale } from '../i18n'
import { SearchStopped, searchErrorText } from './search-stopped'

afterEach(() => setAppLocale('en'))

describe('a stopped search', () => {
  it('keeps English for the log and is worded in the language shown when read', () => {
    const stopped = new SearchStopped({ code: 'workerFailed', detail: 'out of memory' })
    expect(stopped.message).toBe('The search worker failed: out of memory')
    setAppLocale('de')
    expect(searchErrorText(stopped)).toBe('Die Suche ist ausgefallen: out of memory')
    expect(searchErrorText(new Error('index broken'))).toBe('index broken')
  })
})
