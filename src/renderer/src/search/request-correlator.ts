// Matches replies to the calls that asked for them, so a message channel can be awaited like a function.
import type { CallMessage, CallName, Reply, SearchCalls } from './search-protocol'

export interface Correlator {
  call<K extends CallName>(name: K, args: SearchCalls[K]['args']): Promise<SearchCalls[K]['result']>
  /** Settles the call a reply answers; replies to unknown ids (already failed) are ignored. */
  settle(reply: Reply): void
  /** Rejects every call still waiting (the worker died or was closed); later calls fail at once. */
  failAll(reason: Error): void
  readonly waiting: number
}

export function createCorrelator(send: (message: CallMessage) => void): Correlator {
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  let nextId = 1
  let closedBecause: Error | null = null

  return {
    call(name, args) {
      if (closedBecause !== null) return Promise.reject(closedBecause)
      const id = nextId++
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
        send({ type: 'call', id, name, args } as CallMessage)
      })
    },
    settle(reply) {
      const waiter = pending.get(reply.id)
      if (!waiter) return
      pending.delete(reply.id)
      if (reply.ok) waiter.resolve(reply.value)
      else waiter.reject(new Error(reply.message))
    },
    failAll(reason) {
      closedBecause = reason
      const waiters = [...pending.values()]
      pending.clear()
      for (const waiter of waiters) waiter.reject(reason)
    },
    get waiting() {
      return pending.size
    },
  }
}
