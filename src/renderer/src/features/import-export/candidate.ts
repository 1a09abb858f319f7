// Turns a SourceRecord into the contact it would create: phone in E.164, channel, tags plus the import tag, checked by the API's rules with reasons at the cell.
import type { CountryCode } from 'libphonenumber-js/max'
import { contactCreate, contactName, email as emailRule, noteContent, tag as tagRule, type ChannelType, type ContactCreate } from '../../../../shared/contact'
import { readPhone } from './import-phone'
import { CHANNEL_CHOICES, channelOfCell } from './channel-of-cell'
import type { SourcePhone, SourceRecord, SourcedValue } from './source-record'
import { uniqueTags } from './tag-split'

export type ImportField = 'name' | 'phone' | 'email' | 'channel' | 'tags' | 'note'

/** A problem with one value of one row, where the preview shows it. */
export interface CellIssue {
  row: number
  field: ImportField
  /** The column or vCard property the value came from; null when the value is missing altogether. */
  column: string | null
  message: string
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

const firstMessage = (result: { success: boolean; error?: { issues: readonly { message: string }[] } }): string | null =>
  result.success ? null : (result.error?.issues[0]?.message ?? 'Invalid value.')

/** Mobiles first (chat apps need one), then the others, each group in the file's order. */
const byPreference = (phones: readonly SourcePhone[]): SourcePhone[] => [...phones.filter((p) => p.mobile), ...phones.filter((p) => !p.mobile)]

type PhonePick = { phone: string | null; source: SourcePhone | null; error: string | null; warning: string | null }

/** The first number (in order of preference) that reads as E.164; else the first one's problem. */
function pickPhone(phones: readonly SourcePhone[], country: CountryCode | null): PhonePick {
  let firstError: PhonePick | null = null
  for (const source of byPreference(phones)) {
    const checked = readPhone(source.value, country)
    if (checked.status === 'ok') return { phone: checked.e164, source, error: null, warning: checked.warning ?? null }
    if (checked.status === 'error') firstError ??= { phone: null, source, error: checked.message, warning: null }
  }
  return firstError ?? { phone: null, source: null, error: null, warning: null }
}

const collapseSpaces = (text: string): string => text.replace(/\s+/g, ' ').trim()

export function toCandidate(record: SourceRecord, options: CandidateOptions): Candidate {
  const { row } = record
  const issues: CellIssue[] = []
  const warnings: CellIssue[] = []
  const issue = (field: ImportField, source: SourcedValue | null, message: string) => issues.push({ row, field, column: source?.column ?? null, message })

  const name = collapseSpaces(record.name?.value ?? '')
  const nameProblem = firstMessage(contactName.safeParse(name))
  if (nameProblem) issue('name', record.name, nameProblem)

  const picked = pickPhone(record.phones, options.defaultCountry)
  if (picked.error) issue('phone', picked.source, picked.error)
  if (picked.warning) warnings.push({ row, field: 'phone', column: picked.source?.column ?? null, message: picked.warning })

  const emailSource = record.emails[0] ?? null
  const email = emailSource?.value.trim() || null
  const emailProblem = email === null ? null : firstMessage(emailRule.safeParse(email))
  if (emailProblem) issue('email', emailSource, emailProblem)

  let type: ChannelType | null = options.defaultChannel
  if (record.channel) {
    type = channelOfCell(record.channel.value)
    if (type === null) issue('channel', record.channel, `The channel must be one of ${CHANNEL_CHOICES}.`)
  }

  const importTag = options.importTag.trim()
  const tags = uniqueTags([...record.tags.map((t) => t.value.trim()), ...(importTag ? [importTag] : [])].filter(Boolean))
  for (const source of record.tags) {
    const problem = firstMessage(tagRule.safeParse(source.value))
    if (problem) issue('tags', source, `"${source.value.slice(0, 60)}": ${problem}`)
  }

  const note = record.notes.map((n) => n.value.trim()).filter(Boolean).join('\n\n') || null
  const noteProblem = note === null ? null : firstMessage(noteContent.safeParse(note))
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
        issue(field, source, problem.message)
      }
    }
  }
  return { row, draft, create, issues, warnings }
}
