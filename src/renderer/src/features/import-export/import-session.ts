// What the import worker does, without the worker: keeps the file it read, previews it against the account's mirror (loaded once per file).
import type { ContactRow } from '../../../../shared/contact'
import type { ContactsDb } from '../../db/database'
import { loadMirrorRows } from '../../db/snapshot'
import type { ParseProgress } from './csv-parse'
import { importErrors, readFail, readOk, type ImportResult } from './import-error'
import { toCandidate } from './candidate'
import { previewCandidates, type ImportPreview } from './import-preview'
import type { FileSummary, PreviewRequest } from './import-protocol'
import { readImportFile, recordsOf, type ParsedFile } from './read-import-file'

/** Rows of a CSV sent for the mapping screen: the header and enough rows for three samples a column. */
const HEAD_RECORDS = 12

const SPREADSHEET_NAME = /\.(xlsx?|xlsm|xlsb|ods|numbers)$/i

export interface ImportSession {
  /** `accountId`: whose mirror the preview will check against, loaded from now on while the user maps the columns. */
  read(bytes: Uint8Array, name: string, onProgress?: (progress: ParseProgress) => void, accountId?: string): ImportResult<FileSummary>
  preview(request: PreviewRequest): Promise<ImportResult<ImportPreview>>
}

function summaryOf(file: ParsedFile): FileSummary {
  if (file.format === 'vcard') return { format: 'vcard', encoding: file.encoding, records: file.records.length, head: [], mapping: null, delimiter: null, problems: [] }
  const { table } = file
  return {
    format: 'csv',
    encoding: file.encoding,
    records: table.records.length,
    head: table.records.slice(0, HEAD_RECORDS).map((record) => record.cells),
    mapping: file.mapping,
    delimiter: table.delimiter,
    problems: table.problems.slice(0, 20),
  }
}

/** `openDb` opens the account's mirror (the worker opens its own connection; it is closed once the rows are read). */
export function createImportSession(openDb: (accountId: string) => Promise<ContactsDb>): ImportSession {
  let file: ParsedFile | null = null
  let mirror: { accountId: string; rows: Promise<ContactRow[]> } | null = null

  async function load(accountId: string): Promise<ContactRow[]> {
    const db = await openDb(accountId)
    try {
      return (await loadMirrorRows(db)).rows
    } finally {
      db.close()
    }
  }

  function rowsOf(accountId: string): Promise<ContactRow[]> {
    if (mirror?.accountId !== accountId) {
      const rows = load(accountId)
      mirror = { accountId, rows }
      // A failed load is not kept: the next preview tries again.
      rows.catch(() => {
        if (mirror?.rows === rows) mirror = null
      })
    }
    return mirror.rows
  }

  return {
    read(bytes, name, onProgress, accountId) {
      file = null
      // A new file is checked against the mirror as it is now, not as it was for the last one.
      mirror = null
      const read = readImportFile(bytes, { onProgress })
      // A zip that is not a workbook (a .docx, an archive) is simply not a contacts file.
      if (!read.ok && read.error.kind === 'spreadsheet' && !SPREADSHEET_NAME.test(name)) return importErrors.binary()
      if (!read.ok) return read
      file = read.data
      // Loaded while the user looks at the columns: the preview then waits for its own work only.
      if (accountId !== undefined) rowsOf(accountId).catch(() => {})
      return readOk(summaryOf(read.data))
    },
    async preview({ accountId, mapping, options }) {
      if (!file) return readFail('no_file')
      const mirror = rowsOf(accountId)
      // Checked while the mirror loads (its reads go on outside this thread).
      const candidates = recordsOf(file, mapping ?? undefined).map((record) => toCandidate(record, options))
      return readOk(previewCandidates(candidates, await mirror))
    },
  }
}
