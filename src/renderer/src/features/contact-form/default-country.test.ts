import { describe, expect, it } from 'vitest'
import { countryOfLanguage, defaultCountry, readDefaultCountry, saveDefaultCountry } from './default-country'

const memoryStorage = (initial: Record<string, string> = {}) => {
  const values = new Map(Object.entries(initial))
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) }
}

describe('the default country for local numbers', () => {
  it.each([
    ['en-GB', 'GB'],
    ['pt-BR', 'BR'],
    ['fr', 'FR'],
    ['en', 'US'],
    ['de-AT', 'AT'],
    ['not a language', null],
    [undefined, null],
  ] as const)('reads %s as %s', (language, country) => {
    expect(countryOfLanguage(language)).toBe(country)
  })

  it('starts from the language region, then keeps the user choice', () => {
    const storage = memoryStorage()
    expect(readDefaultCountry(storage, 'en-GB')).toBe('GB')
    saveDefaultCountry('FR', storage)
    expect(readDefaultCountry(storage, 'en-GB')).toBe('FR')
  })

  it('tells the running app of a new choice (phones of that country then show nationally)', () => {
    saveDefaultCountry('JP', memoryStorage())
    expect(defaultCountry.value).toBe('JP')
    saveDefaultCountry('BR', memoryStorage())
    expect(defaultCountry.value).toBe('BR')
  })

  it('ignores a saved value that is not a country', () => {
    expect(readDefaultCountry(memoryStorage({ 'contactForm.defaultCountry': 'XX' }), 'es-MX')).toBe('MX')
  })

  it('works without storage', () => {
    expect(readDefaultCountry(null, 'it-IT')).toBe('IT')
  })
})
