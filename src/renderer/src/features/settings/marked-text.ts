// Messages that set some values apart (a host in bold, a path as code): the values go in marked, the formatted text is
// split where they stand, so the translator still orders the whole sentence and the template styles each value.
const MARK = '\u0000'
const NAME_END = '\u0001'

/** The value `value`, marked as `name`, for a message's placeholder. */
export const marked = (name: string, value: string): string => `${MARK}${name}${NAME_END}${value}${MARK}`

export interface TextPart {
  text: string
  /** The name the value was marked with; null for the message's own words. */
  mark: string | null
}

/** A formatted message in its parts: words, and the marked values in the order the language put them. */
export function markedParts(message: string): TextPart[] {
  return message
    .split(MARK)
    .map((part, index) => {
      if (index % 2 === 0) return { text: part, mark: null }
      const end = part.indexOf(NAME_END)
      return { text: part.slice(end + 1), mark: part.slice(0, end) }
    })
    .filter((part) => part.text !== '' || part.mark !== null)
}
