// The one entry point for every IPC call: checks the caller and the arguments, runs the handler, never throws.
import { callOptions, channels, type Channel } from '../../shared/contract'
import { fail, validationError, type Result } from '../../shared/result'
import { redact } from '../api/redact'
import { desktopText } from '../i18n/desktop-text'
import type { CallContext, HandlerTable } from './handlers'

const FORBIDDEN: Result<never> = fail({ kind: 'forbidden', message: 'This caller may not use the app’s services.' })
/** Worded when it happens, in the language the app speaks then. */
const internal = (): Result<never> => fail({ kind: 'internal', message: desktopText('main.ipc.internal') })

// Own keys only: `toString` or `__proto__` must not pass for channels.
const isChannel = (name: string): name is Channel => Object.hasOwn(channels, name)

/**
 * Answers one call from `senderUrl` (Electron's sender frame URL, or the browser host's page), with
 * the options the page gave (absent: an interactive call). The transport is the caller's business;
 * this function is what both transports share.
 */
export async function dispatch(
  table: HandlerTable,
  channel: string,
  rawArgs: unknown,
  senderUrl: string | null | undefined,
  isOwnPage: (url: string) => boolean,
  rawOptions?: unknown,
): Promise<Result<unknown>> {
  // Checked first, so a foreign page learns nothing, not even which channels exist.
  if (!senderUrl || !isOwnPage(senderUrl)) return FORBIDDEN
  if (!isChannel(channel)) {
    return fail({ kind: 'validation', message: 'Unknown channel.', fields: { channel: ['Unknown channel.'] } })
  }
  const parsed = channels[channel].args.safeParse(rawArgs)
  if (!parsed.success) return fail(validationError(parsed.error.issues))
  const options = callOptions.optional().safeParse(rawOptions)
  if (!options.success) return fail(validationError(options.error.issues))
  const context: CallContext = { priority: options.data?.priority ?? 'interactive' }
  // The table is typed per channel; here the channel is only known at run time.
  const handler = table[channel] as (args: unknown, context: CallContext) => Promise<Result<unknown>>
  try {
    return await handler(parsed.data, context)
  } catch (error) {
    // A bug, not a user error: the renderer gets a generic message, the log gets the detail minus secrets.
    console.error(`[ipc] ${channel} failed:`, redact(error instanceof Error ? (error.stack ?? error.message) : String(error), []))
    return internal()
  }
}
