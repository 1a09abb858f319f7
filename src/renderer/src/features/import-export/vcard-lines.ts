// Splits vCard text into properties: unfolds lines (3.0/4.0 and 2.1 rules, quoted-printable soft breaks), reads group, name, parameters and value.

export interface VcardProperty {
  /** "item1" in iOS's "item1.TEL"; lower case. */
  group: string | null
  /** Upper case: "TEL", "FN". */
  name: string
  /** Upper-case keys; values unquoted and split on commas. 2.1's bare "CELL" is a TYPE, "QUOTED-PRINTABLE" an ENCODING. */
  params: Map<string, string[]>
  /** Lower-case TYPE values: "cell", "voice", "pref". */
  types: Set<string>
  /** Raw value: still escaped (and still quoted-printable when so encoded). */
  value: string
}

const ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT'])
const QP_LINE = /^[^:]*quoted-printable/i

/**
 * Logical lines. A line starting with a space or tab continues the one before: 3.0 and 4.0 drop that
 * one space; 2.1 folds before a space it keeps. A quoted-printable line ending in "=" continues on
 * the next line whatever it starts with (2.1's soft line break).
 */
export function unfoldLines(text: string): string[] {
  const logical: string[] = []
  let keepFoldSpace = false
  for (const line of text.split(/\r\n|\r|\n/)) {
    const last = logical.length - 1
    const previous = logical[last]
    if (previous !== undefined && QP_LINE.test(previous) && previous.endsWith('=')) {
      logical[last] = previous.slice(0, -1) + line
    } else if (previous !== undefined && (line.startsWith(' ') || line.startsWith('\t'))) {
      logical[last] = previous + (keepFoldSpace ? line : line.slice(1))
    } else {
      if (/^VERSION:/i.test(line)) keepFoldSpace = line.slice(8).trim() === '2.1'
      else if (/^BEGIN:VCARD/i.test(line)) keepFoldSpace = false
      logical.push(line)
    }
  }
  return logical
}

/** Splits on `separator` outside double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = []
  let quoted = false
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '"') quoted = !quoted
    else if (c === separator && !quoted) {
      parts.push(text.slice(start, i))
      start = i + 1
    }
  }
  parts.push(text.slice(start))
  return parts
}

/** Index of the ":" that ends the name and parameters (a quoted parameter may hold one). */
function valueStart(line: string): number {
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === '"') quoted = !quoted
    else if (c === ':' && !quoted) return i
  }
  return -1
}

const unquote = (value: string): string => (value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value)

/** null for a line that is not a property (blank, or base64 data a 2.1 writer did not indent). */
export function parseProperty(line: string): VcardProperty | null {
  const colon = valueStart(line)
  if (colon <= 0) return null
  const [head = '', ...rawParams] = splitOutsideQuotes(line.slice(0, colon), ';')
  const dot = head.lastIndexOf('.')
  const name = head.slice(dot + 1).trim().toUpperCase()
  if (!/^[A-Z0-9-]+$/.test(name)) return null
  const params = new Map<string, string[]>()
  const add = (key: string, values: string[]) => params.set(key, [...(params.get(key) ?? []), ...values])
  for (const raw of rawParams) {
    const eq = raw.indexOf('=')
    if (eq < 0) {
      const bare = raw.trim().toUpperCase()
      add(ENCODINGS.has(bare) ? 'ENCODING' : 'TYPE', [bare])
    } else {
      const values = splitOutsideQuotes(raw.slice(eq + 1), ',').flatMap((v) => unquote(v.trim()).split(','))
      add(raw.slice(0, eq).trim().toUpperCase(), values.map((v) => v.trim()).filter(Boolean))
    }
  }
  const types = new Set((params.get('TYPE') ?? []).map((t) => t.toLowerCase()))
  return { group: dot > 0 ? head.slice(0, dot).toLowerCase() : null, name, params, types, value: line.slice(colon + 1) }
}

/** Splits a value on an unescaped separator (";" between N's parts, "," between CATEGORIES). */
export function splitEscaped(value: string, separator: ';' | ','): string[] {
  const parts: string[] = []
  let current = ''
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1]
      i++
    } else if (c === separator) {
      parts.push(current)
      current = ''
    } else current += c
  }
  parts.push(current)
  return parts
}

/** \n \N → newline; \, \; \\ → the character. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
}
