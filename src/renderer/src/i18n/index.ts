// The page's language, its formats and naive-ui's matching locale: what every room imports to speak the user's language.
export { i18n, t, liveText, currentLocale, inlineEnd, setAppLocale } from './i18n'
export { localeFormats, type LocaleFormats } from './locale-formats'
export { NAIVE_LOCALES } from './naive-locale'
export { naiveRtl } from './naive-rtl'
export { LOCALES, LOCALE_NAMES, pickLocale, textDirection, isAppLocale, type AppLocale } from '../../../shared/i18n/locales'
