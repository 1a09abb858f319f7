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

const NAME_PARTS = { firstName: 'given', middleName: 'middle', lastName: 'family' } as const

/** The columns of each target, in column order, computed once per mapping. */
function columnsByTarget(mapping: ColumnMapping): Map<ColumnTarget, number[]> {
  const byTarget = new Map<ColumnTarget, number[]>()
  mapping.targets.forEach((target, column) => {
    if (target === 'ignore') return
    const list = byTarget.get(target) ?? []
    list.push(column)
    byTarget.set(target, list)
  })
  return byTarget
}

/** A full-name column wins; else first, middle and last names joined, their column names joined too. */
function nameOf(read: (column: number) => string, byTarget: Map<ColumnTarget, number[]>, names: readonly string[]): SourcedValue | null {
  for (const column of byTarget.get('name') ?? []) {
    const value = read(column)
    if (value) return { value, column: names[column]! }
  }
  const parts: NameParts = {}
  const columns: string[] = []
  for (const [target, part] of Object.entries(NAME_PARTS) as [ColumnTarget, keyof NameParts][]) {
    const values = (byTarget.get(target) ?? []).filter((column) => read(column))
    if (values.length === 0) continue
    parts[part] = values.map(read).join(' ')
    columns.push(...values.map((column) => names[column]!))
  }
  if (columns.length === 0) return null
  return { value: joinNameParts(parts), column: columns.join(' + ') }
}

/**
 * `names` are the column names the mapping screen shows (see `columnNames`). Cells are trimmed and the
 * formula guard our export adds (a leading apostrophe) is taken off.
 */
export function recordsFromCsv(records: readonly CsvRecord[], mapping: ColumnMapping, names: readonly string[]): SourceRecord[] {
  const byTarget = columnsByTarget(mapping)
  const phoneColumns = mapping.targets.flatMap((target, column) => (target === 'phone' || target === 'mobile' ? [column] : []))
  const data = mapping.hasHeader ? records.slice(1) : records
  return data.map(({ line, cells }) => {
    const read = (column: number): string => unguardCell((cells[column] ?? '').trim())
    const record = emptyRecord(line)
    record.name = nameOf(read, byTarget, names)
    for (const column of phoneColumns) {
      const labelColumn = mapping.phoneLabels[column]
      const mobile = mapping.targets[column] === 'mobile' || (labelColumn !== undefined && isMobileLabel(read(labelColumn)))
      for (const value of multiple(read(column))) record.phones.push({ value, column: names[column]!, mobile })
    }
    for (const column of byTarget.get('email') ?? []) {
      for (const value of multiple(read(column))) record.emails.push({ value, column: names[column]! })
    }
    for (const column of byTarget.get('channel') ?? []) {
      const value = read(column)
      if (value && !record.channel) record.channel = { value, column: names[column]! }
    }
    for (const column of byTarget.get('tags') ?? []) {
      for (const value of splitTags(read(column))) record.tags.push({ value, column: names[column]! })
    }
    for (const column of byTarget.get('note') ?? []) {
      const value = read(column)
      if (value) record.notes.push({ value, column: names[column]! })
    }
    return record
  })
}
