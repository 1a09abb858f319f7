// What a page (or its workers) logs as an error, described fully: a failure seen once in CI must be traceable from its log.
import type { ConsoleMessage, Page } from 'playwright-core'

/**
 * The thrown or logged value as the page has it: its constructor, name, message, stack and what caused it
 * (`cause`, and Dexie's `inner`). Runs in the page or a worker, so it is self-contained. Chromium describes an object
 * that is not a native Error (Dexie's errors) by its constructor's name alone, which the minifier shortens to `$`:
 * only the value itself says what it was.
 */
function describeValue(value: unknown): string {
  const describe = (item: unknown, depth: number): string => {
    if (item === null || (typeof item !== 'object' && typeof item !== 'function')) return `${typeof item} ${String(item)}`
    if (depth > 4) return '…'
    const fields = item as { constructor?: { name?: string }; name?: unknown; message?: unknown; stack?: unknown; cause?: unknown; inner?: unknown }
    const lines = [`${fields.constructor?.name ?? 'object'} (name: ${String(fields.name)}, message: ${String(fields.message)})`]
    if (typeof fields.stack === 'string') lines.push(fields.stack)
    if (fields.cause !== undefined) lines.push(`caused by: ${describe(fields.cause, depth + 1)}`)
    if (fields.inner !== undefined && fields.inner !== null) lines.push(`inner: ${describe(fields.inner, depth + 1)}`)
    return lines.join('\n')
  }
  return describe(value, 0)
}

/** Installed in the page before its scripts: what nobody caught, described, reaches the test through `report`. */
function reportUncaught(describe: (value: unknown) => string, report: (text: string) => void): void {
  addEventListener('error', (event) => report(`uncaught error: ${describe(event.error ?? event.message)}`))
  addEventListener('unhandledrejection', (event) => report(`unhandled rejection: ${describe(event.reason)}`))
}

const BINDING = '__e2eReportUncaught'

export type PageErrors = {
  /** Errors the page or a worker logged or threw, each with where it came from; a healthy run has none. */
  errors: string[]
  /** What each of them was, described inside the page (stack, causes); it arrives a moment after its error. */
  details: string[]
  /** Resolves once every detail asked of the page has arrived (or the page went away first). */
  settled(): Promise<void>
}

/** Starts collecting `page`'s errors: call before it loads the app. */
export async function collectPageErrors(page: Page): Promise<PageErrors> {
  const errors: string[] = []
  const details: string[] = []
  const pending = new Set<Promise<void>>()
  const track = (work: Promise<void>) => {
    pending.add(work)
    void work.finally(() => pending.delete(work))
  }

  await page.exposeFunction(BINDING, (text: string) => void details.push(text))
  await page.addInitScript({ content: `(${reportUncaught.toString()})(${describeValue.toString()}, (text) => window.${BINDING}(text))` })
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.stack || `${error.name}: ${error.message}`}`))
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    errors.push(`console.error: ${message.text()} (at ${where(message)})`)
    track(describeArguments(message).then((described) => void (described && details.push(described))))
  })
  return {
    errors,
    details,
    async settled() {
      while (pending.size > 0) await Promise.all([...pending])
    },
  }
}

function where(message: ConsoleMessage): string {
  const { url, lineNumber, columnNumber } = message.location()
  return `${url || 'unknown'}:${lineNumber + 1}:${columnNumber + 1}${message.worker() ? ` in worker ${message.worker()?.url()}` : ''}`
}

/** Each object argument of a console error, described where it lives; nothing when the page is gone already. */
async function describeArguments(message: ConsoleMessage): Promise<string | null> {
  const described = await Promise.all(message.args().map((arg) => arg.evaluate(describeValue).catch(() => null)))
  const objects = described.filter((text): text is string => text !== null && !/^(string|number|boolean|undefined) /.test(text))
  return objects.length === 0 ? null : `console.error "${message.text()}" logged: ${objects.join('\n')}`
}
