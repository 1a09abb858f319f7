// Contacts to CSV that opens cleanly in Excel and Google Sheets: BOM, CRLF, one column per field, tags joined, written in slices.
import type { ContactRow } from '../../../../shared/contact'
import { csvLine, UTF8_BOM } from './csv-write'
import { EXPORT_SLICE_SIZE, inGroups, type ExportSlice } from './export-slices'

export interface CsvExportOptions {
  /** Default ",". ";" suits Excel in locales whose decimal separator is a comma. */
  delimiter?: ',' | ';' | '\t'
  /** A contact's notes, oldest first; when given, a Notes column is added. */
  notesOf?: (id: number) => readonly string[] | undefined
  sliceSize?: number
}

/** Header names our own import (and Google's and Outlook's) map back to the right fields. */
export const CSV_COLUMNS = ['Name', 'Phone', 'Email', 'Channel', 'Status', 'Blacklisted', 'Tags'] as const
export const NOTES_COLUMN = 'Notes'
/** Several notes in one cell, a blank line apart. */
export const NOTES_SEPARATOR = '\n\n'

function cellsOf(contact: ContactRow, notesOf: CsvExportOptions['notesOf']): string[] {
  const cells = [
    contact.name ?? '',
    contact.phone ?? '',
    contact.email ?? '',
    contact.type ?? '',
    contact.status ?? '',
    contact.blacklisted === undefined ? '' : contact.blacklisted ? 'yes' : 'no',
    (contact.tags ?? []).join(', '),
  ]
  if (notesOf) cells.push((notesOf(contact.id) ?? []).join(NOTES_SEPARATOR))
  return cells
}

/** The file in slices; the first starts with the BOM and the header. Nothing is written for an unknown field. */
export function* csvExport(contacts: Iterable<ContactRow>, options: CsvExportOptions = {}): Generator<ExportSlice> {
  const delimiter = options.delimiter ?? ','
  const header = options.notesOf ? [...CSV_COLUMNS, NOTES_COLUMN] : [...CSV_COLUMNS]
  let text = UTF8_BOM + csvLine(header, delimiter)
  let written = 0
  for (const group of inGroups(contacts, options.sliceSize ?? EXPORT_SLICE_SIZE)) {
    for (const contact of group) text += csvLine(cellsOf(contact, options.notesOf), delimiter)
    written += group.length
    yield { text, written }
    text = ''
  }
  if (written === 0) yield { text, written }
}
