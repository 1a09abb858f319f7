// Fault-injection knobs and their mechanics: latency, a per-key fixed-window rate limit, 5xx before applying, lost responses.
import { chance, pick, type Random } from '../prng'

export interface SandboxKnobs {
  /** 'partial' list rows carry only the reference example's fields: id, name, phone, type, blacklisted, tags. */
  rows: 'partial' | 'full'
  /** A fixed delay, or a uniform random one in [min, max]. */
  latencyMs: number | [number, number]
  rateLimit: { limit: number; windowMs: number } | null
  /** Share of authorized requests answered 500/502/503 with an HTML page, before anything is applied. */
  errorRate: number
  /** Share of writes applied and then left unanswered: the socket is destroyed. */
  lostResponseRate: number
  otherUserEditsPerSecond: number
  /** Every connection is dropped at once: the API looks unreachable (a car park, a basement). */
  down: boolean
}

export const DEFAULT_KNOBS: Readonly<SandboxKnobs> = {
  rows: 'partial',
  latencyMs: 0,
  rateLimit: null,
  errorRate: 0,
  lostResponseRate: 0,
  otherUserEditsPerSecond: 0,
  down: false,
}

export function latencyFor(latency: SandboxKnobs['latencyMs'], random: Random): number {
  if (typeof latency === 'number') return Math.max(0, latency)
  const [min, max] = latency
  return Math.max(0, min + random() * (max - min))
}

export interface RateVerdict {
  limited: boolean
  limit: number
  remaining: number
  /** Whole seconds until the window resets, at least 1, as `Retry-After` needs. */
  retryAfterSeconds: number
}

/** Counts requests per key in fixed windows that start at a key's first request. */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>()

  check(key: string, rule: { limit: number; windowMs: number }, now: number): RateVerdict {
    let window = this.windows.get(key)
    if (!window || now >= window.start + rule.windowMs) {
      window = { start: now, count: 0 }
      this.windows.set(key, window)
    }
    const limited = window.count >= rule.limit
    if (!limited) window.count++
    return {
      limited,
      limit: rule.limit,
      remaining: Math.max(0, rule.limit - window.count),
      retryAfterSeconds: Math.max(1, Math.ceil((window.start + rule.windowMs - now) / 1000)),
    }
  }
}

const FAILURE_TITLES: Readonly<Record<number, string>> = {
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
}

/** The status of an injected failure, or null when this request goes through. */
export function injectedFailure(errorRate: number, random: Random): number | null {
  return chance(random, errorRate) ? pick(random, [500, 502, 503]) : null
}

/** What a proxy or a crashed PHP worker sends: HTML, not the JSON envelope. */
export function failurePage(status: number): string {
  const title = `${status} ${FAILURE_TITLES[status] ?? 'Error'}`
  return `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>\n`
}
