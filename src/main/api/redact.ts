// Removes API keys and Authorization values from any text that may reach a message, a log or a result.
import type { ApiError } from '../../shared/result'

export const REDACTED = '[redacted]'

// Servers sometimes echo request headers back in error pages; these catch a key we were not told about.
const BEARER = /\bBearer\s+[^\s"',;}]+/gi
// The whole value of an echoed header, scheme included: redacting too much is the safe mistake.
const AUTHORIZATION_HEADER = /(\bauthorization["']?\s*[:=]\s*["']?)[^"'\r\n,;}]+/gi
const SKYLIGHT_KEY = /\bsk_(?:live|test)_[A-Za-z0-9_-]+/g

/** Replaces every occurrence of the given secrets (raw or URL-encoded) and anything shaped like a key. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) {
    if (!secret) continue
    out = out.split(secret).join(REDACTED)
    const encoded = encodeURIComponent(secret)
    if (encoded !== secret) out = out.split(encoded).join(REDACTED)
  }
  return out
    .replace(AUTHORIZATION_HEADER, `$1${REDACTED}`)
    .replace(BEARER, `Bearer ${REDACTED}`)
    .replace(SKYLIGHT_KEY, REDACTED)
}

/** The same error with its message and any field messages redacted. */
export function redactError(error: ApiError, secrets: readonly string[]): ApiError {
  const message = redact(error.message, secrets)
  if (error.kind !== 'validation') return { ...error, message }
  const fields: Record<string, string[]> = {}
  for (const [name, messages] of Object.entries(error.fields)) {
    fields[redact(name, secrets)] = messages.map((m) => redact(m, secrets))
  }
  return { ...error, message, fields }
}
