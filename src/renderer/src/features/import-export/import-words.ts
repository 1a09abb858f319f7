// The import's codes in the reader's language, made when shown: reasons at a cell, why a file is refused, the parser's guesses.
import { CHANNEL_LABELS, CHANNEL_TYPES } from '../../../../shared/contact'
import type { MatchReason } from '../../contact-match/match-keys'
import { localeFormats, t } from '../../i18n'
import { phoneProblemText, unusualPhoneText } from '../contact-form'
import type { CellIssue, IssueReason } from './candidate'
import type { CsvProblem } from './csv-parse'
import type { PhoneReason } from './import-phone'
import { MAX_FILE_BYTES, type ImportError, type ImportErrorKind } from './import-error'
import type { DuplicateTarget } from './import-preview'

const ISSUE_KEYS = {
  phone_required: 'import-export.issue.phoneRequired',
  name_missing: 'import-export.issue.nameMissing',
  name_too_long: 'import-export.issue.nameTooLong',
  email_invalid: 'import-export.issue.emailInvalid',
  channel_unknown: 'import-export.issue.channelUnknown',
  tag_empty: 'import-export.issue.tagEmpty',
  tag_too_long: 'import-export.issue.tagTooLong',
  note_empty: 'import-export.issue.noteEmpty',
  note_too_long: 'import-export.issue.noteTooLong',
  invalid: 'import-export.issue.invalid',
} as const satisfies Record<Exclude<IssueReason, PhoneReason | 'phone_unusual'>, string>

/** Every reason but the phone check's, which the contact form words the same way. */
const hasIssueKey = (reason: IssueReason): reason is keyof typeof ISSUE_KEYS => reason in ISSUE_KEYS

/** The sentence the preview shows at a cell (or beside a number worth a look). */
export function issueText(issue: Pick<CellIssue, 'reason' | 'country' | 'channel' | 'tag'>): string {
  const { reason } = issue
  if (reason === 'phone_unusual') return unusualPhoneText(issue.country)
  if (!hasIssueKey(reason)) return phoneProblemText({ problem: reason, country: issue.country })
  return t(ISSUE_KEYS[reason], {
    channel: issue.channel ? CHANNEL_LABELS[issue.channel] : '',
    channels: localeFormats().list.format(CHANNEL_TYPES.map((type) => CHANNEL_LABELS[type])),
    tag: issue.tag ?? '',
  })
}

const ERROR_KEYS = {
  empty: 'import-export.refusal.empty',
  too_large: 'import-export.refusal.tooLarge',
  too_many_rows: 'import-export.refusal.tooManyRows',
  binary: 'import-export.refusal.binary',
  spreadsheet: 'import-export.refusal.spreadsheet',
  not_contacts: 'import-export.refusal.notContacts',
  unreadable: 'import-export.refusal.unreadable',
  unchecked: 'import-export.refusal.unchecked',
  no_file: 'import-export.refusal.noFile',
  closed: 'import-export.refusal.closed',
  not_queued: 'import-export.refusal.notQueued',
} as const satisfies Record<ImportErrorKind, string>

/** The same two, with the browser's or the error's own words after them. */
const DETAIL_KEYS = { unreadable: 'import-export.refusal.unreadableBecause', unchecked: 'import-export.refusal.uncheckedBecause' } as const

const megabytes = (bytes: number): number => Math.round(bytes / (1024 * 1024))

/** Why the file cannot be imported, and what to do. */
export function importErrorText(error: ImportError): string {
  if (error.detail && (error.kind === 'unreadable' || error.kind === 'unchecked')) return t(DETAIL_KEYS[error.kind], { detail: error.detail })
  return t(ERROR_KEYS[error.kind], { size: megabytes(error.bytes ?? 0), max: megabytes(MAX_FILE_BYTES), limit: error.limit ?? 0 })
}

/** The parser's guess at a row, as the columns screen warns of it. */
export const csvProblemText = (problem: CsvProblem): string => t('import-export.mapping.problem', { line: problem.line, kind: problem.kind })

/** "same phone as Anna Schmidt", "same email as row 4 of this file". */
export function duplicateText(reason: MatchReason, target: DuplicateTarget): string {
  // The reason is a select in the message: the translator sees every sentence whole.
  const values = { reason }
  if (target.kind === 'row') return t('import-export.preview.sameAsRow', { ...values, row: target.row })
  const { name, id } = target.contact
  return name ? t('import-export.preview.sameAsContact', { ...values, name }) : t('import-export.preview.sameAsUnnamed', { ...values, id })
}
