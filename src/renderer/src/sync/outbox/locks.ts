// Single-flight across windows: the Web Locks API when the platform has it, an in-process lock otherwise.

/** The part of `navigator.locks` the replayer uses; injectable for tests. */
export interface LockManagerLike {
  request<T>(name: string, options: { signal?: AbortSignal }, callback: () => Promise<T>): Promise<T>
}

/** Exclusive locks within this process, granted in request order (what Node tests and a lock-less platform get). */
export function inProcessLocks(): LockManagerLike {
  const tails = new Map<string, Promise<void>>()
  return {
    async request<T>(name: string, options: { signal?: AbortSignal }, callback: () => Promise<T>): Promise<T> {
      const before = tails.get(name) ?? Promise.resolve()
      let release = () => {}
      const mine = new Promise<void>((resolve) => (release = resolve))
      const tail = before.then(() => mine)
      tails.set(name, tail)
      try {
        // Like the Web Locks API, an abort while waiting rejects at once; the queue behind still waits for the holder.
        await untilAborted(before, options.signal)
        return await callback()
      } finally {
        release()
        if (tails.get(name) === tail) tails.delete(name)
      }
    },
  }
}

function untilAborted(wait: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  const aborted = () => new DOMException('The lock request was aborted.', 'AbortError')
  if (!signal) return wait
  if (signal.aborted) return Promise.reject(aborted())
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(aborted())
    signal.addEventListener('abort', onAbort, { once: true })
    void wait.then(() => {
      signal.removeEventListener('abort', onAbort)
      if (signal.aborted) reject(aborted())
      else resolve()
    })
  })
}

const fallback = inProcessLocks()

export function platformLocks(): LockManagerLike {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks
  return locks ?? fallback
}
