// Sends one HTTP request to the API with the key and a timeout, and reads the reply as a Result.
import { fail, ok, type Result } from '../../shared/result'
import { desktopText } from '../i18n/desktop-text'
import { errorFromStatus, parseJson } from './errors'
import type { Attempt } from './limiter'
import type { HttpMethod } from './retry'

export interface Connection {
  /** Origin plus optional path prefix, without a trailing slash. */
  baseUrl: string
  apiKey: string
  timeoutMs: number
  fetch: typeof globalThis.fetch
}

export interface HttpRequest {
  method: HttpMethod
  /** Path under the base URL, starting with `/`, ids already encoded. */
  path: string
  query?: URLSearchParams
  body?: unknown
}

/** Resolves with the parsed JSON body of a 2xx reply (null when empty, as for 204) or a typed error. */
export async function send(connection: Connection, request: HttpRequest): Promise<Attempt<Result<unknown>>> {
  const search = request.query?.toString()
  const url = `${connection.baseUrl}${request.path}${search ? `?${search}` : ''}`
  const headers: Record<string, string> = {
    Accept: 'application/json',
    Authorization: `Bearer ${connection.apiKey}`,
  }
  if (request.body !== undefined) headers['Content-Type'] = 'application/json'
  // The timeout covers the whole exchange, body included: a server that stalls mid-body is as dead.
  const signal = AbortSignal.timeout(connection.timeoutMs)
  try {
    const response = await connection.fetch(url, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal,
      // Never follow a redirect: it could carry the key to another host.
      redirect: 'manual',
    })
    const text = await response.text()
    const reply = { status: response.status, headers: response.headers }
    if (response.status < 200 || response.status >= 300) {
      return { ...reply, value: fail(errorFromStatus(response.status, text, response.headers)) }
    }
    if (text.trim() === '') return { ...reply, value: ok(null) }
    const body = parseJson(text)
    if (body === undefined) {
      return { ...reply, value: fail({ kind: 'bad_response', message: desktopText('main.api.unreadable', { request: describeRequest(request) }) }) }
    }
    return { ...reply, value: ok(body) }
  } catch {
    // fetch rejects without a response: either our timeout fired or the host could not be reached.
    if (signal.aborted) {
      return { value: fail({ kind: 'timeout', message: desktopText('main.api.noAnswer', { request: describeRequest(request), ms: String(connection.timeoutMs) }) }) }
    }
    return { value: fail({ kind: 'offline', message: desktopText('main.api.unreachable', { request: describeRequest(request) }) }) }
  }
}

export const describeRequest = (request: HttpRequest): string => `${request.method} ${request.path}`
