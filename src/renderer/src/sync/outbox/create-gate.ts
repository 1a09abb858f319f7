// Keeps a lost create's look-up apart from other creates in flight, so two identical creates never claim one contact.

/**
 * Creates run side by side (shared); a look-up and re-send of a create whose outcome is unknown
 * runs alone (exclusive). Otherwise an identical create could land on the server between the
 * look-up's search and our record of it, and the look-up would take that contact for its own.
 */
export class CreateGate {
  private sharedCount = 0
  private exclusiveHeld = false
  private waiters: (() => void)[] = []

  async shared<T>(task: () => Promise<T>): Promise<T> {
    while (this.exclusiveHeld) await this.nextChange()
    this.sharedCount += 1
    try {
      return await task()
    } finally {
      this.sharedCount -= 1
      this.changed()
    }
  }

  async exclusive<T>(task: () => Promise<T>): Promise<T> {
    while (this.exclusiveHeld || this.sharedCount > 0) await this.nextChange()
    this.exclusiveHeld = true
    try {
      return await task()
    } finally {
      this.exclusiveHeld = false
      this.changed()
    }
  }

  private nextChange(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  private changed(): void {
    const waiters = this.waiters
    this.waiters = []
    for (const resolve of waiters) resolve()
  }
}
