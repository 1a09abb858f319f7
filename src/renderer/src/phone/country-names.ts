// Countries as the phone field names them: "France", and "FR +33" (with the name) in the picker of the country for local numbers.
import { getCountries, getCountryCallingCode, type CountryCode } from 'libphonenumber-js/max'

const names = new Intl.DisplayNames(['en'], { type: 'region' })

export function countryName(country: CountryCode): string {
  return names.of(country) ?? country
}

// A type, not an interface: naive-ui's SelectOption needs the implicit index signature.
export type CountryOption = {
  value: CountryCode
  /** "FR +33" */
  label: string
  name: string
}

let options: CountryOption[] | null = null

/** Every country libphonenumber knows, sorted by English name; built once (245 entries). */
export function countryOptions(): CountryOption[] {
  options ??= getCountries()
    .map((country) => ({ value: country, label: `${country} +${getCountryCallingCode(country)}`, name: countryName(country) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
  return options
}
