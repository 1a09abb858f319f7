// A read or write of an account's mirror that was closed meanwhile (sign-out, account switch) has nothing left to do.

/** Resolves undefined instead of rejecting when the database was closed; any other failure still rejects. */
export function unlessClosed<T>(work: Promise<T>): Promise<T | undefined> {
  return work.catch((error: unknown) => {
    if (error instanceof Error && error.name === 'DatabaseClosedError') return undefined
    throw error
  })
}
