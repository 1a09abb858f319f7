// The country a local phone number (no +) belongs to: the user's choice, kept in localStorage, else their locale's region.
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max'
import { readonly, ref } from 'vue'

const STORAGE_KEY = 'contactForm.defaultCountry'

/** The region of a BCP 47 language tag, as a phone country ('en' counts as US, 'fr' as FR); null when there is none. */
export function countryOfLanguage(language: string | undefined): CountryCode | null {
  if (!language) return null
  try {
    const region = new Intl.Locale(language).maximize().region
    return region && isSupportedCountry(region) ? region : null
  } catch {
    return null
  }
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>

const browserStorage = (): KeyValueStore | null => (typeof localStorage === 'undefined' ? null : localStorage)
const browserLanguage = (): string | undefined => (typeof navigator === 'undefined' ? undefined : navigator.language)

/** The saved choice when it is still a known country, else the language's region, else none. */
export function readDefaultCountry(storage: KeyValueStore | null = browserStorage(), language: string | undefined = browserLanguage()): CountryCode | null {
  const saved = storage?.getItem(STORAGE_KEY)
  if (saved && isSupportedCountry(saved)) return saved
  return countryOfLanguage(language)
}

const current = ref<CountryCode | null>(readDefaultCountry())

/** The country as the app uses it while it runs (phones of that country show in national format); follows saveDefaultCountry. */
export const defaultCountry = readonly(current)

export function saveDefaultCountry(country: CountryCode, storage: KeyValueStore | null = browserStorage()): void {
  storage?.setItem(STORAGE_KEY, country)
  current.value = country
}
