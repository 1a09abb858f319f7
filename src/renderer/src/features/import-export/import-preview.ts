// The preview before anything is written: each row new, invalid (with reasons at the cell), or a likely duplicate of a contact here or of an earlier row.
import type { ContactRow } from '../../../../shared/contact'
import type { MatchReason } from '../../contact-match/match-keys'
import { toCandidate, type Candidate, type CandidateOptions } from './candidate'
import { addToIndex, emptyMatchIndex, findMatch, indexContactsMatching, type MatchIndex } from './match-index'
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

const isIndex = (existing: Iterable<ContactRow> | MatchIndex<ContactRow>): existing is MatchIndex<ContactRow> => 'byPhone' in existing

/**
 * Checks every record and looks each valid one up among the contacts here (`existing`: the mirror's
 * rows, or an index of them), then among the valid rows before it in the file. Invalid rows are
 * reported and never block the others.
 */
export function buildPreview(records: readonly SourceRecord[], options: CandidateOptions, existing: Iterable<ContactRow> | MatchIndex<ContactRow>): ImportPreview {
  return previewCandidates(records.map((record) => toCandidate(record, options)), existing)
}

/** `buildPreview` once every record is a candidate: the import worker checks them while the mirror still loads. */
export function previewCandidates(candidates: readonly Candidate[], existing: Iterable<ContactRow> | MatchIndex<ContactRow>): ImportPreview {
  const creates = candidates.flatMap((candidate) => (candidate.create ? [candidate.create] : []))
  const here = isIndex(existing) ? existing : indexContactsMatching(existing, creates)
  const inFile = emptyMatchIndex<number>()
  const counts = { new: 0, invalid: 0, duplicate: 0 }
  const rows = candidates.map((candidate): PreviewRow => {
    const create = candidate.create
    if (create === null) {
      counts.invalid++
      return { status: 'invalid', candidate }
    }
    const existingMatch = findMatch(here, create)
    const earlier = existingMatch ? null : findMatch(inFile, create)
    addToIndex(inFile, create, candidate.row)
    if (existingMatch) {
      counts.duplicate++
      return { status: 'duplicate', candidate, target: { kind: 'existing', contact: existingMatch.target }, reason: existingMatch.reason }
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
