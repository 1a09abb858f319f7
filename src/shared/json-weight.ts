// How many bytes a string weighs as a JSON string in UTF-8: what the browser host's cap on a request body counts.

/**
 * The UTF-8 length of `JSON.stringify(text)`, quotes included, without building it: `"` `\` and the
 * short escapes (\b \f \n \r \t) take 2 bytes, other control characters and lone surrogates 6
 * (\uXXXX), a surrogate pair 4, and every other character its UTF-8 length.
 */
export function jsonStringBytes(text: string): number {
  let bytes = 2 + text.length
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    // Printable ASCII but " and \ weighs what its length says: checked inline, as an export is megabytes of it.
    if (code >= 0x20 && code < 0x80 && code !== 0x22 && code !== 0x5c) continue
    bytes += charBytes(text, i) - 1
  }
  return bytes
}

/** What the UTF-16 code unit at `i` adds; the two halves of a surrogate pair add 2 each. */
export function charBytes(text: string, i: number): number {
  const code = text.charCodeAt(i)
  if (code < 0x80) {
    if (code >= 0x20) return code === 0x22 || code === 0x5c ? 2 : 1
    return code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 2 : 6
  }
  if (code < 0x800) return 2
  if (code < 0xd800 || code > 0xdfff) return 3
  const pairs = code <= 0xdbff ? isLow(text.charCodeAt(i + 1)) : isHigh(text.charCodeAt(i - 1))
  return pairs ? 2 : 6
}

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff
