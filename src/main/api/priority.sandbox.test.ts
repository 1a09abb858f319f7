// The account's one limiter against the sandbox's rate limit: the user's calls do not wait behind replay and hydration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../sandbox/faults/knobbed-sandbox'
import { createSkylightClient } from './client'
import { createRateLimiter, type QueueWait } from './limiter'

const LIMIT = { limit: 20, windowMs: 1000 }
/** One request slot: the time the limit gives each request. */
const SLOT_MS = LIMIT.windowMs / LIMIT.limit

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, contacts: 60, seed: 5, knobs: { rows: 'full', latencyMs: 10, rateLimit: LIMIT } })
})
afterAll(() => sandbox.close())

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

describe('priorities against a rate limit', () => {
  it('starts a user call within one request slot while replay and hydration keep a queue, with no 429', async () => {
    const waits: Array<QueueWait & { at: number }> = []
    const limiter = createRateLimiter({ fallbackHoldMs: LIMIT.windowMs, onStart: (wait) => waits.push({ ...wait, at: Date.now() }) })
    const client = createSkylightClient({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, limiter })
    const ids = sandbox.store.all().map((contact) => contact.id)
    // Both queues filled at once, as after a bulk edit while hydration runs.
    const replay = ids.slice(0, 20).map((id, n) => client.updateContact(id, { name: `Replayed ${n}` }, { priority: 'replay' }))
    const hydration = ids.slice(20, 40).map((id) => client.getContact(id, { priority: 'hydrate' }))
    const userCalls: number[] = []
    for (const id of ids.slice(40, 44)) {
      await sleep(400)
      userCalls.push(Date.now())
      expect(await client.getContact(id)).toMatchObject({ ok: true })
    }
    const answers = await Promise.all([...replay, ...hydration])
    expect(answers.every((answer) => answer.ok)).toBe(true)

    const user = waits.filter((wait) => wait.priority === 'interactive')
    expect(user).toHaveLength(4)
    for (const wait of user) expect(wait.waitedMs).toBeLessThanOrEqual(SLOT_MS)
    // Background work was still queued after the last user call: the user really went ahead of it.
    expect(Math.max(...waits.filter((wait) => wait.priority === 'hydrate').map((wait) => wait.at))).toBeGreaterThan(userCalls.at(-1)!)
    expect(sandbox.stats.rateLimited).toBe(0)
  })
})
