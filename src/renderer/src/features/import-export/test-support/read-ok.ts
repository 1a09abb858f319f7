// For tests: the data of a read that must succeed; a failure fails the test with the reason's code.
import type { ImportResult } from '../import-error'

export function readOkData<T>(result: ImportResult<T>): T {
  if (!result.ok) throw new Error(`Expected the read to succeed: ${result.error.kind}`)
  return result.data
}
