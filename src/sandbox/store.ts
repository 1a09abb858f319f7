// The sandbox account in memory: contacts in id order with their notes, lists and segments.
import type { ChannelType, Contact, ContactCreate, ContactPatch, Note } from '../shared/contact'
import type { SeedData } from './seed'
import { toApiTimestamp } from './timestamp'

export interface ContactFilter {
  search?: string
  type?: ChannelType
  blacklisted?: boolean
  tag?: string
}

export interface PageRequest extends ContactFilter {
  page: number
  perPage: number
}

export interface ContactSlice {
  rows: Contact[]
  total: number
}

// Letters NFD does not split into base + accent, so "lukasz" still finds "Łukasz".
const UNDECOMPOSED: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' }

/** Case- and accent-insensitive form used by `search`. */
export const foldForSearch = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łøđßæœı]/g, (letter) => UNDECOMPOSED[letter] ?? letter)

interface Row {
  contact: Contact
  /** Folded name, email and phone, joined by a separator no query contains. */
  haystack: string
}

const haystackOf = (contact: Contact): string =>
  foldForSearch([contact.name, contact.email ?? '', contact.phone ?? ''].join('\u0000'))

const copy = (contact: Contact): Contact => ({ ...contact, tags: [...contact.tags] })

export class SandboxStore {
  private readonly rows = new Map<number, Row>()
  /** Rows by ascending id; rebuilt lazily after a delete, appended to on create. */
  private ordered: Row[] | null = []
  private readonly phoneOwner = new Map<string, number>()
  private readonly noteMap: Map<number, Note[]>
  private readonly listMap = new Map<number, Set<number>>()
  private readonly segmentMap = new Map<number, Set<number>>()
  private nextId: number
  private nextNoteId: number

  constructor(
    seed: SeedData,
    private readonly now: () => number = Date.now,
  ) {
    for (const contact of seed.contacts) this.insert(copy(contact))
    this.nextId = seed.contacts.reduce((max, contact) => Math.max(max, contact.id), 0) + 1
    this.noteMap = new Map([...seed.notes].map(([id, notes]) => [id, notes.map((note) => ({ ...note }))]))
    this.nextNoteId = [...seed.notes.values()].flat().reduce((max, note) => Math.max(max, note.id), 0) + 1
  }

  /** Every contact, full, ordered by id. */
  all(): Contact[] {
    return this.orderedRows().map((row) => copy(row.contact))
  }

  get(id: number): Contact | undefined {
    const row = this.rows.get(id)
    return row && copy(row.contact)
  }

  size(): number {
    return this.rows.size
  }

  /** The contact at a position in id order, for picking one at random. */
  nth(index: number): Contact | undefined {
    const row = this.orderedRows()[index]
    return row && copy(row.contact)
  }

  isPhoneTaken(phone: string, exceptId?: number): boolean {
    const owner = this.phoneOwner.get(phone)
    return owner !== undefined && owner !== exceptId
  }

  /** One page of the contacts matching every given filter, in id order. */
  list(request: PageRequest): ContactSlice {
    const start = (request.page - 1) * request.perPage
    const end = start + request.perPage
    const matches = this.matcher(request)
    const ordered = this.orderedRows()
    if (!matches) {
      return { rows: ordered.slice(start, end).map((row) => copy(row.contact)), total: ordered.length }
    }
    const rows: Contact[] = []
    let total = 0
    for (const row of ordered) {
      if (!matches(row)) continue
      if (total >= start && total < end) rows.push(copy(row.contact))
      total++
    }
    return { rows, total }
  }

  create(input: ContactCreate): Contact {
    const stamp = toApiTimestamp(this.now())
    const contact: Contact = {
      id: this.nextId++,
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
      type: input.type,
      status: 'active',
      blacklisted: false,
      tags: [...(input.tags ?? [])],
      last_message_at: null,
      created_at: stamp,
      updated_at: stamp,
    }
    this.insert(contact)
    return copy(contact)
  }

  /** Changes only the fields present in the patch; undefined when the contact does not exist. */
  update(id: number, patch: ContactPatch): Contact | undefined {
    const row = this.rows.get(id)
    if (!row) return undefined
    const contact = row.contact
    if (patch.phone !== undefined && contact.phone !== patch.phone) {
      if (contact.phone) this.phoneOwner.delete(contact.phone)
      if (patch.phone) this.phoneOwner.set(patch.phone, id)
    }
    const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined))
    Object.assign(contact, changes, { updated_at: toApiTimestamp(this.now()) })
    if (patch.tags) contact.tags = [...patch.tags]
    row.haystack = haystackOf(contact)
    return copy(contact)
  }

  remove(id: number): boolean {
    const row = this.rows.get(id)
    if (!row) return false
    this.rows.delete(id)
    if (row.contact.phone) this.phoneOwner.delete(row.contact.phone)
    this.noteMap.delete(id)
    this.listMap.delete(id)
    this.segmentMap.delete(id)
    this.ordered = null
    return true
  }

  toggleBlacklist(id: number): Contact | undefined {
    const row = this.rows.get(id)
    if (!row) return undefined
    row.contact.blacklisted = !row.contact.blacklisted
    row.contact.updated_at = toApiTimestamp(this.now())
    return copy(row.contact)
  }

  /** Notes of a contact, oldest first. */
  notes(id: number): Note[] {
    return (this.noteMap.get(id) ?? []).map((note) => ({ ...note }))
  }

  addNote(id: number, content: string): Note | undefined {
    if (!this.rows.has(id)) return undefined
    const note = { id: this.nextNoteId++, content, created_at: toApiTimestamp(this.now()) }
    const notes = this.noteMap.get(id) ?? []
    notes.push(note)
    this.noteMap.set(id, notes)
    return { ...note }
  }

  /** Ids of the lists the contact belongs to, ascending. */
  lists(id: number): number[] {
    return [...(this.listMap.get(id) ?? [])].sort((a, b) => a - b)
  }

  /** Adding twice is harmless, as list membership is a set. False when the contact does not exist. */
  addToList(id: number, listId: number): boolean {
    return this.addMember(this.listMap, id, listId)
  }

  segments(id: number): number[] {
    return [...(this.segmentMap.get(id) ?? [])].sort((a, b) => a - b)
  }

  addToSegment(id: number, segmentId: number): boolean {
    return this.addMember(this.segmentMap, id, segmentId)
  }

  private addMember(memberships: Map<number, Set<number>>, id: number, groupId: number): boolean {
    if (!this.rows.has(id)) return false
    const groups = memberships.get(id) ?? new Set<number>()
    groups.add(groupId)
    memberships.set(id, groups)
    return true
  }

  private insert(contact: Contact): void {
    const row = { contact, haystack: haystackOf(contact) }
    this.rows.set(contact.id, row)
    if (contact.phone) this.phoneOwner.set(contact.phone, contact.id)
    this.ordered?.push(row)
  }

  private orderedRows(): Row[] {
    // Ids only grow and a Map keeps insertion order, so its values are already in id order.
    this.ordered ??= [...this.rows.values()]
    return this.ordered
  }

  private matcher(filter: ContactFilter): ((row: Row) => boolean) | null {
    const tests: ((row: Row) => boolean)[] = []
    const search = filter.search ? foldForSearch(filter.search) : ''
    if (search) tests.push((row) => row.haystack.includes(search))
    if (filter.type) tests.push((row) => row.contact.type === filter.type)
    if (filter.blacklisted !== undefined) tests.push((row) => row.contact.blacklisted === filter.blacklisted)
    if (filter.tag) {
      const tag = filter.tag.toLowerCase()
      tests.push((row) => row.contact.tags.some((candidate) => candidate.toLowerCase() === tag))
    }
    return tests.length ? (row) => tests.every((test) => test(row)) : null
  }
}
