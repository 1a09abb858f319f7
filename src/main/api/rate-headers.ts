// Reads the server's rate-limit headers: Retry-After (seconds or HTTP date), X-RateLimit-Remaining and X-RateLimit-Limit.

/** How long to wait when the server says "slow down" without saying how long. */
export const DEFAULT_RETRY_AFTER_MS = 1000

/** Milliseconds to wait per a Retry-After value, or null when it is absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null) return null
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return null
  return Math.max(0, at - now)
}

export function retryAfterMs(headers: Headers, now = Date.now()): number | null {
  return parseRetryAfter(headers.get('retry-after'), now)
}

/** The server's count of calls left in the current window, or null when it does not say. */
export function rateLimitRemaining(headers: Headers): number | null {
  const raw = headers.get('x-ratelimit-remaining')
  if (raw === null || !/^\s*-?\d+\s*$/.test(raw)) return null
  return Number(raw)
}

/** The server's announced calls per window (`X-RateLimit-Limit`), or null when it does not say. */
export function rateLimitLimit(headers: Headers): number | null {
  const raw = headers.get('x-ratelimit-limit')
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return null
  const limit = Number(raw)
  return limit > 0 ? limit : null
}
