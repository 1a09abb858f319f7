// Keeps spreadsheet apps from running exported cells as formulas (CSV injection), and takes the guard off again on import.
import { E164 } from '../../../../shared/contact'

/**
 * Cells starting with = + - @ TAB or CR are formulas to Excel, LibreOffice and Google Sheets
 * (OWASP's list); a leading apostrophe makes them text and is hidden by those apps. Apostrophes
 * already in front are counted in, so `'=x` becomes `''=x` and import gives back `'=x` exactly.
 */
const FORMULA = /^'*[=+\-@\t\r]/
const GUARDED = /^'+[=+\-@\t\r]/

/**
 * An E.164 phone (`+` and digits only) is left as it is: without letters or brackets it cannot call
 * a function or another program, and an apostrophe would follow the number into Google Contacts,
 * Outlook and our own import. Excel may show it as a number; the exported file keeps every digit.
 */
export function guardCell(value: string): string {
  if (!FORMULA.test(value) || E164.test(value)) return value
  return `'${value}`
}

/** The cell as it was before `guardCell`: one leading apostrophe before a formula character is dropped. */
export function unguardCell(value: string): string {
  return GUARDED.test(value) ? value.slice(1) : value
}
