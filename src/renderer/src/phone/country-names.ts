// Countries as the phone field names them in a language: "France" / "Frankreich", and "FR +33" (with the name) in the picker of the country for local numbers.
// No import of the page's i18n module: the import's worker reads phones through this file too.
import { getCountries, getCountryCallingCode, type CountryCode } from 'libphonenumber-js/max'

const names = new Map<string, Intl.DisplayNames>()

export function countryName(country: CountryCode, locale: string): string {
  let display = names.get(locale)
  if (!display) names.set(locale, (display = new Intl.DisplayNames([locale], { type: 'region' })))
  return display.of(country) ?? country
}

// A type, not an interface: naive-ui's SelectOption needs the implicit index signature.
export type CountryOption = {
  value: CountryCode
  /** "FR +33" */
  label: string
  name: string
}

const options = new Map<string, CountryOption[]>()

/**
 * Every country libphonenumber knows (245), named in the language and in its alphabetical order
 * ("Österreich" among the O's in German); built once per language.
 */
export function countryOptions(locale: string): CountryOption[] {
  let made = options.get(locale)
  if (!made) {
    const collator = new Intl.Collator(locale, { sensitivity: 'base' })
    made = getCountries()
      .map((country) => ({ value: country, label: `${country} +${getCountryCallingCode(country)}`, name: countryName(country, locale) }))
      .sort((a, b) => collator.compare(a.name, b.name))
    options.set(locale, made)
  }
  return made
}
