// A local SkyLight-compatible contacts API over HTTP: seeded data, one API key, the reference's routes.
// Demo mode runs it as it is; fault injection (latency, rate limits, failures, another user) is in faults/.
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { readJsonBody, sendJson } from './http-io'
import { matchRoute, methodNotAllowed, unknownRoute, type ListRows, type Reply } from './routes'
import { seedContacts } from './seed'
import { SandboxStore } from './store'

export type { ListRows } from './routes'
export type { SandboxStore } from './store'

export interface SandboxServerOptions {
  /** 0 picks a free port. */
  port?: number
  host?: string
  contacts?: number
  seed?: number
  /** Defaults to a random `sk_test_` key. */
  apiKey?: string
  /** The fields of list rows, read at each list request; partial (the reference's example) by default. */
  rows?: () => ListRows
  faults?: RequestFaults
}

export interface SandboxStats {
  requests: number
  rateLimited: number
  /** Requests per route, keyed like `GET /api/v1/contacts/{id}`; anything else counts as `unmatched`. */
  byRoute: Record<string, number>
}

/**
 * What fault injection may do to a request, asked at each step in this order; the demo runs without.
 * Declared here, implemented in faults/, so what demo mode loads holds no fault code.
 */
export interface RequestFaults {
  /** Before anything: true drops the connection unanswered (the API looks unreachable). */
  dropsConnection(): boolean
  /** Once the body is read: how long to wait before answering. */
  delayMs(): number
  /** Once the key is accepted: may set headers, and may answer instead of the API (429, 5xx); true when it did. */
  answersInstead(apiKey: string, response: ServerResponse, stats: SandboxStats): boolean
  /** After a write was applied: true leaves it unanswered, so the client cannot tell whether it happened. */
  losesResponse(): boolean
}

export interface SandboxServer {
  baseUrl: string
  /** The only key accepted. Set it to revoke the old key, as a user does in the SkyLight dashboard. */
  apiKey: string
  port: number
  store: SandboxStore
  stats: SandboxStats
  close(): Promise<void>
}

export const DEFAULT_CONTACTS = 5000
export const DEFAULT_SEED = 1

const UNAUTHENTICATED: Reply = { status: 401, body: { success: false, message: 'Unauthenticated.' } }
const SERVER_ERROR: Reply = { status: 500, body: { success: false, message: 'Server Error' } }
const partialRows = (): ListRows => 'partial'

const bearerKey = (request: IncomingMessage): string | null =>
  /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1] ?? null

export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  let apiKey = options.apiKey ?? `sk_test_${randomBytes(16).toString('hex')}`
  const store = new SandboxStore(seedContacts(options.contacts ?? DEFAULT_CONTACTS, options.seed ?? DEFAULT_SEED))
  const stats: SandboxStats = { requests: 0, rateLimited: 0, byRoute: {} }
  const { faults } = options
  const rows = options.rows ?? partialRows

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (faults?.dropsConnection()) {
      request.socket.destroy()
      return
    }
    stats.requests++
    const url = new URL(request.url ?? '/', 'http://sandbox')
    const match = matchRoute(request.method ?? 'GET', url.pathname)
    const routeName = match.kind === 'route' ? `${match.route.method} ${match.route.path}` : 'unmatched'
    stats.byRoute[routeName] = (stats.byRoute[routeName] ?? 0) + 1

    const read = await readJsonBody(request)
    if (faults) await sleep(faults.delayMs())
    if (bearerKey(request) !== apiKey) return sendJson(response, UNAUTHENTICATED.status, UNAUTHENTICATED.body)
    if (faults?.answersInstead(apiKey, response, stats)) return
    if (!read.ok) return sendJson(response, read.status, { success: false, message: 'Payload too large.' })

    if (match.kind === 'unknown') return sendJson(response, unknownRoute.status, unknownRoute.body)
    if (match.kind === 'method_not_allowed') return sendJson(response, methodNotAllowed.status, methodNotAllowed.body)
    const reply = match.route.handle({ store, rows: rows(), id: match.id, query: url.searchParams, body: read.body })
    if (match.route.write && faults?.losesResponse()) {
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
    store,
    stats,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
