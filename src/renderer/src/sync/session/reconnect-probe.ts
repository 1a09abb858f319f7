// While the API is unreachable, asks it a tiny question now and then (backing off) to notice when it is back.
import type { Connectivity } from './connectivity'

export interface ReconnectProbe {
  /** Probe at once (the OS said the network is back, or the user asked to sync). */
  now(): void
  stop(): void
}

export interface ProbeOptions {
  connectivity: Connectivity
  /** One cheap call through the observed bridge; its answer updates `connectivity`. */
  probe: () => Promise<unknown>
  firstDelayMs?: number
  maxDelayMs?: number
}

export function createReconnectProbe({ connectivity, probe, firstDelayMs = 2_000, maxDelayMs = 30_000 }: ProbeOptions): ReconnectProbe {
  let delay = firstDelayMs
  let timer: ReturnType<typeof setTimeout> | undefined
  let inFlight = false
  let stopped = false

  const schedule = () => {
    clearTimeout(timer)
    if (stopped || connectivity.state !== 'offline') return
    timer = setTimeout(run, delay)
    delay = Math.min(maxDelayMs, delay * 2)
  }

  async function run(): Promise<void> {
    if (inFlight || stopped) return
    inFlight = true
    await probe().catch(() => {})
    inFlight = false
    schedule()
  }

  const unsubscribe = connectivity.subscribe((state) => {
    delay = firstDelayMs
    if (state === 'offline') schedule()
    else clearTimeout(timer)
  })

  return {
    now() {
      clearTimeout(timer)
      delay = firstDelayMs
      void run()
    },
    stop() {
      stopped = true
      clearTimeout(timer)
      unsubscribe()
    },
  }
}
