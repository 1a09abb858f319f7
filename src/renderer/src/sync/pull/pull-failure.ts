// Names what stopped a pull: the local database when it was the cause, otherwise the error itself.
import Dexie from 'dexie'
import { syncError } from '../sync-errors'
import type { ReasonedError } from '../sync-reason'

/** IndexedDB failures Dexie passes on unwrapped (a full disk, a blocked or closed database). */
const DATABASE_DOM_ERRORS: ReadonlySet<string> = new Set(['QuotaExceededError', 'InvalidStateError', 'TransactionInactiveError', 'UnknownError', 'VersionError', 'DataError', 'DataCloneError', 'ConstraintError', 'ReadOnlyError', 'AbortError'])

function isDatabaseError(cause: unknown): boolean {
  if (cause instanceof Dexie.DexieError) return true
  return typeof DOMException !== 'undefined' && cause instanceof DOMException && DATABASE_DOM_ERRORS.has(cause.name)
}

/** The error a pull reports for an exception it caught. */
export function pullFailure(cause: unknown): ReasonedError {
  const detail = cause instanceof Error ? cause.message : String(cause)
  if (isDatabaseError(cause)) return syncError('internal', { code: 'databaseFailed', detail })
  const name = cause instanceof Error && cause.name !== 'Error' ? `${cause.name}: ` : ''
  return syncError('internal', { code: 'pullStopped', detail: `${name}${detail}` })
}
