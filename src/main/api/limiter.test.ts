import { describe, expect, it, vi } from 'vitest'
import type { CallPriority } from '../../shared/contract'
import { createRateLimiter, DEFAULT_SHARES, setSharedHydrateShare, sharedLimiter, type Attempt, type QueueWait } from './limiter'

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** A fixed-window rate limit like Laravel's: `limit` calls per `windowMs`, then 429 with Retry-After. */
function fakeServer(limit: number, windowMs: number, latencyMs = 10) {
  let windowStart = Date.now()
  let used = 0
  const stats = { calls: 0, rejected: 0, maxInFlight: 0 }
  let inFlight = 0
  async function call(): Promise<Attempt<number>> {
    stats.calls++
    inFlight++
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight)
    await sleep(latencyMs / 2)
    const now = Date.now()
    if (now - windowStart >= windowMs) {
      windowStart = now
      used = 0
    }
    used++
    const over = used > limit
    const retryAfter = String((windowStart + windowMs - now) / 1000)
    await sleep(latencyMs / 2)
    inFlight--
    if (over) {
      stats.rejected++
      return { value: 429, status: 429, headers: new Headers({ 'Retry-After': retryAfter, 'X-RateLimit-Remaining': '0' }) }
    }
    return { value: 200, status: 200, headers: new Headers({ 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': String(limit - used) }) }
  }
  return { call, stats }
}

describe('createRateLimiter', () => {
  it('never runs more than maxConcurrent tasks at once', async () => {
    const limiter = createRateLimiter({ maxConcurrent: 3 })
    let running = 0
    let peak = 0
    await Promise.all(
      Array.from({ length: 12 }, () =>
        limiter.run(async () => {
          running++
          peak = Math.max(peak, running)
          await sleep(15)
          running--
          // A server that sends no rate-limit headers: only the concurrency bound applies.
          return { value: null, status: 200, headers: new Headers() }
        }),
      ),
    )
    expect(peak).toBe(3)
  })

  it('sends the first call alone, then as many as the server says are left', async () => {
    const limiter = createRateLimiter({ maxConcurrent: 6 })
    let running = 0
    const peaks: number[] = []
    await Promise.all(
      Array.from({ length: 5 }, () =>
        limiter.run(async () => {
          running++
          await sleep(20)
          peaks.push(running)
          running--
          return { value: null, status: 200, headers: new Headers({ 'X-RateLimit-Remaining': '3' }) }
        }),
      ),
    )
    expect(peaks[0]).toBe(1)
    expect(Math.max(...peaks)).toBe(3)
  })

  it('holds every new task until Retry-After has passed', async () => {
    const limiter = createRateLimiter()
    const before = Date.now()
    await limiter.run(async () => ({ value: 1, status: 429, headers: new Headers({ 'Retry-After': '0.2' }) }))
    let startedAt = 0
    await limiter.run(async () => {
      startedAt = Date.now()
      return { value: 2 }
    })
    expect(startedAt - before).toBeGreaterThanOrEqual(190)
  })

  it('holds for the fallback window when remaining hits 0, then sends one probe before the rest', async () => {
    const limiter = createRateLimiter({ maxConcurrent: 4, fallbackHoldMs: 150 })
    const before = Date.now()
    await limiter.run(async () => ({ value: 0, status: 200, headers: new Headers({ 'X-RateLimit-Remaining': '0' }) }))
    const starts: number[] = []
    let running = 0
    let peakDuringProbe = 0
    await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        limiter.run(async () => {
          starts.push(Date.now() - before)
          running++
          if (i === 0) {
            await sleep(30)
            peakDuringProbe = running
          }
          running--
          return { value: i, status: 200, headers: new Headers({ 'X-RateLimit-Remaining': '10' }) }
        }),
      ),
    )
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(140)
    expect(peakDuringProbe).toBe(1)
  })

  it('counts a spent window from its first call, not from the moment it ran out', async () => {
    const limiter = createRateLimiter({ maxConcurrent: 1, fallbackHoldMs: 300 })
    const before = Date.now()
    const starts: number[] = []
    // Three calls of 100 ms each spend the window: 2, 1, then 0 left.
    const remaining = ['2', '1', '0', '9']
    await Promise.all(
      remaining.map((left) =>
        limiter.run(async () => {
          starts.push(Date.now() - before)
          await sleep(100)
          return { value: 0, status: 200, headers: new Headers({ 'X-RateLimit-Remaining': left }) }
        }),
      ),
    )
    // The window opened at 0 and ran out at ~300: the next call waits until ~350 (300 + a margin), not ~600.
    expect(starts[3]).toBeGreaterThanOrEqual(340)
    expect(starts[3]).toBeLessThan(500)
  })

  it('keeps a burst under a fixed-window limit: at most one 429 per window, every call done', async () => {
    const server = fakeServer(5, 300)
    const limiter = createRateLimiter({ maxConcurrent: 6 })
    const started = Date.now()
    const results = await Promise.all(
      Array.from({ length: 12 }, async () => {
        // The client retries a rate-limited GET; the limiter must make the retry wait.
        for (;;) {
          const status = await limiter.run(server.call)
          if (status === 200) return status
        }
      }),
    )
    expect(results.every((s) => s === 200)).toBe(true)
    expect(server.stats.maxInFlight).toBeLessThanOrEqual(6)
    // 12 calls at 5 per 300 ms need at least two window resets.
    expect(Date.now() - started).toBeGreaterThanOrEqual(550)
    expect(server.stats.rejected).toBeLessThanOrEqual(2)
  })

  it('passes a task exception through and frees its slot', async () => {
    const limiter = createRateLimiter({ maxConcurrent: 1 })
    await expect(limiter.run(async () => Promise.reject(new Error('bug')))).rejects.toThrow('bug')
    await expect(limiter.run(async () => ({ value: 'next' }))).resolves.toBe('next')
  })
})

/** A task of `ms` that records when it started, answering like a server that sends no rate headers. */
function timedTask(label: string, started: string[], ms = 20) {
  return async (): Promise<Attempt<string>> => {
    started.push(label)
    await sleep(ms)
    return { value: label, status: 200, headers: new Headers() }
  }
}

describe('priorities', () => {
  it('starts a user call before a queue of background calls, waiting for no call in flight', async () => {
    const waits: QueueWait[] = []
    const limiter = createRateLimiter({ maxConcurrent: 3, onStart: (wait) => waits.push(wait) })
    const started: string[] = []
    let running = 0
    let peak = 0
    const background = Array.from({ length: 12 }, (_, i) =>
      limiter.run(async () => {
        running++
        peak = Math.max(peak, running)
        const answer = await timedTask(`hydrate ${i}`, started, 40)()
        running--
        return answer
      }, 'hydrate'),
    )
    await background[1]
    const startedBefore = started.length
    await limiter.run(timedTask('user', started), 'interactive')
    // No background call queued before it went ahead of it, and it did not wait for one to finish.
    expect(started.indexOf('user')).toBe(startedBefore)
    expect(waits.find((wait) => wait.priority === 'interactive')!.waitedMs).toBeLessThan(20)
    await Promise.all(background)
    // Background work never takes the last connection: it is kept for the user.
    expect(peak).toBe(2)
  })

  it('serves replay before pull before hydration, each class first come first served', async () => {
    const limiter = createRateLimiter({ maxConcurrent: 1 })
    const started: string[] = []
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const first = limiter.run(async () => {
      await gate
      return { value: 'first', status: 200, headers: new Headers() }
    })
    const order: Array<[string, CallPriority]> = [
      ['h1', 'hydrate'],
      ['p1', 'pull'],
      ['h2', 'hydrate'],
      ['r1', 'replay'],
      ['p2', 'pull'],
      ['i1', 'interactive'],
      ['r2', 'replay'],
    ]
    const calls = order.map(([label, priority]) => limiter.run(timedTask(label, started, 1), priority))
    release()
    await Promise.all([first, ...calls])
    expect(started).toEqual(['i1', 'r1', 'r2', 'p1', 'p2', 'h1', 'h2'])
  })

  it('holds every class on a Retry-After, whichever class was told', async () => {
    const limiter = createRateLimiter()
    const before = Date.now()
    await limiter.run(async () => ({ value: 1, status: 429, headers: new Headers({ 'Retry-After': '0.2' }) }), 'hydrate')
    let startedAt = 0
    await limiter.run(async () => {
      startedAt = Date.now()
      return { value: 2 }
    }, 'interactive')
    expect(startedAt - before).toBeGreaterThanOrEqual(190)
  })
})

describe('shares', () => {
  /** `limit` calls per `windowMs` from a window's first call, like the sandbox; records each call's window. */
  function windowedServer(limit: number, windowMs: number) {
    let windowStart = -Infinity
    let used = 0
    const windows: Array<{ start: number; calls: CallPriority[] }> = []
    let rejected = 0
    const call = (priority: CallPriority) => async (): Promise<Attempt<null>> => {
      const now = Date.now()
      if (now >= windowStart + windowMs) {
        windowStart = now
        used = 0
        windows.push({ start: now, calls: [] })
      }
      await sleep(5)
      if (used >= limit) {
        rejected++
        const retryAfter = String(Math.max(1, Math.ceil((windowStart + windowMs - Date.now()) / 1000)))
        return { value: null, status: 429, headers: new Headers({ 'Retry-After': retryAfter, 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': '0' }) }
      }
      used++
      windows.at(-1)!.calls.push(priority)
      return { value: null, status: 200, headers: new Headers({ 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': String(limit - used) }) }
    }
    return { call, windows, rejected: () => rejected }
  }

  it('keeps hydration to its share of each window, and uses it fully when nothing else runs', async () => {
    const server = windowedServer(10, 1000)
    const limiter = createRateLimiter({ fallbackHoldMs: 1000 })
    limiter.setShare('hydrate', 0.3)
    await Promise.all(Array.from({ length: 9 }, () => limiter.run(server.call('hydrate'), 'hydrate')))
    expect(server.rejected()).toBe(0)
    expect(server.windows.map((window) => window.calls.length)).toEqual([3, 3, 3])
    // Two whole windows from the first call of the first to the first call of the third: at least 90 % of the share used.
    const [first, , third] = server.windows
    expect(third!.start - first!.start).toBeLessThanOrEqual((2 * 1000) / 0.9)
  })

  it('leaves the rest of the window to the user: a user call goes at once while hydration waits for the next', async () => {
    const server = windowedServer(10, 1000)
    const waits: QueueWait[] = []
    const limiter = createRateLimiter({ fallbackHoldMs: 1000, onStart: (wait) => waits.push(wait) })
    const hydration = Array.from({ length: 8 }, () => limiter.run(server.call('hydrate'), 'hydrate'))
    await hydration[4]
    await sleep(20)
    await Promise.all(Array.from({ length: 4 }, () => limiter.run(server.call('interactive'), 'interactive')))
    expect(server.windows).toHaveLength(1)
    expect(server.windows[0]!.calls).toEqual([...Array(5).fill('hydrate'), ...Array(4).fill('interactive')])
    expect(Math.max(...waits.filter((wait) => wait.priority === 'interactive').map((wait) => wait.waitedMs))).toBeLessThan(20)
    await Promise.all(hydration)
    expect(server.windows.map((window) => window.calls.length)).toEqual([9, 3])
    expect(server.rejected()).toBe(0)
  })

  it('keeps a tenth of the window from replay and a fifth from the pull', async () => {
    const server = windowedServer(20, 1000)
    const limiter = createRateLimiter({ fallbackHoldMs: 1000 })
    const replay = Array.from({ length: 30 }, () => limiter.run(server.call('replay'), 'replay'))
    await replay[17]
    await Promise.all(Array.from({ length: 2 }, () => limiter.run(server.call('interactive'), 'interactive')))
    expect(server.windows[0]!.calls.filter((call) => call === 'replay')).toHaveLength(18)
    expect(server.windows[0]!.calls.slice(-2)).toEqual(['interactive', 'interactive'])
    await Promise.all(replay)
    const pull = createRateLimiter({ fallbackHoldMs: 1000 })
    const pullServer = windowedServer(20, 1000)
    await Promise.all(Array.from({ length: 16 }, () => pull.run(pullServer.call('pull'), 'pull')))
    expect(pullServer.windows.map((window) => window.calls.length)).toEqual([16])
  })
})

describe('sharedLimiter', () => {
  it('gives every client of one account the same limiter, and other accounts their own', () => {
    const a = sharedLimiter('https://example.test', 'sk_test_a')
    expect(sharedLimiter('https://example.test', 'sk_test_a')).toBe(a)
    expect(sharedLimiter('https://example.test', 'sk_test_b')).not.toBe(a)
    expect(sharedLimiter('https://other.test', 'sk_test_a')).not.toBe(a)
  })

  it("gives every account's limiter, now and later, the user's share for hydration", async () => {
    const existing = sharedLimiter('https://share.test', 'sk_test_existing')
    const told = vi.spyOn(existing, 'setShare')
    setSharedHydrateShare(0.25)
    try {
      expect(told).toHaveBeenCalledWith('hydrate', 0.25)
      // A limiter made after the change keeps hydration to a quarter: of 4 calls a window, one.
      const later = sharedLimiter('https://share.test', 'sk_test_later')
      const starts: number[] = []
      const answer = (left: number) => async (): Promise<Attempt<null>> => {
        starts.push(Date.now())
        return { value: null, status: 200, headers: new Headers({ 'X-RateLimit-Limit': '4', 'X-RateLimit-Remaining': String(left) }) }
      }
      await Promise.all([later.run(answer(3), 'hydrate'), later.run(answer(3), 'hydrate')])
      expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(900)
    } finally {
      setSharedHydrateShare(DEFAULT_SHARES.hydrate)
    }
  })
})
