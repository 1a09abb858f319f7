// Sends the page's uncaught errors to main's log (support reads it): thrown errors, unhandled rejections, Vue's render errors.
import type { App } from 'vue'
import type { RendererError } from '../../../../shared/support'
import { callBridge } from '../../bridge'

type Report = (error: RendererError) => void

const report: Report = (error) => void callBridge('app.reportError', error)

/** The error as the contract carries it: its message, and its stack when it has one. */
export function describeError(source: RendererError['source'], cause: unknown): RendererError {
  if (cause instanceof Error) {
    return { source, message: cause.message.slice(0, 2_000) || cause.name, ...(cause.stack ? { stack: cause.stack.slice(0, 8_000) } : {}) }
  }
  return { source, message: String(cause).slice(0, 2_000) }
}

/** Call once at start: from then on, errors nobody caught reach main's log (the console still shows them). */
export function installErrorReporting(app: App, target: Pick<Window, 'addEventListener'> = window, send: Report = report): void {
  target.addEventListener('error', (event) => send(describeError('error', (event as ErrorEvent).error ?? (event as ErrorEvent).message)))
  target.addEventListener('unhandledrejection', (event) => send(describeError('unhandledrejection', (event as PromiseRejectionEvent).reason)))
  const previous = app.config.errorHandler
  app.config.errorHandler = (error, instance, info) => {
    send(describeError('vue', error))
    if (previous) previous(error, instance, info)
    else console.error(error)
  }
}
