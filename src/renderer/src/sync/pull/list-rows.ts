// Whether the server's list rows carry every field: then each pull refreshes the details too, and hydration asks only for notes.
import type { ContactsDb } from '../../db/database'

const LIST_ROWS_FULL = 'pull.listRowsFull'

/** True once a pull saw only full rows (sandbox `--rows full`); false after partial rows, or before any pull. */
export async function listRowsFull(db: ContactsDb): Promise<boolean> {
  return (await db.meta.get(LIST_ROWS_FULL))?.value === true
}

/** Joins the caller's transaction when one spans `meta`. */
export async function recordListRowsFull(db: ContactsDb, full: boolean): Promise<void> {
  await db.meta.put({ key: LIST_ROWS_FULL, value: full })
}
