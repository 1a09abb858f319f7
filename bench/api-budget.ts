// The API budget figures: how long the user's calls queue in main's limiter while replay and hydration run, and how
// much of its share hydration uses alone; against the sandbox's rate limit, through the real client and limiter.
// Part of `npm run bench`; alone: `npm run bench:budget` (about 25 s).
import { loadavg } from 'node:os'
import { pathToFileURL } from 'node:url'
import { createSkylightClient, type SkylightClient } from '../src/main/api/client'
import { createRateLimiter, DEFAULT_SHARES, type QueueWait } from '../src/main/api/limiter'
import { startSandbox, type Sandbox } from '../src/sandbox/faults/knobbed-sandbox'
import { mulberry32 } from '../src/sandbox/prng'
import { percentile, table, type Figure } from './report'

/** A tight limit, so the queues stay full: 20 requests a second, the window counted from its first request. */
const LIMIT = { limit: 20, windowMs: 1000 }
/** One request slot: the time the limit gives each request. */
const SLOT_MS = LIMIT.windowMs / LIMIT.limit
const MIXED_MS = 15_000
const ALONE_MS = 6_000
/** Hydration's workers: enough to keep its queue full. */
const HYDRATORS = 4
/** The outbox's replay: a bulk edit's worth of writes, queued at once, twice in the run. */
const REPLAY_BURST = 60
const LATENCY_MS: [number, number] = [20, 60]

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

interface Run {
  waits: Array<QueueWait & { at: number }>
  client: SkylightClient
  sandbox: Sandbox
}

async function startRun(): Promise<Run> {
  const sandbox = await startSandbox({ port: 0, contacts: 2_000, seed: 13, knobs: { rows: 'partial', latencyMs: LATENCY_MS, rateLimit: LIMIT } })
  const waits: Run['waits'] = []
  const limiter = createRateLimiter({ fallbackHoldMs: LIMIT.windowMs, onStart: (wait) => waits.push({ ...wait, at: Date.now() }) })
  return { waits, sandbox, client: createSkylightClient({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, limiter }) }
}

/** Hydration as it will run: details then notes of one contact after another, until `until`. */
async function hydrate(client: SkylightClient, ids: readonly number[], until: number): Promise<number> {
  let next = 0
  let requests = 0
  await Promise.all(
    Array.from({ length: HYDRATORS }, async () => {
      while (Date.now() < until) {
        const id = ids[next++ % ids.length]!
        await Promise.all([client.getContact(id, { priority: 'hydrate' }), client.listNotes(id, { priority: 'hydrate' })])
        requests += 2
      }
    }),
  )
  return requests
}

/** The user: opens a contact (its details and notes at once) every 1 to 2.5 s, now and then a search. */
async function user(client: SkylightClient, ids: readonly number[], until: number): Promise<void> {
  const random = mulberry32(7)
  while (Date.now() < until) {
    await sleep(1_000 + random() * 1_500)
    const id = ids[Math.floor(random() * ids.length)]!
    if (random() < 0.25) await client.listContacts({ search: 'an', per_page: 50 })
    else await Promise.all([client.getContact(id), client.listNotes(id)])
  }
}

async function mixedRun(): Promise<{ waits: QueueWait[]; rateLimited: number; requests: number }> {
  const run = await startRun()
  try {
    const ids = run.sandbox.store.all().map((contact) => contact.id)
    const until = Date.now() + MIXED_MS
    const replay = async (at: number, offset: number) => {
      await sleep(at)
      await Promise.all(ids.slice(offset, offset + REPLAY_BURST).map((id) => run.client.toggleBlacklist(id, { priority: 'replay' })))
    }
    await Promise.all([hydrate(run.client, ids.slice(500), until), user(run.client, ids, until), replay(500, 0), replay(MIXED_MS / 2, REPLAY_BURST)])
    return { waits: run.waits, rateLimited: run.sandbox.stats.rateLimited, requests: run.sandbox.stats.requests }
  } finally {
    await run.sandbox.close()
  }
}

/**
 * Hydration alone spends its share at each window's start, then waits for the next: requests per window over the
 * whole windows, from the first burst's start to the last's (the last burst is not counted, its window is cut short).
 */
async function hydrationAlone(): Promise<{ perWindow: number; requests: number; ms: number }> {
  const run = await startRun()
  try {
    const ids = run.sandbox.store.all().map((contact) => contact.id)
    await hydrate(run.client, ids, Date.now() + ALONE_MS)
    const starts = run.waits.map((wait) => wait.at)
    const bursts = starts.filter((at, i) => i === 0 || at - starts[i - 1]! > LIMIT.windowMs / 4)
    const lastBurst = bursts.at(-1)!
    const requests = starts.filter((at) => at < lastBurst).length
    const ms = lastBurst - starts[0]!
    return { perWindow: (requests * LIMIT.windowMs) / ms, requests, ms }
  } finally {
    await run.sandbox.close()
  }
}

export async function apiBudgetFigures(log: (message: string) => void = () => {}): Promise<Figure[]> {
  log(`API budget: user calls while replay and hydration run, limit ${LIMIT.limit}/${LIMIT.windowMs} ms, for ${MIXED_MS / 1000} s`)
  const mixed = await mixedRun()
  log(`API budget: hydration alone for ${ALONE_MS / 1000} s`)
  const alone = await hydrationAlone()
  const of = (priority: QueueWait['priority']) => mixed.waits.filter((wait) => wait.priority === priority).map((wait) => wait.waitedMs)
  const userWaits = of('interactive')
  const p95 = percentile(userWaits, 95)
  const share = DEFAULT_SHARES.hydrate * LIMIT.limit
  return [
    {
      name: 'user call p95 queue wait, replay + hydration running',
      value: p95 / SLOT_MS,
      unit: 'slots',
      target: 1,
      note:
        `${p95.toFixed(0)} ms (one slot = ${SLOT_MS} ms at ${LIMIT.limit}/${LIMIT.windowMs} ms); max ${Math.max(...userWaits).toFixed(0)} ms over ${userWaits.length} user calls; ` +
        `replay p95 ${percentile(of('replay'), 95).toFixed(0)} ms, hydration p95 ${percentile(of('hydrate'), 95).toFixed(0)} ms (${of('hydrate').length} calls); ` +
        `${mixed.requests} requests, ${mixed.rateLimited} answered 429; sandbox latency ${LATENCY_MS.join('-')} ms`,
    },
    {
      name: 'hydration share used when alone',
      value: (100 * alone.perWindow) / share,
      unit: '%',
      target: 90,
      atLeast: true,
      note: `${alone.perWindow.toFixed(1)} requests per ${LIMIT.windowMs} ms of its ${share} (${DEFAULT_SHARES.hydrate * 100} % of ${LIMIT.limit}); ${alone.requests} requests in ${(alone.ms / 1000).toFixed(1)} s of whole windows`,
    },
  ]
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const load = loadavg()[0]
  const figures = await apiBudgetFigures((message) => process.stdout.write(`[bench] ${message}\n`))
  process.stdout.write(`\n${table(figures)}\n\nload average ${load.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end\n`)
}
