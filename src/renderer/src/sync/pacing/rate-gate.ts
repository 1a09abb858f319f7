// Shared pacing for concurrent page reads: pauses everyone on a 429 and adapts how many run at once.

/** Successful reads in a row before one more concurrent read is allowed again. */
const RAISE_AFTER = 10

export class RateGate {
  private limitNow: number
  private pausedUntil = 0
  private streak = 0

  constructor(
    private readonly maxConcurrency: number,
    private readonly now: () => number = Date.now,
  ) {
    this.limitNow = Math.max(1, maxConcurrency)
  }

  /** How many reads may be in flight now. */
  get limit(): number {
    return this.limitNow
  }

  /** How long a read must wait before it may start (0 when not paused). */
  waitMs(): number {
    return Math.max(0, this.pausedUntil - this.now())
  }

  /** The server said "slow down": everyone waits `retryAfterMs`, and half as many reads run at once. */
  rateLimited(retryAfterMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + retryAfterMs)
    this.limitNow = Math.max(1, Math.floor(this.limitNow / 2))
    this.streak = 0
  }

  /** A read succeeded: after a streak, concurrency climbs back one step at a time. */
  succeeded(): void {
    this.streak += 1
    if (this.streak >= RAISE_AFTER && this.limitNow < this.maxConcurrency) {
      this.limitNow += 1
      this.streak = 0
    }
  }
}
