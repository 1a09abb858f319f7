// Writes CSV fields and lines by RFC 4180 (CRLF, double quotes doubled), with the formula guard on every cell.
import { E164 } from '../../../../shared/contact'
import { guardCell } from './formula-guard'

export const CRLF = '\r\n'
/** Makes Excel read the file as UTF-8 (without it, Windows Excel reads the ANSI code page). */
export const UTF8_BOM = '\ufeff'

/** Any of these in a field needs quotes; ; and TAB too, so one file opens right in Excel whichever separator its locale expects. */
const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/

export function csvField(value: string): string {
  const guarded = guardCell(value)
  // Phones are quoted as a hint to "quoted field as text" options (LibreOffice): keeps the + and the digits.
  if (NEEDS_QUOTES.test(guarded) || E164.test(guarded)) return `"${guarded.replace(/"/g, '""')}"`
  return guarded
}

export function csvLine(values: readonly string[], delimiter: string): string {
  return values.map(csvField).join(delimiter) + CRLF
}
