// Writes the page's uncaught errors to main's log, at most a few a minute so a loop of errors cannot fill it.
import type { RendererError } from '../../shared/support'

/** Errors logged per minute; past that one line says how many were left out. */
export const ERRORS_PER_MINUTE = 20

export function createRendererErrorLog(write: (message: string) => void, now: () => number = Date.now): (error: RendererError) => void {
  let windowStart = 0
  let count = 0
  let dropped = 0
  return (error) => {
    const time = now()
    if (time - windowStart >= 60_000) {
      if (dropped > 0) write(`renderer: ${dropped} more errors in the last minute were not logged`)
      windowStart = time
      count = 0
      dropped = 0
    }
    if (++count > ERRORS_PER_MINUTE) {
      dropped += 1
      return
    }
    // A stack usually starts with the message; when it does not, both are kept.
    const text = !error.stack ? error.message : error.stack.includes(error.message) ? error.stack : `${error.message}\n${error.stack}`
    write(`renderer ${error.source}: ${text}`)
  }
}
