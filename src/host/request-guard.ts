// Who may talk to the browser host: only this machine, only with the run's secret, and the bridge only from the app's own page.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

/** Every URL of a run starts with `/s/<secret>/`; the page's relative URLs keep it. */
export const SECRET_PREFIX = '/s/'

export type GuardVerdict =
  /** Serve `path` (the part after the secret, starting with `/`). */
  | { allow: true; path: string }
  | { allow: false; status: 403 | 404; reason: string }

export interface RequestGuard {
  /** The secret part of every URL of this run. */
  readonly secret: string
  /** The app's own origin, once the port is known. */
  setOrigin(origin: string): void
  /** The page's address: origin, secret and all. */
  pageUrl(): string
  check(method: string, url: string, headers: IncomingHttpHeaders): GuardVerdict
}

const matches = (given: string, expected: string): boolean => {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * A web page in another tab cannot learn the secret, so it cannot name any URL of the run; a
 * DNS-rebinding page arrives with another Host; a page that somehow has the secret still cannot
 * call the bridge, whose POSTs must carry our own Origin (browsers set it; pages cannot).
 */
export function createRequestGuard(secret: string = randomBytes(24).toString('base64url')): RequestGuard {
  let origin = ''
  let hosts: ReadonlySet<string> = new Set()
  const prefix = `${SECRET_PREFIX}${secret}/`
  return {
    secret,
    setOrigin(next) {
      origin = next
      const port = new URL(next).port
      hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
    },
    pageUrl: () => `${origin}${prefix}`,
    check(method, url, headers) {
      if (!hosts.has(headers.host ?? '')) return { allow: false, status: 403, reason: 'unknown Host' }
      const pathname = new URL(url, 'http://host.invalid').pathname
      if (!pathname.startsWith(SECRET_PREFIX) || !matches(pathname.slice(0, prefix.length), prefix)) {
        return { allow: false, status: 404, reason: 'no secret' }
      }
      const path = pathname.slice(prefix.length - 1)
      if (method !== 'GET' && method !== 'HEAD') {
        // A fetch from the page always names its origin on a POST; anything else is not our page.
        if (headers.origin !== origin) return { allow: false, status: 403, reason: 'foreign Origin' }
        const site = headers['sec-fetch-site']
        if (site !== undefined && site !== 'same-origin') return { allow: false, status: 403, reason: 'cross-site request' }
        if (!/^application\/json\b/.test(headers['content-type'] ?? '')) return { allow: false, status: 403, reason: 'not JSON' }
      }
      return { allow: true, path }
    },
  }
}
