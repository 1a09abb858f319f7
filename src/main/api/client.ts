// SkylightClient: one typed method per SkyLight Contacts endpoint, over the shared limiter and retries.
import { z } from 'zod'
import type { CallOptions, CallPriority, DataOf } from '../../shared/contract'
import { contactId, contactRow, blacklistState, note, type ContactCreate, type ContactPatch, type ContactQuery } from '../../shared/contact'
import { fail, ok, validationError, type Result } from '../../shared/result'
import { desktopText } from '../i18n/desktop-text'
import { readAck, readContact, readData, readPage } from './envelope'
import { describeRequest, send, type Connection, type HttpRequest } from './http'
import { sharedLimiter, type RateLimiter } from './limiter'
import { redactError } from './redact'
import { DEFAULT_RETRY, retryPolicyFor, withRetry, type RetryPolicy } from './retry'

export type { RateLimiter } from './limiter'

export const DEFAULT_TIMEOUT_MS = 15_000

export interface ClientOptions {
  baseUrl: string
  apiKey: string
  timeoutMs?: number
  limiter?: RateLimiter
  fetch?: typeof globalThis.fetch
  /** How main repeats a failed interactive read; background callers repeat their own calls (see `retryPolicyFor`). */
  retry?: RetryPolicy
}

/** Every method takes the call's options last: its priority in the account's limiter (default interactive). */
export interface SkylightClient {
  listContacts(query: ContactQuery, options?: CallOptions): Promise<Result<DataOf<'contacts.list'>>>
  getContact(id: number, options?: CallOptions): Promise<Result<DataOf<'contacts.get'>>>
  createContact(input: ContactCreate, options?: CallOptions): Promise<Result<DataOf<'contacts.create'>>>
  updateContact(id: number, patch: ContactPatch, options?: CallOptions): Promise<Result<DataOf<'contacts.update'>>>
  deleteContact(id: number, options?: CallOptions): Promise<Result<null>>
  toggleBlacklist(id: number, options?: CallOptions): Promise<Result<DataOf<'contacts.toggleBlacklist'>>>
  listNotes(id: number, options?: CallOptions): Promise<Result<DataOf<'notes.list'>>>
  addNote(id: number, content: string, options?: CallOptions): Promise<Result<DataOf<'notes.add'>>>
  addToList(id: number, listId: number, options?: CallOptions): Promise<Result<DataOf<'lists.add'>>>
  addToSegment(id: number, segmentId: number, options?: CallOptions): Promise<Result<DataOf<'segments.add'>>>
}

const CONTACTS = '/api/v1/contacts'
const positiveId = z.number().int().positive()

/** The query string in the documented parameter order; absent parameters are left out. */
export function contactQueryParams(query: ContactQuery): URLSearchParams {
  const params = new URLSearchParams()
  if (query.page !== undefined) params.set('page', String(query.page))
  if (query.per_page !== undefined) params.set('per_page', String(query.per_page))
  if (query.search !== undefined) params.set('search', query.search)
  if (query.type !== undefined) params.set('type', query.type)
  if (query.blacklisted !== undefined) params.set('blacklisted', query.blacklisted ? 'true' : 'false')
  if (query.tag !== undefined) params.set('tag', query.tag)
  return params
}

/** The path of one contact, or of one of its sub-resources; the id is checked and encoded. */
function contactPath(id: number, sub = ''): Result<string> {
  const checked = z.object({ id: contactId }).safeParse({ id })
  if (!checked.success) return fail(validationError(checked.error.issues, desktopText('main.api.invalidContactId')))
  return ok(`${CONTACTS}/${encodeURIComponent(String(checked.data.id))}${sub}`)
}

const isLoopback = (hostname: string): boolean =>
  hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname)

/**
 * Trims trailing slashes. Throws on a URL the session should never have accepted: the key is only
 * sent over https, or plain http to this computer (the sandbox).
 */
function normalizeBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl)
  if (url.search || url.hash) throw new TypeError('The base URL must not have a query or fragment.')
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new TypeError('The base URL must use https.')
  }
  return url.href.replace(/\/+$/, '')
}

export function createSkylightClient(options: ClientOptions): SkylightClient {
  const connection: Connection = {
    baseUrl: normalizeBaseUrl(options.baseUrl),
    apiKey: options.apiKey,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    fetch: options.fetch ?? globalThis.fetch,
  }
  const limiter = options.limiter ?? sharedLimiter(connection.baseUrl, options.apiKey)
  const retry = options.retry ?? DEFAULT_RETRY
  const secrets = [options.apiKey]

  async function call<T>(request: HttpRequest, read: (what: string, body: unknown) => Result<T>, options: CallOptions = {}): Promise<Result<T>> {
    const priority: CallPriority = options.priority ?? 'interactive'
    const replied = await withRetry(request.method, retryPolicyFor(priority, retry), () => limiter.run(() => send(connection, request), priority))
    const result = replied.ok ? read(describeRequest(request), replied.data) : replied
    return result.ok ? result : fail(redactError(result.error, secrets))
  }

  /** A call on one contact: a bad id fails before any request is made. */
  function onContact<T>(
    id: number,
    sub: string,
    request: Omit<HttpRequest, 'path'>,
    read: (what: string, body: unknown) => Result<T>,
    options: CallOptions | undefined,
  ): Promise<Result<T>> {
    const path = contactPath(id, sub)
    return path.ok ? call({ ...request, path: path.data }, read, options) : Promise.resolve(path)
  }

  function addTo(id: number, sub: string, field: 'list_id' | 'segment_id', value: number, options: CallOptions | undefined) {
    const checked = z.object({ [field]: positiveId }).safeParse({ [field]: value })
    if (!checked.success) return Promise.resolve(fail<DataOf<'lists.add'>>(validationError(checked.error.issues)))
    return onContact(id, sub, { method: 'POST', body: { [field]: value } }, readAck, options)
  }

  return {
    listContacts: (query, options) => call({ method: 'GET', path: CONTACTS, query: contactQueryParams(query) }, readPage, options),
    getContact: (id, options) => onContact(id, '', { method: 'GET' }, readContact, options),
    createContact: (input, options) =>
      call({ method: 'POST', path: CONTACTS, body: input }, (what, body) => readData(what, body, contactRow), options),
    updateContact: (id, patch, options) =>
      onContact(id, '', { method: 'PUT', body: patch }, (what, body) => readData(what, body, contactRow, id), options),
    // 204 has no body; a server that answers 200 with one is just as done.
    deleteContact: (id, options) => onContact(id, '', { method: 'DELETE' }, () => ok(null), options),
    toggleBlacklist: (id, options) =>
      onContact(id, '/blacklist', { method: 'POST' }, (what, body) => readData(what, body, blacklistState, id), options),
    listNotes: (id, options) => onContact(id, '/notes', { method: 'GET' }, (what, body) => readData(what, body, z.array(note)), options),
    addNote: (id, content, options) =>
      onContact(id, '/notes', { method: 'POST', body: { content } }, (what, body) => readData(what, body, note), options),
    addToList: (id, listId, options) => addTo(id, '/lists', 'list_id', listId, options),
    addToSegment: (id, segmentId, options) => addTo(id, '/segments', 'segment_id', segmentId, options),
  }
}
