// The page's language: vue-i18n over our catalogs with ICU messages, one current locale for text, numbers, dates and
// name order, and the document's lang and direction kept with it. Stores and plain code translate with `t`.
import { computed, ref } from 'vue'
import { createI18n, type MessageCompiler, type MessageContext } from 'vue-i18n'
import { DEFAULT_LOCALE, textDirection, type AppLocale } from '../../../shared/i18n/locales'
import { compileMessage, type MessageValues } from '../../../shared/i18n/message-format'
import { speakRulesWith } from '../../../shared/rule-words'
import { CATALOGS } from './catalogs'

/** vue-i18n compiles with ICU MessageFormat (plurals per language), not its own syntax. */
const messageCompiler: MessageCompiler = (message, { locale }) => {
  if (typeof message !== 'string') throw new TypeError('catalog messages are strings')
  const format = compileMessage(message, locale)
  return (context: MessageContext) => String(format.format(context.values as MessageValues))
}

export const i18n = createI18n({
  legacy: false,
  locale: DEFAULT_LOCALE,
  fallbackLocale: DEFAULT_LOCALE,
  messages: CATALOGS as Record<AppLocale, Record<string, string>>,
  messageCompiler,
  missingWarn: false,
  fallbackWarn: false,
})

const current = ref<AppLocale>(DEFAULT_LOCALE)
/** The language the page speaks now. */
export const currentLocale = computed(() => current.value)
/** The side where a line of text ends, right (left in right-to-left languages): where side drawers and notifications sit. */
export const inlineEnd = computed<'left' | 'right'>(() => (textDirection(current.value) === 'rtl' ? 'left' : 'right'))

export function setAppLocale(locale: AppLocale): void {
  current.value = locale
  i18n.global.locale.value = locale
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale
    document.documentElement.dir = textDirection(locale)
  }
}

/** Translate outside a component (stores, plain modules): reads the current language each call. */
export function t(key: string, values?: MessageValues): string {
  return i18n.global.t(key, (values ?? {}) as Record<string, unknown>)
}

/**
 * A toast's text (naive-ui messages and notifications take a render function): worded at each render, so one still
 * shown when the user switches language reads in the new one, as the rest of the window does.
 */
export function liveText(key: string, values?: MessageValues): () => string {
  return () => t(key, values)
}

// The shared rules (a contact's name, phone, email, tags, a note) refuse in the page's language.
speakRulesWith(t)
