// Contacts to vCard 4.0 (or 3.0 for older phones): FN and N, the mobile number, email, tags as CATEGORIES, notes, written in slices.
import type { ContactRow } from '../../../../shared/contact'
import { EXPORT_SLICE_SIZE, inGroups, type ExportSlice } from './export-slices'
import { CHANNEL_PROPERTY } from './vcard-parse'
import { contentLine, escapeText } from './vcard-write'

export type VcardVersion = '4.0' | '3.0'

export interface VcardExportOptions {
  version?: VcardVersion
  /** A contact's notes, oldest first: one NOTE each. */
  notesOf?: (id: number) => readonly string[] | undefined
  sliceSize?: number
}

/**
 * Phones build the shown name from N, so N is filled too: the last word as the family name, the rest
 * as given names, which reads back as the same full name ("Anna Maria Schmidt" → Schmidt;Anna Maria).
 */
function structuredName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const family = words.pop() ?? ''
  const given = words.join(' ')
  return [escapeText(family), escapeText(given), '', '', ''].join(';')
}

function card(contact: ContactRow, version: VcardVersion, notes: readonly string[]): string {
  const name = contact.name ?? ''
  let out = 'BEGIN:VCARD\r\n' + contentLine('VERSION', version)
  out += contentLine('FN', escapeText(name))
  out += contentLine('N', structuredName(name))
  if (contact.phone) {
    // 4.0 writes a phone as a tel: URI; 3.0 phones expect the bare number with TYPE=CELL.
    out += version === '4.0' ? contentLine('TEL;VALUE=uri;TYPE=cell', `tel:${contact.phone}`) : contentLine('TEL;TYPE=CELL', contact.phone)
  }
  if (contact.email) out += contentLine(version === '4.0' ? 'EMAIL' : 'EMAIL;TYPE=INTERNET', escapeText(contact.email))
  if (contact.tags?.length) out += contentLine('CATEGORIES', contact.tags.map(escapeText).join(','))
  for (const note of notes) out += contentLine('NOTE', escapeText(note))
  if (contact.type) out += contentLine(CHANNEL_PROPERTY, contact.type)
  return out + 'END:VCARD\r\n'
}

export function* vcardExport(contacts: Iterable<ContactRow>, options: VcardExportOptions = {}): Generator<ExportSlice> {
  const version = options.version ?? '4.0'
  let written = 0
  for (const group of inGroups(contacts, options.sliceSize ?? EXPORT_SLICE_SIZE)) {
    let text = ''
    for (const contact of group) text += card(contact, version, options.notesOf?.(contact.id) ?? [])
    written += group.length
    yield { text, written }
  }
}
