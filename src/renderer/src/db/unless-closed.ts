// A read or write of an account's mirror that was closed meanwhile (sign-out, account switch) has nothing left to do.

/** Dexie's refusal of any work on a mirror closed meanwhile: the copy is gone for this page, not broken. */
export function isDatabaseClosed(error: unknown): boolean {
  return error instanceof Error && error.name === 'DatabaseClosedError'
}

/** Resolves undefined instead of rejecting when the database was closed; any other failure still rejects. */
export function unlessClosed<T>(work: Promise<T>): Promise<T | undefined> {
  return work.catch((error: unknown) => {
    if (isDatabaseClosed(error)) return undefined
    throw error
  })
}
