// Writes vCard content lines: text escaped (\\ \n \, \;) and lines folded at 75 octets without splitting a character.

/** RFC 6350 §3.2 and RFC 2425 §5.8.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
export const FOLD_OCTETS = 75
export const VCARD_EOL = '\r\n'

const SPECIAL = /[\\\r\n,;]/

/** A text value (FN, NOTE, one tag, one part of N). */
export function escapeText(value: string): string {
  if (!SPECIAL.test(value)) return value
  return value.replace(/\\/g, '\\\\').replace(/\r\n|\r|\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;')
}

const utf8Length = (codePoint: number): number => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4)

/** True when the line's UTF-8 form fits in `limit` octets; stops counting as soon as it does not. */
function fitsIn(line: string, limit: number): boolean {
  // A UTF-16 code unit is 1 to 3 octets: most lines are decided by their length alone.
  if (line.length * 3 <= limit) return true
  if (line.length > limit) return false
  let octets = 0
  for (let i = 0; i < line.length && octets <= limit; i++) {
    const code = line.charCodeAt(i)
    // A surrogate pair is one 4-octet character: 2 for each half.
    octets += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdfff ? 2 : 3
  }
  return octets <= limit
}

/**
 * Folds a content line: each continuation starts with one space (which counts in its 75 octets),
 * and never cuts inside a UTF-8 sequence or a surrogate pair.
 */
export function foldLine(line: string): string {
  if (fitsIn(line, FOLD_OCTETS)) return line + VCARD_EOL
  let out = ''
  let octets = 0
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!)
    if (octets + size > FOLD_OCTETS) {
      out += VCARD_EOL + ' '
      octets = 1
    }
    out += char
    octets += size
  }
  return out + VCARD_EOL
}

/** "NAME;PARAMS:value" folded; `value` must already be escaped. */
export function contentLine(nameAndParams: string, value: string): string {
  return foldLine(`${nameAndParams}:${value}`)
}
