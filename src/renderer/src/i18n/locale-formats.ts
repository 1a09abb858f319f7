// Numbers, lists, dates and name order as the current language writes them; each formatter made once per language.
import { currentLocale } from './i18n'
import type { AppLocale } from '../../../shared/i18n/locales'

export interface LocaleFormats {
  number: Intl.NumberFormat
  /** "a, b and c" in the language's words. */
  list: Intl.ListFormat
  dateTime: Intl.DateTimeFormat
  relative: Intl.RelativeTimeFormat
  /** Name order: accents and case aside, numbers by value. */
  collator: Intl.Collator
}

const made = new Map<AppLocale, LocaleFormats>()

export function localeFormats(locale: AppLocale = currentLocale.value): LocaleFormats {
  let formats = made.get(locale)
  if (!formats) {
    formats = {
      number: new Intl.NumberFormat(locale),
      list: new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }),
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
      relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
      collator: new Intl.Collator(locale, { sensitivity: 'base', numeric: true }),
    }
    made.set(locale, formats)
  }
  return formats
}
