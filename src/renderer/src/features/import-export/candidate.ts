// Turns a SourceRecord into the contact it would create: phone in E.164, channel, tags plus the import tag, checked by the API's rules with reasons at the cell.
import type { CountryCode } from 'libphonenumber-js/max'
import { contactCreate, contactName, email as emailRule, noteContent, tag as tagRule, type ChannelType, type ContactCreate } from '../../../../shared/contact'
import { readPhone, type PhoneReason } from './import-phone'
import { channelOfCell } from './channel-of-cell'
import type { SourcePhone, SourceRecord, SourcedValue } from './source-record'
import { uniqueTags } from './tag-split'

export type ImportField = 'name' | 'phone' | 'email' | 'channel' | 'tags' | 'note'

/** Why a value keeps its row out of the import (or, for a warning, is worth a look): a code the preview puts into words. */
export type IssueReason =
  | PhoneReason
  | 'phone_unusual'
  | 'phone_required'
  | 'name_missing'
  | 'name_too_long'
  | 'email_invalid'
  | 'channel_unknown'
  | 'tag_empty'
  | 'tag_too_long'
  | 'note_empty'
  | 'note_too_long'
  | 'invalid'

/** A problem with one value of one row, where the preview shows it. */
export interface CellIssue {
  row: number
  field: ImportField
  /** The column or vCard property the value came from; null when the value is missing altogether. */
  column: string | null
  reason: IssueReason
  /** What the reason's sentence names: the number's country, the channel that needs a phone, the tag refused. */
  country?: CountryCode
  channel?: ChannelType
  tag?: string
}

export interface CandidateOptions {
  /** The country of numbers written without +; null reads only international numbers. */
  defaultCountry: CountryCode | null
  /** The channel of rows whose file says none. */
  defaultChannel: ChannelType
  /** Added to every imported contact; empty for none. */
  importTag: string
}

export interface CandidateDraft {
  name: string
  type: ChannelType | null
  phone: string | null
  email: string | null
  tags: string[]
  note: string | null
}

export interface Candidate {
  row: number
  /** What the row holds after normalizing, shown in the preview even when invalid. */
  draft: CandidateDraft
  /** The create request, when every check passed. */
  create: ContactCreate | null
  /** Problems that keep the row out of the import. */
  issues: CellIssue[]
  /** Worth a look, but the row imports (a number with no known operator). */
  warnings: CellIssue[]
}

type Checked = { success: boolean; error?: { issues: readonly { code: string }[] } }

/** The reason for a value the shared rule refused (too short or too long; anything else is `otherwise`), null when it passed. */
const refusal = <R extends IssueReason>(result: Checked, tooShort: R, tooLong: R, otherwise: R = tooShort): R | null => {
  if (result.success) return null
  const code = result.error?.issues[0]?.code
  return code === 'too_small' ? tooShort : code === 'too_big' ? tooLong : otherwise
}

/** Mobiles first (chat apps need one), then the others, each group in the file's order. */
const byPreference = (phones: readonly SourcePhone[]): SourcePhone[] => [...phones.filter((p) => p.mobile), ...phones.filter((p) => !p.mobile)]

type PhonePick = { phone: string | null; source: SourcePhone | null; error: PhoneReason | null; unusual: boolean; country?: CountryCode }

/** The first number (in order of preference) that reads as E.164; else the first one's problem. */
function pickPhone(phones: readonly SourcePhone[], country: CountryCode | null): PhonePick {
  let firstError: PhonePick | null = null
  for (const source of byPreference(phones)) {
    const checked = readPhone(source.value, country)
    const where = checked.status !== 'empty' && checked.country ? { country: checked.country } : {}
    if (checked.status === 'ok') return { phone: checked.e164, source, error: null, unusual: checked.unusual === true, ...where }
    if (checked.status === 'error') firstError ??= { phone: null, source, error: checked.reason, unusual: false, ...where }
  }
  return firstError ?? { phone: null, source: null, error: null, unusual: false }
}

const collapseSpaces = (text: string): string => text.replace(/\s+/g, ' ').trim()

export function toCandidate(record: SourceRecord, options: CandidateOptions): Candidate {
  const { row } = record
  const issues: CellIssue[] = []
  const warnings: CellIssue[] = []
  const issue = (field: ImportField, source: SourcedValue | null, reason: IssueReason, details: Pick<CellIssue, 'country' | 'channel' | 'tag'> = {}) =>
    issues.push({ row, field, column: source?.column ?? null, reason, ...details })

  const name = collapseSpaces(record.name?.value ?? '')
  const nameProblem = refusal(contactName.safeParse(name), 'name_missing', 'name_too_long')
  if (nameProblem) issue('name', record.name, nameProblem)

  const picked = pickPhone(record.phones, options.defaultCountry)
  const phoneCountry = picked.country ? { country: picked.country } : {}
  if (picked.error) issue('phone', picked.source, picked.error, phoneCountry)
  if (picked.unusual) warnings.push({ row, field: 'phone', column: picked.source?.column ?? null, reason: 'phone_unusual', ...phoneCountry })

  const emailSource = record.emails[0] ?? null
  const email = emailSource?.value.trim() || null
  if (email !== null && !emailRule.safeParse(email).success) issue('email', emailSource, 'email_invalid')

  let type: ChannelType | null = options.defaultChannel
  if (record.channel) {
    type = channelOfCell(record.channel.value)
    if (type === null) issue('channel', record.channel, 'channel_unknown')
  }

  const importTag = options.importTag.trim()
  const tags = uniqueTags([...record.tags.map((t) => t.value.trim()), ...(importTag ? [importTag] : [])].filter(Boolean))
  for (const source of record.tags) {
    const problem = refusal(tagRule.safeParse(source.value), 'tag_empty', 'tag_too_long')
    if (problem) issue('tags', source, problem, { tag: source.value.slice(0, 60) })
  }

  const note = record.notes.map((n) => n.value.trim()).filter(Boolean).join('\n\n') || null
  const noteProblem = note === null ? null : refusal(noteContent.safeParse(note), 'note_empty', 'note_too_long')
  if (noteProblem) issue('note', record.notes[0] ?? null, noteProblem)

  const draft: CandidateDraft = { name, type, phone: picked.phone, email, tags, note }
  let create: ContactCreate | null = null
  if (issues.length === 0 && type !== null) {
    // The shared create rule has the last word (a whatsapp contact needs a phone).
    const fields = { name, type, ...(picked.phone ? { phone: picked.phone } : {}), ...(email ? { email } : {}), ...(tags.length ? { tags } : {}) }
    const checked = contactCreate.safeParse(fields)
    if (checked.success) create = checked.data
    else {
      for (const problem of checked.error.issues) {
        const field = (problem.path[0] === 'type' ? 'channel' : problem.path[0]) as ImportField
        const source = field === 'phone' ? (record.phones[0] ?? null) : field === 'channel' ? record.channel : null
        // The rule's one cross-field check: WhatsApp and Telegram need a phone. Anything else was refused above.
        if (field === 'phone' && problem.code === 'custom') issue(field, source, 'phone_required', { channel: type })
        else issue(field, source, 'invalid')
      }
    }
  }
  return { row, draft, create, issues, warnings }
}
