// One ICU message (plurals, selects, numbers) compiled once per language and filled with values; main and the page both use it.
import { IntlMessageFormat } from 'intl-messageformat'
import type { AppLocale } from './locales'

export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>
/** One language's messages by key: `contacts.table.empty` → "No contacts yet". */
export type Catalog = Readonly<Record<string, string>>
export type Catalogs = Readonly<Record<AppLocale, Catalog>>

const compiled = new Map<string, IntlMessageFormat>()

/** The message compiled for its language; compiled messages are kept, as a UI formats the same few again and again. */
export function compileMessage(message: string, locale: string): IntlMessageFormat {
  const cacheKey = `${locale}\u0000${message}`
  let format = compiled.get(cacheKey)
  if (!format) {
    format = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true })
    compiled.set(cacheKey, format)
  }
  return format
}

export function formatMessage(message: string, locale: string, values: MessageValues = {}): string {
  return String(compileMessage(message, locale).format(values))
}

/** A `t(key, values)` over catalogs: the language's message, else English's, else the key itself (so a gap shows, never crashes). */
export function translator(catalogs: Catalogs, locale: () => AppLocale) {
  return (key: string, values?: MessageValues): string => {
    const current = locale()
    const message = catalogs[current][key] ?? catalogs.en[key]
    if (message === undefined) return key
    return formatMessage(message, catalogs[current][key] === undefined ? 'en' : current, values)
  }
}
