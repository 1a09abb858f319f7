// The contacts endpoints of the API reference: matching a request to a route and answering it.
import type { Contact, ContactRow } from '../shared/contact'
import type { SandboxStore } from './store'
import { validateCreate, validateGroupId, validateListQuery, validateNote, validatePatch, type Validated } from './validate'

/** 'partial' list rows carry only the reference example's fields: id, name, phone, type, blacklisted, tags. */
export type ListRows = 'partial' | 'full'

export interface Reply {
  status: number
  /** Undefined means no body (204). */
  body?: unknown
}

export interface RouteInput {
  store: SandboxStore
  rows: ListRows
  id: number | null
  query: URLSearchParams
  body: unknown
}

interface Route {
  method: string
  /** The path as the reference writes it, used for stats and matching. */
  path: string
  /** Writes are the requests a lost response may hit after they are applied. */
  write: boolean
  handle(input: RouteInput): Reply
}

const CONTACTS = '/api/v1/contacts'
const NOT_FOUND: Reply = { status: 404, body: { success: false, message: 'Contact not found.' } }

const invalid = (result: Extract<Validated<unknown>, { ok: false }>): Reply => ({
  status: 422,
  body: { success: false, message: result.message, errors: result.errors },
})

const PARTIAL_FIELDS = ['id', 'name', 'phone', 'type', 'blacklisted', 'tags'] as const

function listRow(contact: Contact, rows: ListRows): ContactRow {
  if (rows === 'full') return contact
  return Object.fromEntries(PARTIAL_FIELDS.map((field) => [field, contact[field]])) as ContactRow
}

/** Every route below is reached with a numeric id, or the request was already answered 404. */
const withContact =
  (handle: (input: RouteInput & { id: number; contact: Contact }) => Reply) =>
  (input: RouteInput): Reply => {
    const contact = input.id === null ? undefined : input.store.get(input.id)
    return contact ? handle({ ...input, id: contact.id, contact }) : NOT_FOUND
  }

const ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: CONTACTS,
    write: false,
    handle: ({ store, rows: shape, query }) => {
      const request = validateListQuery(query)
      if (!request.ok) return invalid(request)
      const { rows, total } = store.list(request.value)
      const perPage = request.value.perPage
      const meta = {
        current_page: request.value.page,
        last_page: Math.max(1, Math.ceil(total / perPage)),
        per_page: perPage,
        total,
      }
      return { status: 200, body: { success: true, data: rows.map((row) => listRow(row, shape)), meta } }
    },
  },
  {
    method: 'POST',
    path: CONTACTS,
    write: true,
    handle: ({ store, body }) => {
      const input = validateCreate(body, (phone) => store.isPhoneTaken(phone))
      if (!input.ok) return invalid(input)
      return { status: 201, body: { success: true, data: store.create(input.value), message: 'Contact created successfully.' } }
    },
  },
  {
    method: 'GET',
    path: `${CONTACTS}/{id}`,
    write: false,
    handle: withContact(({ contact }) => ({ status: 200, body: { success: true, data: contact } })),
  },
  {
    method: 'PUT',
    path: `${CONTACTS}/{id}`,
    write: true,
    handle: withContact(({ store, id, contact, body }) => {
      const patch = validatePatch(body, contact, (phone, exceptId) => store.isPhoneTaken(phone, exceptId))
      if (!patch.ok) return invalid(patch)
      return { status: 200, body: { success: true, data: store.update(id, patch.value), message: 'Contact updated successfully.' } }
    }),
  },
  {
    method: 'DELETE',
    path: `${CONTACTS}/{id}`,
    write: true,
    handle: withContact(({ store, id }) => {
      store.remove(id)
      return { status: 204 }
    }),
  },
  {
    method: 'POST',
    path: `${CONTACTS}/{id}/blacklist`,
    write: true,
    handle: withContact(({ store, id }) => {
      const { blacklisted } = store.toggleBlacklist(id) as Contact
      const message = blacklisted ? 'Contact blacklisted successfully.' : 'Contact removed from blacklist successfully.'
      return { status: 200, body: { success: true, data: { id, blacklisted }, message } }
    }),
  },
  {
    method: 'GET',
    path: `${CONTACTS}/{id}/notes`,
    write: false,
    handle: withContact(({ store, id }) => ({ status: 200, body: { success: true, data: store.notes(id) } })),
  },
  {
    method: 'POST',
    path: `${CONTACTS}/{id}/notes`,
    write: true,
    handle: withContact(({ store, id, body }) => {
      const content = validateNote(body)
      if (!content.ok) return invalid(content)
      return { status: 201, body: { success: true, data: store.addNote(id, content.value), message: 'Note added successfully.' } }
    }),
  },
  {
    method: 'POST',
    path: `${CONTACTS}/{id}/lists`,
    write: true,
    handle: withContact(({ store, id, body }) => {
      const listId = validateGroupId(body, 'list_id')
      if (!listId.ok) return invalid(listId)
      store.addToList(id, listId.value)
      return { status: 200, body: { success: true, data: { id, list_id: listId.value }, message: 'Contact added to list.' } }
    }),
  },
  {
    method: 'POST',
    path: `${CONTACTS}/{id}/segments`,
    write: true,
    handle: withContact(({ store, id, body }) => {
      const segmentId = validateGroupId(body, 'segment_id')
      if (!segmentId.ok) return invalid(segmentId)
      store.addToSegment(id, segmentId.value)
      return {
        status: 200,
        body: { success: true, data: { id, segment_id: segmentId.value }, message: 'Contact added to segment.' },
      }
    }),
  },
]

export type RouteMatch =
  | { kind: 'route'; route: Route; id: number | null }
  | { kind: 'method_not_allowed'; path: string }
  | { kind: 'unknown' }

const CONTACT_PATH = /^\/api\/v1\/contacts(?:\/([^/]+)(\/notes|\/blacklist|\/lists|\/segments)?)?\/?$/

/** A non-numeric id still matches its route, so it answers "Contact not found." like an unknown one. */
export function matchRoute(method: string, pathname: string): RouteMatch {
  const found = CONTACT_PATH.exec(pathname)
  if (!found) return { kind: 'unknown' }
  const [, rawId, suffix = ''] = found
  const path = rawId === undefined ? CONTACTS : `${CONTACTS}/{id}${suffix}`
  const route = ROUTES.find((candidate) => candidate.path === path && candidate.method === method)
  if (!route) return { kind: 'method_not_allowed', path }
  const id = rawId !== undefined && /^\d{1,15}$/.test(rawId) ? Number(rawId) : null
  return { kind: 'route', route, id }
}

export const unknownRoute: Reply = { status: 404, body: { success: false, message: 'Not found.' } }
export const methodNotAllowed: Reply = { status: 405, body: { success: false, message: 'Method not allowed.' } }
