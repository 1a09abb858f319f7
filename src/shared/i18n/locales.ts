// The languages the app speaks, and which one a person gets from the languages their system prefers.

export const LOCALES = ['en', 'de', 'es', 'fr', 'pt-BR', 'ru', 'ar'] as const
export type AppLocale = (typeof LOCALES)[number]

export const DEFAULT_LOCALE: AppLocale = 'en'

/** Each language named in itself, as a language menu shows it. */
export const LOCALE_NAMES: Record<AppLocale, string> = {
  en: 'English',
  de: 'Deutsch',
  es: 'Español',
  fr: 'Français',
  'pt-BR': 'Português (Brasil)',
  ru: 'Русский',
  ar: 'العربية',
}

export const isAppLocale = (value: unknown): value is AppLocale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value)

/** A tag like "de-AT", "pt_PT" or "ar-EG" to the language we have for it: exact first, then by its language alone. */
function matchOne(tag: string): AppLocale | undefined {
  const normalized = tag.replace('_', '-')
  const exact = LOCALES.find((locale) => locale.toLowerCase() === normalized.toLowerCase())
  if (exact) return exact
  const language = normalized.split('-')[0].toLowerCase()
  return LOCALES.find((locale) => locale.split('-')[0] === language)
}

/** The first of the preferred tags we speak, in the order given (the OS's, then the browser's); else English. */
export function pickLocale(preferred: readonly (string | undefined)[]): AppLocale {
  for (const tag of preferred) {
    const match = tag ? matchOne(tag) : undefined
    if (match) return match
  }
  return DEFAULT_LOCALE
}

export const textDirection = (locale: AppLocale): 'rtl' | 'ltr' => (locale === 'ar' ? 'rtl' : 'ltr')
