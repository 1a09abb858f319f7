// The duplicate scan itself: every contact of the mirror grouped, and the rows of the grouped ones; run in the worker (and by the bench).
import type { ContactRow } from '../../../../shared/contact'
import type { DuplicateScan } from './duplicates-protocol'
import { findDuplicateGroups } from './find-duplicates'

export function scanRows(rows: readonly ContactRow[]): DuplicateScan {
  const groups = findDuplicateGroups(rows)
  const wanted = new Set<number>()
  for (const group of groups) for (const id of group.ids) wanted.add(id)
  return { groups, members: rows.filter((row) => wanted.has(row.id)), scanned: rows.length }
}
