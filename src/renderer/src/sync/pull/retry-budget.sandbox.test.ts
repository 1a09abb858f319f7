// Retries live in one layer: a page read that keeps failing costs the pull's tries, not main's times the pull's.
import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { CHANNELS, type SkylightBridge } from '../../../../shared/contract'
import { createSkylightClient } from '../../../../main/api/client'
import { createRateLimiter } from '../../../../main/api/limiter'
import { dispatch } from '../../../../main/ipc/dispatch'
import { createHandlers, type HandlerDeps } from '../../../../main/ipc/handlers'
import { startSandbox, type Sandbox } from '../../../../sandbox/faults/knobbed-sandbox'
import { openAccountDatabase } from '../../db/database'
import { withPriority } from '../pacing/with-priority'
import { pullContacts } from './puller'

const PAGE = 'app://skylight/index.html'
let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

/** The bridge as the page gets it: every call through main's dispatch and handlers to a client with main's own retry policy. */
function mainBridge(target: Sandbox): SkylightBridge {
  const client = createSkylightClient({ baseUrl: target.baseUrl, apiKey: target.apiKey, limiter: createRateLimiter() })
  const table = createHandlers({ session: { client: () => client } } as unknown as HandlerDeps)
  return Object.fromEntries(
    CHANNELS.map((channel) => [channel, (args: unknown, options?: unknown) => dispatch(table, channel, args, PAGE, (url) => url === PAGE, options)]),
  ) as unknown as SkylightBridge
}

describe('one retry layer', () => {
  it('spends at most the pull policy’s tries on a page read that keeps failing, main adding none', async () => {
    sandbox = await startSandbox({ port: 0, contacts: 10, knobs: { errorRate: 1 } })
    const db = await openAccountDatabase(`retry-budget-${randomUUID()}`)
    const maxRetries = 5
    const outcome = await pullContacts(db, withPriority(mainBridge(sandbox), 'pull'), { maxRetries, retryBaseMs: 1 })
    db.close()
    expect(outcome).toMatchObject({ status: 'failed', error: { kind: 'server' }, requests: 1 + maxRetries })
    // Before one layer: 3 tries in main for each of the pull's 6, 18 requests for one page.
    expect(sandbox.stats.requests).toBe(1 + maxRetries)
  })
})
