// What support needs from a user's log: sign-ins and sign-outs, and every call that failed and why.
import type { AuthStatus, Channel } from '../../shared/contract'
import type { ApiError, Result } from '../../shared/result'
import type { CallContext, HandlerTable } from './handlers'

/** One line for the log; the log file redacts anything key-shaped on top. */
export type RecordLine = (level: 'info' | 'warn', message: string) => void

const describeError = (error: ApiError): string => {
  const detail =
    error.kind === 'validation' ? ` (${Object.keys(error.fields).join(', ') || 'no field'})`
    : error.kind === 'server' ? ` (${error.status})`
    : error.kind === 'rate_limited' ? ` (retry in ${error.retryAfterMs} ms)`
    : ''
  return `${error.kind}${detail}: ${error.message}`
}

const STORAGE: { [K in AuthStatus['storage']]: string } = {
  keychain: 'the OS keychain',
  safeStorage: 'encrypted app storage',
  memory: 'memory only (this session)',
}

const describeAccount = (status: AuthStatus): string =>
  status.mode === 'demo' ? `demo data at ${status.baseUrl}` : `${status.baseUrl} with the key ${status.keyHint}, kept in ${STORAGE[status.storage]}`

/** Channels whose success is worth a line: the session changed. */
const SESSION_EVENTS: Partial<{ [C in Channel]: (status: AuthStatus, args: unknown) => string }> = {
  'auth.setKey': (status, args) =>
    (args as { keepAccount?: boolean }).keepAccount ? `replaced the refused key: ${describeAccount(status)}` : `signed in to ${describeAccount(status)}`,
  'demo.start': (status) => `opened ${describeAccount(status)}`,
  'auth.clear': () => 'signed out',
}

// Offline answers repeat every few seconds while the network is gone; they say nothing new.
const QUIET: ReadonlySet<ApiError['kind']> = new Set(['offline'])

/** The same table, recording session changes and failed calls as they answer. */
export function withActivityLog(table: HandlerTable, record: RecordLine): HandlerTable {
  const logged = {} as { [C in Channel]: (args: unknown, context: CallContext) => Promise<Result<unknown>> }
  for (const channel of Object.keys(table) as Channel[]) {
    const handler = table[channel] as (args: unknown, context: CallContext) => Promise<Result<unknown>>
    logged[channel] = async (args, context) => {
      const result = await handler(args, context)
      if (!result.ok) {
        if (!QUIET.has(result.error.kind)) record('warn', `${channel} failed: ${describeError(result.error)}`)
      } else {
        const event = SESSION_EVENTS[channel]
        if (event) record('info', event(result.data as AuthStatus, args))
      }
      return result
    }
  }
  return logged as HandlerTable
}
