// Reads vCard 2.1, 3.0 and 4.0 files (one or many cards, as iOS and Android export them) into SourceRecords.
import { importErrors, MAX_ROWS, readOk, type ImportResult } from './import-error'
import { isMobileLabel } from './column-words'
import { joinNameParts } from './name-parts'
import { decodeQuotedPrintable } from './quoted-printable'
import { emptyRecord, type SourcePhone, type SourceRecord, type SourcedValue } from './source-record'
import { parseProperty, splitEscaped, unescapeText, unfoldLines, type VcardProperty } from './vcard-lines'

/** Our own export's channel, so a round trip keeps it. */
export const CHANNEL_PROPERTY = 'X-SKYLIGHT-CHANNEL'

const MOBILE_TYPES = new Set(['cell', 'mobile', 'iphone', 'cellular'])

/** The value with quoted-printable decoded (2.1), still escaped. */
function rawText(property: VcardProperty): string {
  const encoding = property.params.get('ENCODING')?.[0]?.toUpperCase()
  if (encoding === 'QUOTED-PRINTABLE') return decodeQuotedPrintable(property.value, property.params.get('CHARSET')?.[0])
  return property.value
}

const text = (property: VcardProperty): string => unescapeText(rawText(property)).trim()

/** N is family;given;additional;prefix;suffix (each may list several, comma-separated). */
function nameFromN(property: VcardProperty): string {
  const [family, given, middle, prefix, suffix] = splitEscaped(rawText(property), ';').map((part) =>
    splitEscaped(part, ',')
      .map((item) => unescapeText(item).trim())
      .join(' '),
  )
  return joinNameParts({ prefix, given, middle, family, suffix })
}

/** 4.0 writes TEL as a URI ("tel:+1-555-0100"). */
const telValue = (property: VcardProperty): string => text(property).replace(/^tel:/i, '')

const isPreferred = (property: VcardProperty): boolean => property.types.has('pref') || property.params.has('PREF')

/** PREF first, then file order (a stable sort keeps the rest as written). */
function preferredFirst<T extends { preferred: boolean }>(values: T[]): T[] {
  return [...values].sort((a, b) => Number(b.preferred) - Number(a.preferred))
}

/** One card's properties as a SourceRecord; iOS labels ("item1.X-ABLabel:mobile") count as types. */
function recordOfCard(properties: VcardProperty[], row: number): SourceRecord {
  const record = emptyRecord(row)
  const labels = new Map<string, string>()
  for (const p of properties) if (p.name === 'X-ABLABEL' && p.group) labels.set(p.group, text(p))

  let fn: SourcedValue | null = null
  let n: SourcedValue | null = null
  let org: SourcedValue | null = null
  const phones: Array<SourcePhone & { preferred: boolean }> = []
  const emails: Array<SourcedValue & { preferred: boolean }> = []
  for (const p of properties) {
    switch (p.name) {
      case 'FN':
        fn ??= { value: text(p), column: 'FN' }
        break
      case 'N':
        n ??= { value: nameFromN(p), column: 'N' }
        break
      case 'ORG':
        org ??= { value: unescapeText(splitEscaped(rawText(p), ';')[0] ?? '').trim(), column: 'ORG' }
        break
      case 'TEL': {
        const label = p.group ? labels.get(p.group) : undefined
        const mobile = [...p.types].some((t) => MOBILE_TYPES.has(t)) || (label !== undefined && isMobileLabel(label.replace(/[_$!<>]/g, ' ')))
        const value = telValue(p)
        if (value) phones.push({ value, column: 'TEL', mobile, preferred: isPreferred(p) })
        break
      }
      case 'EMAIL': {
        const value = text(p)
        if (value) emails.push({ value, column: 'EMAIL', preferred: isPreferred(p) })
        break
      }
      case 'CATEGORIES':
        for (const part of splitEscaped(rawText(p), ',')) {
          const value = unescapeText(part).trim()
          if (value) record.tags.push({ value, column: 'CATEGORIES' })
        }
        break
      case 'NOTE': {
        const value = text(p)
        if (value) record.notes.push({ value, column: 'NOTE' })
        break
      }
      case CHANNEL_PROPERTY:
        record.channel ??= { value: text(p), column: CHANNEL_PROPERTY }
        break
    }
  }
  // Phones show a company card by its organisation when it has no person's name.
  record.name = [fn, n, org].find((candidate) => candidate !== null && candidate.value !== '') ?? null
  record.phones = preferredFirst(phones).map(({ value, column, mobile }) => ({ value, column, mobile }))
  record.emails = preferredFirst(emails).map(({ value, column }) => ({ value, column }))
  return record
}

/** Every card of the file, numbered from 1; nested cards (2.1's AGENT) are skipped. */
export function parseVcards(text: string, maxRows: number = MAX_ROWS): ImportResult<SourceRecord[]> {
  const records: SourceRecord[] = []
  let depth = 0
  let properties: VcardProperty[] = []
  for (const line of unfoldLines(text)) {
    const property = parseProperty(line)
    if (!property) continue
    const value = property.value.trim().toUpperCase()
    if (property.name === 'BEGIN' && value === 'VCARD') {
      if (depth++ === 0) properties = []
    } else if (property.name === 'END' && value === 'VCARD') {
      if (depth > 0 && --depth === 0) {
        if (records.length >= maxRows) return importErrors.tooManyRows(maxRows)
        records.push(recordOfCard(properties, records.length + 1))
      }
    } else if (depth === 1) properties.push(property)
  }
  return records.length ? readOk(records) : importErrors.notContacts()
}
