// A translated sentence with some values set apart (a key cap, a tag in bold): the translator gets the whole sentence, the page styles the values.
import { t } from '../../i18n'

/** Plain text, or the value of the placeholder `name`. */
export type MessagePart = { text: string; name?: undefined } | { text: string; name: string }

const OPEN = '\u0001'
const CLOSE = '\u0002'

/** The message `key` in parts: each placeholder in `values` becomes a part of its own, in the order the language puts it. */
export function messageParts(key: string, values: Record<string, string>): MessagePart[] {
  const marked = Object.fromEntries(Object.keys(values).map((name) => [name, `${OPEN}${name}${CLOSE}`]))
  return t(key, marked)
    .split(new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`))
    .flatMap((piece, index): MessagePart[] => {
      if (index % 2 === 1) return [{ text: values[piece] ?? '', name: piece }]
      return piece ? [{ text: piece }] : []
    })
}
