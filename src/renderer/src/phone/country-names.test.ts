import { describe, expect, it } from 'vitest'
import { countryName, countryOptions } from './country-names'

const names = (locale: string) => countryOptions(locale).map((option) => option.name)

describe('country names in the language', () => {
  it('names a country in each language', () => {
    expect(countryName('DE', 'en')).toBe('Germany')
    expect(countryName('DE', 'de')).toBe('Deutschland')
    expect(countryName('FR', 'ru')).toBe('Франция')
    expect(countryName('FR', 'ar')).toBe('فرنسا')
  })

  it('sorts by the language’s alphabet: Österreich among the O’s in German', () => {
    const german = names('de')
    expect(german.indexOf('Österreich')).toBeGreaterThan(german.indexOf('Oman'))
    expect(german.indexOf('Österreich')).toBeLessThan(german.indexOf('Pakistan'))
    expect(german.indexOf('Ägypten')).toBeLessThan(german.indexOf('Albanien'))
    expect(german).toEqual([...german].sort(new Intl.Collator('de').compare))
  })

  it('keeps each language’s list apart, with the calling code beside the name', () => {
    const english = countryOptions('en')
    expect(english.find((option) => option.value === 'AT')).toEqual({ value: 'AT', label: 'AT +43', name: 'Austria' })
    expect(countryOptions('de').find((option) => option.value === 'AT')?.name).toBe('Österreich')
    expect(countryOptions('en')).toBe(english)
  })
})
