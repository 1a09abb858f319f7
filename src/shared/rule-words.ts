// How the shared rules word a refusal: each message is a key of the shared catalog, worded in English until the
// process sets its language (the page does in its i18n module), and worded when the rule fails, never at load.
import english from './messages/en.json'
import { formatMessage, type MessageValues } from './i18n/message-format'

type Words = (key: string, values?: MessageValues) => string

const inEnglish: Words = (key, values) => formatMessage((english as Record<string, string>)[key] ?? key, 'en', values)
let words: Words = inEnglish

/** The refusal `key` in the process's language. */
export function ruleWords(key: string, values?: MessageValues): string {
  return words(key, values)
}

/** Makes the shared rules speak the process's language (`translate` reads it at each call). */
export function speakRulesWith(translate: Words): void {
  words = translate
}
