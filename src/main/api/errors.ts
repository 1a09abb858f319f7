// Maps an HTTP error response (status, body, headers) to the typed ApiError the UI understands; the server's own message,
// else ours in the app's language.
import type { ApiError, FieldErrors } from '../../shared/result'
import { desktopText } from '../i18n/desktop-text'
import { DEFAULT_RETRY_AFTER_MS, retryAfterMs } from './rate-headers'

const MAX_MESSAGE_LENGTH = 300

/** The body as JSON, or undefined when it is not JSON (an HTML error page, say). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The server's own `message`, when it sent a short readable one. */
export function serverMessage(body: unknown): string | null {
  if (!isRecord(body) || typeof body.message !== 'string') return null
  const message = body.message.trim()
  if (!message) return null
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message
}

/** Laravel's `errors` map, tolerating a missing map and single strings in place of arrays. */
export function fieldErrorsOf(body: unknown): FieldErrors {
  const fields: FieldErrors = {}
  if (!isRecord(body) || !isRecord(body.errors)) return fields
  for (const [name, value] of Object.entries(body.errors)) {
    const messages = (Array.isArray(value) ? value : [value]).filter((m): m is string => typeof m === 'string')
    if (messages.length > 0) fields[name] = messages
  }
  return fields
}

export function errorFromStatus(status: number, bodyText: string, headers: Headers, now = Date.now()): ApiError {
  const body = parseJson(bodyText)
  const said = serverMessage(body)
  if (status === 401) return { kind: 'unauthorized', message: said ?? desktopText('main.api.unauthorized') }
  // A key without the right scope: the user must fix the key, as for 401.
  if (status === 403) return { kind: 'unauthorized', message: said ?? desktopText('main.api.forbidden') }
  if (status === 404) return { kind: 'not_found', message: said ?? desktopText('main.api.notFound') }
  if (status === 408) return { kind: 'timeout', message: said ?? desktopText('main.api.timeout') }
  if (status === 422) return { kind: 'validation', message: said ?? desktopText('main.api.validation'), fields: fieldErrorsOf(body) }
  if (status === 429) {
    return {
      kind: 'rate_limited',
      message: said ?? desktopText('main.api.rateLimited'),
      retryAfterMs: retryAfterMs(headers, now) ?? DEFAULT_RETRY_AFTER_MS,
    }
  }
  // 5xx bodies are often HTML pages: only a JSON message is worth showing.
  // The status as a code, never a number in the language's digits or grouping.
  const code = String(status)
  if (status >= 500) return { kind: 'server', message: said ?? desktopText('main.api.serverFailed', { status: code }), status }
  if (status >= 300 && status < 400) {
    return { kind: 'bad_response', message: desktopText('main.api.redirected', { status: code }) }
  }
  return { kind: 'bad_response', message: said ? `HTTP ${status}: ${said}` : desktopText('main.api.unexpected', { status: code }) }
}
