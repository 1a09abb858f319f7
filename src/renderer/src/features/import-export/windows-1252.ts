// Decodes Windows-1252 (what Excel and Outlook on Western Windows save), including the 0x80–0x9F range that Latin-1 lacks.

/**
 * The characters of bytes 0x80–0x9F. Node 20's `TextDecoder('windows-1252')` decodes like Latin-1
 * and gives C1 control characters there instead (Chromium does it right), so € – “ ” ‘ ’ … would be lost.
 * The five bytes Windows leaves undefined stay as their C1 code points, as browsers do.
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
]

const C1 = /[\u0080-\u009f]/g
const latin1 = new TextDecoder('latin1')

export function decodeWindows1252(bytes: Uint8Array): string {
  // latin1 is one code point per byte everywhere; only the C1 range needs the table.
  return latin1.decode(bytes).replace(C1, (c) => String.fromCharCode(HIGH[c.charCodeAt(0) - 0x80]!))
}

/** Names under which files and vCards declare this encoding (ISO-8859-1 is read as Windows-1252, as browsers do). */
export function isWindows1252Label(label: string): boolean {
  return /^(windows-1252|cp1252|iso-8859-1|iso8859-1|latin-?1|us-ascii|ascii)$/i.test(label.trim())
}
