// The preview before anything is written: each row new, invalid (with reasons at the cell), or a likely duplicate of a contact here or of an earlier row.
import type { ContactRow } from '../../../../shared/contact'
import type { MatchReason } from '../duplicates/match-keys'
import { toCandidate, type Candidate, type CandidateOptions } from './candidate'
import { addToIndex, emptyMatchIndex, findMatch, type MatchIndex } from './match-index'
import type { SourceRecord } from './source-record'

export type DuplicateTarget = { kind: 'existing'; contact: ContactRow } | { kind: 'row'; row: number }

export type PreviewRow =
  | { status: 'new'; candidate: Candidate }
  | { status: 'invalid'; candidate: Candidate }
  | { status: 'duplicate'; candidate: Candidate; target: DuplicateTarget; reason: MatchReason }

export interface ImportPreview {
  rows: PreviewRow[]
  counts: { new: number; invalid: number; duplicate: number }
}

/** Sentences for the preview's "why" column. */
export const REASON_WORDS: Record<MatchReason, string> = {
  phone: 'same phone',
  email: 'same email',
  name: 'same name and same last digits of the phone',
}

/**
 * Checks every record and looks each valid one up among the contacts here (`existing`), then among
 * the valid rows before it in the file. Invalid rows are reported and never block the others.
 */
export function buildPreview(records: readonly SourceRecord[], options: CandidateOptions, existing: MatchIndex<ContactRow>): ImportPreview {
  const inFile = emptyMatchIndex<number>()
  const counts = { new: 0, invalid: 0, duplicate: 0 }
  const rows = records.map((record): PreviewRow => {
    const candidate = toCandidate(record, options)
    const create = candidate.create
    if (create === null) {
      counts.invalid++
      return { status: 'invalid', candidate }
    }
    const here = findMatch(existing, create)
    const earlier = here ? null : findMatch(inFile, create)
    addToIndex(inFile, create, candidate.row)
    if (here) {
      counts.duplicate++
      return { status: 'duplicate', candidate, target: { kind: 'existing', contact: here.target }, reason: here.reason }
    }
    if (earlier) {
      counts.duplicate++
      return { status: 'duplicate', candidate, target: { kind: 'row', row: earlier.target }, reason: earlier.reason }
    }
    counts.new++
    return { status: 'new', candidate }
  })
  return { rows, counts }
}
