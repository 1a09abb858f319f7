// An abortable wait that a poke ends early; a poke while nobody waits is kept, so the next wait returns at once.
import { sleep } from '../pacing/abortable'

/** setTimeout's largest delay: "until woken". */
const FOREVER_MS = 2 ** 31 - 1

export class Waker {
  private poked = false
  private wakeNow: () => void = () => {}

  poke(): void {
    this.poked = true
    this.wakeNow()
  }

  /**
   * Waits `ms` (Infinity: until poked), or less when poked or when `signal` aborts, even if the
   * poke or the abort came while the caller was busy elsewhere (an earlier wait ignored those,
   * which once held stop() for 15 minutes).
   */
  async wait(ms: number, signal: AbortSignal): Promise<void> {
    if (this.poked || signal.aborted) {
      this.poked = false
      return
    }
    const nudge = new AbortController()
    const onAbort = () => nudge.abort()
    signal.addEventListener('abort', onAbort, { once: true })
    this.wakeNow = () => nudge.abort()
    await sleep(Math.min(ms, FOREVER_MS), nudge.signal)
    signal.removeEventListener('abort', onAbort)
    this.wakeNow = () => {}
    this.poked = false
  }
}
