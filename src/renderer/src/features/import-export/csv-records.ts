// Applies a column mapping to CSV records: each data row becomes a SourceRecord (name or first + last, phones with mobiles marked, tags split).
import type { ColumnMapping, ColumnTarget } from './column-mapping'
import { isMobileLabel } from './column-words'
import type { CsvRecord } from './csv-parse'
import { unguardCell } from './formula-guard'
import { joinNameParts, type NameParts } from './name-parts'
import { emptyRecord, type SourceRecord, type SourcedValue } from './source-record'
import { splitTags } from './tag-split'

/** Google puts several numbers or addresses in one cell: "+49 171 1234567 ::: +49 30 1234567". */
const multiple = (cell: string): string[] =>
  cell
    .split(':::')
    .map((part) => part.trim())
    .filter(Boolean)

/** A cell trimmed, with the formula guard our export adds (a leading apostrophe) taken off. */
const cellAt = (cells: readonly string[], column: number): string => unguardCell((cells[column] ?? '').trim())

interface Column {
  index: number
  name: string
}

/** Where each target's columns are, worked out once per mapping instead of once per row. */
interface Plan {
  names: Column[]
  nameParts: Array<{ part: keyof NameParts; columns: Column[] }>
  phones: Array<Column & { mobile: boolean; label: number | undefined }>
  emails: Column[]
  channels: Column[]
  tags: Column[]
  notes: Column[]
}

function planOf(mapping: ColumnMapping, names: readonly string[]): Plan {
  const of = (...targets: ColumnTarget[]): Column[] =>
    mapping.targets.flatMap((target, index) => (targets.includes(target) ? [{ index, name: names[index]! }] : []))
  return {
    names: of('name'),
    nameParts: [
      { part: 'given', columns: of('firstName') },
      { part: 'middle', columns: of('middleName') },
      { part: 'family', columns: of('lastName') },
    ],
    phones: of('phone', 'mobile').map((column) => ({ ...column, mobile: mapping.targets[column.index] === 'mobile', label: mapping.phoneLabels[column.index] })),
    emails: of('email'),
    channels: of('channel'),
    tags: of('tags'),
    notes: of('note'),
  }
}

/** A full-name column wins; else first, middle and last names joined, their column names joined too. */
function nameOf(cells: readonly string[], plan: Plan): SourcedValue | null {
  for (const column of plan.names) {
    const value = cellAt(cells, column.index)
    if (value) return { value, column: column.name }
  }
  const parts: NameParts = {}
  const used: string[] = []
  for (const { part, columns } of plan.nameParts) {
    const values: string[] = []
    for (const column of columns) {
      const value = cellAt(cells, column.index)
      if (!value) continue
      values.push(value)
      used.push(column.name)
    }
    if (values.length) parts[part] = values.join(' ')
  }
  return used.length ? { value: joinNameParts(parts), column: used.join(' + ') } : null
}

function recordOf({ line, cells }: CsvRecord, plan: Plan): SourceRecord {
  const record = emptyRecord(line)
  record.name = nameOf(cells, plan)
  for (const phone of plan.phones) {
    const mobile = phone.mobile || (phone.label !== undefined && isMobileLabel(cellAt(cells, phone.label)))
    for (const value of multiple(cellAt(cells, phone.index))) record.phones.push({ value, column: phone.name, mobile })
  }
  for (const column of plan.emails) for (const value of multiple(cellAt(cells, column.index))) record.emails.push({ value, column: column.name })
  for (const column of plan.channels) {
    const value = cellAt(cells, column.index)
    if (value && !record.channel) record.channel = { value, column: column.name }
  }
  for (const column of plan.tags) for (const value of splitTags(cellAt(cells, column.index))) record.tags.push({ value, column: column.name })
  for (const column of plan.notes) {
    const value = cellAt(cells, column.index)
    if (value) record.notes.push({ value, column: column.name })
  }
  return record
}

/** `names` are the column names the mapping screen shows (see `columnNames`); they say where a problem is. */
export function recordsFromCsv(records: readonly CsvRecord[], mapping: ColumnMapping, names: readonly string[]): SourceRecord[] {
  const plan = planOf(mapping, names)
  const data = mapping.hasHeader ? records.slice(1) : records
  return data.map((record) => recordOf(record, plan))
}
