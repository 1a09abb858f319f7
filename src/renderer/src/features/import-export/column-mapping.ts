// Which column holds what: detected from the header row (Google, Outlook, Apple, Excel sheets in six languages) or the cells, changeable by the user.
import {
  EMAIL_STEMS,
  EMAIL_WORDS,
  EXACT_HEADERS,
  MOBILE_STEMS,
  MOBILE_WORDS,
  normalizeHeader,
  NOT_A_PHONE_WORDS,
  NOT_AN_EMAIL_WORDS,
  PHONE_STEMS,
  PHONE_WORDS,
} from './column-words'

/**
 * What a column holds. `mobile` is a phone known to be a mobile (preferred over other phones);
 * `phoneLabel` is the label of a phone column beside it (Google's "Phone 1 - Label": Mobile, Work…).
 */
export type ColumnTarget =
  | 'name'
  | 'firstName'
  | 'middleName'
  | 'lastName'
  | 'phone'
  | 'mobile'
  | 'phoneLabel'
  | 'email'
  | 'channel'
  | 'tags'
  | 'note'
  | 'ignore'

export const COLUMN_TARGETS: readonly ColumnTarget[] = ['name', 'firstName', 'middleName', 'lastName', 'phone', 'mobile', 'phoneLabel', 'email', 'channel', 'tags', 'note', 'ignore']

/** Plain data, so the mapping screen can show and change it and hand it back. */
export interface ColumnMapping {
  /** The first record names the columns and is not imported. */
  hasHeader: boolean
  /** What each column holds, by column index. */
  targets: ColumnTarget[]
  /** A phone column's index → the index of its label column. */
  phoneLabels: Record<number, number>
}

const PHONE_LABEL = /^phone \d+ (label|type)$/
const EMAIL_LABEL = /^e ?mail \d+ (label|type)$/
const PHONE_VALUE = /^phone \d+ value$/
const EMAIL_VALUE = /^e ?mail \d+ (value|address)$|^e ?mail \d+$/

const hasWord = (header: string, words: Set<string>): boolean => {
  const padded = ` ${header} `
  for (const word of words) if (padded.includes(` ${word} `)) return true
  return false
}
const hasStem = (header: string, stems: string[]): boolean => stems.some((stem) => header.includes(stem))

function exactTarget(header: string): ColumnTarget | null {
  for (const [target, headers] of Object.entries(EXACT_HEADERS)) if (headers.has(header)) return target as ColumnTarget
  return null
}

/** What a header names, or null when its words say nothing (the cells may still tell). */
export function targetOfHeader(raw: string): ColumnTarget | null {
  const header = normalizeHeader(raw)
  if (header === '') return null
  if (PHONE_LABEL.test(header)) return 'phoneLabel'
  if (EMAIL_LABEL.test(header)) return 'ignore'
  if (PHONE_VALUE.test(header)) return 'phone'
  if (EMAIL_VALUE.test(header)) return 'email'
  const exact = exactTarget(header)
  if (exact) return exact
  if (hasWord(header, NOT_A_PHONE_WORDS)) return 'ignore'
  if (hasWord(header, MOBILE_WORDS)) return 'mobile'
  if (hasWord(header, PHONE_WORDS)) return 'phone'
  const joined = header.replace(/ /g, '')
  if (hasWord(header, EMAIL_WORDS) || hasStem(joined, EMAIL_STEMS)) return hasWord(header, NOT_AN_EMAIL_WORDS) ? 'ignore' : 'email'
  if (hasStem(joined, MOBILE_STEMS)) return 'mobile'
  if (hasStem(joined, PHONE_STEMS)) return 'phone'
  return null
}

const EMAIL_CELL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/
const PHONE_CELL = /^\+?[\d\s()./-]{6,}$/
const looksLikeEmail = (cell: string): boolean => EMAIL_CELL.test(cell.trim())
const looksLikePhone = (cell: string): boolean => PHONE_CELL.test(cell.trim()) && /\d{3}/.test(cell.replace(/\D/g, ''))
const looksLikeName = (cell: string): boolean => /\p{L}/u.test(cell) && !looksLikeEmail(cell)

/** What most non-empty cells of a column look like (used when there is no header, or it says nothing). */
function targetOfCells(rows: readonly string[][], column: number): ColumnTarget | null {
  const cells = rows.map((row) => (row[column] ?? '').trim()).filter(Boolean)
  if (cells.length === 0) return null
  const share = (test: (cell: string) => boolean) => cells.filter(test).length / cells.length
  if (share(looksLikeEmail) > 0.5) return 'email'
  if (share(looksLikePhone) > 0.5) return 'phone'
  if (share(looksLikeName) > 0.5) return 'name'
  return null
}

/** A header row names at least one column and holds no phone or email itself. */
function isHeaderRow(first: readonly string[], second: readonly string[] | undefined): boolean {
  if (first.some((cell) => looksLikeEmail(cell) || looksLikePhone(cell))) return false
  if (first.some((cell) => targetOfHeader(cell) !== null)) return true
  // Unknown words above phones or emails are still a header.
  return second !== undefined && second.some((cell) => looksLikeEmail(cell) || looksLikePhone(cell))
}

/** Each label column goes with the nearest phone column after it (Google writes "Phone 1 - Label" then "Phone 1 - Value"). */
function pairPhoneLabels(targets: readonly ColumnTarget[]): Record<number, number> {
  const pairs: Record<number, number> = {}
  targets.forEach((target, labelColumn) => {
    if (target !== 'phoneLabel') return
    const phone = targets.findIndex((t, i) => i > labelColumn && (t === 'phone' || t === 'mobile') && pairs[i] === undefined)
    if (phone >= 0) pairs[phone] = labelColumn
  })
  return pairs
}

/** Rows looked at to guess a column from its cells. */
const SAMPLE_ROWS = 50

/**
 * Guesses the mapping of a table: header words first; columns whose header says nothing (or a
 * file with no header) are guessed from their cells, a name only when no name column was found.
 * `hasHeaderRow` is the user's answer to "the first row names the columns", when they gave one.
 */
export function detectMapping(records: readonly string[][], hasHeaderRow?: boolean): ColumnMapping {
  const width = records.reduce((widest, row) => Math.max(widest, row.length), 0)
  const [first = [], second] = records
  const hasHeader = hasHeaderRow ?? isHeaderRow(first, second)
  const fromHeader = Array.from({ length: width }, (_, column) => (hasHeader ? targetOfHeader(first[column] ?? '') : null))
  const sample = records.slice(hasHeader ? 1 : 0, SAMPLE_ROWS + 1)
  const hasTarget = (wanted: ColumnTarget[]) => fromHeader.some((t) => t !== null && wanted.includes(t))
  const hasName = hasTarget(['name', 'firstName', 'lastName'])
  const hasPhone = hasTarget(['phone', 'mobile'])
  const hasEmail = hasTarget(['email'])
  let nameTaken = hasName
  const targets = fromHeader.map((target, column): ColumnTarget => {
    // A column the header named keeps that; the others are guessed from their cells.
    if (target !== null) return target
    const guess = targetOfCells(sample, column)
    if (guess === 'name' && !nameTaken) {
      nameTaken = true
      return 'name'
    }
    if (guess === 'phone' && !hasPhone) return 'phone'
    if (guess === 'email' && !hasEmail) return 'email'
    return 'ignore'
  })
  return { hasHeader, targets, phoneLabels: pairPhoneLabels(targets) }
}

/** The user's change on the mapping screen: `column` now holds `target`; phone labels are paired anew. */
export function withTarget(mapping: ColumnMapping, column: number, target: ColumnTarget): ColumnMapping {
  const targets = mapping.targets.slice()
  targets[column] = target
  return { ...mapping, targets, phoneLabels: pairPhoneLabels(targets) }
}

/** What a mapping can import from: a phone, an email or a name column. */
export function importsSomething(mapping: ColumnMapping): boolean {
  return mapping.targets.some((target) => ['name', 'firstName', 'lastName', 'phone', 'mobile', 'email'].includes(target))
}

/** The names of the columns as the mapping screen lists them: the header's words, else "Column 1", "Column 2"… */
export function columnNames(records: readonly string[][], mapping: ColumnMapping): string[] {
  const first = records[0] ?? []
  return mapping.targets.map((_, column) => {
    const header = mapping.hasHeader ? (first[column] ?? '').trim() : ''
    return header || `Column ${column + 1}`
  })
}
