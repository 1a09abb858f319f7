// Starts a local SkyLight-compatible contacts API with seeded data and fault-injection knobs.
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { DEFAULT_KNOBS, FixedWindowLimiter, failurePage, injectedFailure, latencyFor, type SandboxKnobs } from './faults'
import { readJsonBody, sendHtml, sendJson } from './http-io'
import { editAsOtherUser, startOtherUser } from './other-user'
import { chance, derivedSeed, mulberry32 } from './prng'
import { matchRoute, methodNotAllowed, unknownRoute, type Reply } from './routes'
import { seedContacts } from './seed'
import { SandboxStore } from './store'

export type { SandboxKnobs } from './faults'
export type { SandboxStore } from './store'

export interface SandboxOptions {
  /** 0 picks a free port. */
  port?: number
  host?: string
  contacts?: number
  seed?: number
  /** Defaults to a random `sk_test_` key. */
  apiKey?: string
  knobs?: Partial<SandboxKnobs>
}

export interface SandboxStats {
  requests: number
  rateLimited: number
  /** Requests per route, keyed like `GET /api/v1/contacts/{id}`; anything else counts as `unmatched`. */
  byRoute: Record<string, number>
}

export interface Sandbox {
  baseUrl: string
  /** The only key accepted. Set it to revoke the old key, as a user does in the SkyLight dashboard. */
  apiKey: string
  port: number
  /** Mutate to change behaviour live. */
  knobs: SandboxKnobs
  store: SandboxStore
  stats: SandboxStats
  editAsOtherUser(count?: number): void
  close(): Promise<void>
}

export const DEFAULT_CONTACTS = 5000
export const DEFAULT_SEED = 1

const UNAUTHENTICATED: Reply = { status: 401, body: { success: false, message: 'Unauthenticated.' } }
const TOO_MANY: Reply = { status: 429, body: { success: false, message: 'Too Many Attempts.' } }
const SERVER_ERROR: Reply = { status: 500, body: { success: false, message: 'Server Error' } }

const bearerKey = (request: IncomingMessage): string | null =>
  /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1] ?? null

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? DEFAULT_SEED
  let apiKey = options.apiKey ?? `sk_test_${randomBytes(16).toString('hex')}`
  const knobs: SandboxKnobs = { ...DEFAULT_KNOBS, ...options.knobs }
  const store = new SandboxStore(seedContacts(options.contacts ?? DEFAULT_CONTACTS, seed))
  const stats: SandboxStats = { requests: 0, rateLimited: 0, byRoute: {} }
  // Separate streams, so turning one knob on does not reshuffle the others' choices.
  const faultRandom = mulberry32(derivedSeed(seed, 1))
  const otherUserRandom = mulberry32(derivedSeed(seed, 2))
  const limiter = new FixedWindowLimiter()

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (knobs.down) {
      request.socket.destroy()
      return
    }
    stats.requests++
    const url = new URL(request.url ?? '/', 'http://sandbox')
    const match = matchRoute(request.method ?? 'GET', url.pathname)
    const routeName = match.kind === 'route' ? `${match.route.method} ${match.route.path}` : 'unmatched'
    stats.byRoute[routeName] = (stats.byRoute[routeName] ?? 0) + 1

    const read = await readJsonBody(request)
    await sleep(latencyFor(knobs.latencyMs, faultRandom))
    if (bearerKey(request) !== apiKey) return sendJson(response, UNAUTHENTICATED.status, UNAUTHENTICATED.body)

    if (knobs.rateLimit) {
      const verdict = limiter.check(apiKey, knobs.rateLimit, Date.now())
      response.setHeader('X-RateLimit-Limit', verdict.limit)
      response.setHeader('X-RateLimit-Remaining', verdict.remaining)
      if (verdict.limited) {
        stats.rateLimited++
        response.setHeader('Retry-After', verdict.retryAfterSeconds)
        return sendJson(response, TOO_MANY.status, TOO_MANY.body)
      }
    }
    const failure = injectedFailure(knobs.errorRate, faultRandom)
    if (failure !== null) return sendHtml(response, failure, failurePage(failure))
    if (!read.ok) return sendJson(response, read.status, { success: false, message: 'Payload too large.' })

    if (match.kind === 'unknown') return sendJson(response, unknownRoute.status, unknownRoute.body)
    if (match.kind === 'method_not_allowed') return sendJson(response, methodNotAllowed.status, methodNotAllowed.body)
    const reply = match.route.handle({ store, knobs, id: match.id, query: url.searchParams, body: read.body })
    if (match.route.write && chance(faultRandom, knobs.lostResponseRate)) {
      // Applied, never answered: the client cannot tell whether the write happened.
      request.socket.destroy()
      return
    }
    sendJson(response, reply.status, reply.body)
  }

  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      console.error('sandbox: request failed', error)
      if (!response.headersSent) sendJson(response, SERVER_ERROR.status, SERVER_ERROR.body)
      else response.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const otherUser = startOtherUser(store, knobs, otherUserRandom)
  const { port, address } = server.address() as AddressInfo
  const host = address.includes(':') ? `[${address}]` : address

  return {
    baseUrl: `http://${host}:${port}`,
    get apiKey() {
      return apiKey
    },
    set apiKey(next: string) {
      apiKey = next
    },
    port,
    knobs,
    store,
    stats,
    editAsOtherUser: (count = 1) => editAsOtherUser(store, otherUserRandom, count),
    close: () =>
      new Promise<void>((resolve, reject) => {
        otherUser.stop()
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
