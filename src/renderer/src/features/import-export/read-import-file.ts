// Reads a dropped or chosen file's bytes into a parsed CSV table (with its detected mapping) or vCard records: the work the import worker does.
import { columnNames, detectMapping, type ColumnMapping } from './column-mapping'
import { recordsFromCsv } from './csv-records'
import { parseCsv, type CsvTable, type ParseProgress } from './csv-parse'
import { decodeText, type TextEncodingName } from './decode-text'
import { importErrors, MAX_ROWS, readOk, type ImportResult } from './import-error'
import type { SourceRecord } from './source-record'
import { parseVcards } from './vcard-parse'

export type ParsedFile =
  | { format: 'csv'; encoding: TextEncodingName; table: CsvTable; mapping: ColumnMapping; columns: string[] }
  | { format: 'vcard'; encoding: TextEncodingName; records: SourceRecord[] }

export interface ReadOptions {
  maxRows?: number
  onProgress?: (progress: ParseProgress) => void
}

const isVcard = (text: string): boolean => /^\s*BEGIN:VCARD/i.test(text)

/** A mapping with nothing to import from: no header word was understood and no column holds phones or emails. */
function mapsNothing(mapping: ColumnMapping): boolean {
  const has = (wanted: string[]) => mapping.targets.some((target) => wanted.includes(target))
  return !has(['phone', 'mobile', 'email']) && !(mapping.hasHeader && has(['name', 'firstName', 'lastName']))
}

/** The whole read: decode, tell vCard from CSV by its content, parse, and guess the columns of a CSV. */
export function readImportFile(bytes: Uint8Array, options: ReadOptions = {}): ImportResult<ParsedFile> {
  const decoded = decodeText(bytes)
  if (!decoded.ok) return decoded
  const { text, encoding } = decoded.data
  const maxRows = options.maxRows ?? MAX_ROWS
  if (isVcard(text)) {
    const records = parseVcards(text, maxRows)
    options.onProgress?.({ done: text.length, total: text.length })
    return records.ok ? readOk({ format: 'vcard', encoding, records: records.data }) : records
  }
  // One more record than the limit: the header row is not a contact.
  const table = parseCsv(text, { maxRows: maxRows + 1, onProgress: options.onProgress })
  if (!table.ok) return table.error.kind === 'too_many_rows' ? importErrors.tooManyRows(maxRows) : table
  const cells = table.data.records.map((record) => record.cells)
  const mapping = detectMapping(cells)
  if (mapsNothing(mapping)) return importErrors.notContacts()
  if (table.data.records.length - (mapping.hasHeader ? 1 : 0) > maxRows) return importErrors.tooManyRows(maxRows)
  return readOk({ format: 'csv', encoding, table: table.data, mapping, columns: columnNames(cells, mapping) })
}

/** The records to check, with the user's mapping for a CSV (default: the detected one). */
export function recordsOf(file: ParsedFile, mapping?: ColumnMapping): SourceRecord[] {
  if (file.format === 'vcard') return file.records
  const use = mapping ?? file.mapping
  const header = file.table.records.slice(0, 1).map((record) => record.cells)
  return recordsFromCsv(file.table.records, use, columnNames(header, use))
}
