// The sandbox with its fault-injection knobs, changeable live: latency, a rate limit, 5xx pages, lost responses, an API
// that is down, and another user editing. What the tests, the bench and `npm run sandbox` start; demo mode does not.
import { sendHtml, sendJson } from '../http-io'
import { chance, derivedSeed, mulberry32, type Random } from '../prng'
import { DEFAULT_SEED, startSandboxServer, type RequestFaults, type SandboxServer, type SandboxServerOptions } from '../sandbox-server'
import { DEFAULT_KNOBS, FixedWindowLimiter, failurePage, injectedFailure, latencyFor, type SandboxKnobs } from './knobs'
import { editAsOtherUser, startOtherUser } from './other-user'

export type { SandboxKnobs } from './knobs'
export type { SandboxStore } from '../store'

export interface SandboxOptions extends Omit<SandboxServerOptions, 'rows' | 'faults'> {
  knobs?: Partial<SandboxKnobs>
}

export interface Sandbox extends SandboxServer {
  /** Mutate to change behaviour live. */
  knobs: SandboxKnobs
  editAsOtherUser(count?: number): void
}

const TOO_MANY = { success: false, message: 'Too Many Attempts.' }

/** The knobs as the server's fault hooks, drawing from `random` in the order a request meets them. */
function knobFaults(knobs: SandboxKnobs, random: Random): RequestFaults {
  const limiter = new FixedWindowLimiter()
  return {
    dropsConnection: () => knobs.down,
    delayMs: () => latencyFor(knobs.latencyMs, random),
    answersInstead(apiKey, response, stats) {
      if (knobs.rateLimit) {
        const verdict = limiter.check(apiKey, knobs.rateLimit, Date.now())
        response.setHeader('X-RateLimit-Limit', verdict.limit)
        response.setHeader('X-RateLimit-Remaining', verdict.remaining)
        if (verdict.limited) {
          stats.rateLimited++
          response.setHeader('Retry-After', verdict.retryAfterSeconds)
          sendJson(response, 429, TOO_MANY)
          return true
        }
      }
      const failure = injectedFailure(knobs.errorRate, random)
      if (failure === null) return false
      sendHtml(response, failure, failurePage(failure))
      return true
    },
    losesResponse: () => chance(random, knobs.lostResponseRate),
  }
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? DEFAULT_SEED
  const knobs: SandboxKnobs = { ...DEFAULT_KNOBS, ...options.knobs }
  // Separate streams, so turning one knob on does not reshuffle the others' choices.
  const faultRandom = mulberry32(derivedSeed(seed, 1))
  const otherUserRandom = mulberry32(derivedSeed(seed, 2))
  const server = await startSandboxServer({ ...options, seed, rows: () => knobs.rows, faults: knobFaults(knobs, faultRandom) })
  const otherUser = startOtherUser(server.store, knobs, otherUserRandom)
  return {
    baseUrl: server.baseUrl,
    get apiKey() {
      return server.apiKey
    },
    set apiKey(next: string) {
      server.apiKey = next
    },
    port: server.port,
    store: server.store,
    stats: server.stats,
    knobs,
    editAsOtherUser: (count = 1) => editAsOtherUser(server.store, otherUserRandom, count),
    close: () => {
      otherUser.stop()
      return server.close()
    },
  }
}
