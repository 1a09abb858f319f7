// One contact as a file gave it (CSV row or vCard), before any check: raw values, each with the column or property it came from.

/** A value and the column ("Mobile Phone") or vCard property ("TEL") it was read from, for messages at the cell. */
export interface SourcedValue {
  value: string
  column: string
}

export interface SourcePhone extends SourcedValue {
  /** Marked as a mobile by its column, label or vCard type: preferred, as chat apps need a mobile. */
  mobile: boolean
}

export interface SourceRecord {
  /** Where the user finds it: the spreadsheet row number, or the card's number in a vCard file (1-based). */
  row: number
  name: SourcedValue | null
  /** In the file's order of preference (vCard's PREF first). */
  phones: SourcePhone[]
  emails: SourcedValue[]
  channel: SourcedValue | null
  /** Single tags, already split. */
  tags: SourcedValue[]
  notes: SourcedValue[]
}

export function emptyRecord(row: number): SourceRecord {
  return { row, name: null, phones: [], emails: [], channel: null, tags: [], notes: [] }
}
