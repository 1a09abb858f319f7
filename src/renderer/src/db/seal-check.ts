// Whether the data key opens this mirror: one sealed record of known content, written once the mirror is all sealed.
import type { ContactsDb } from './database'
import { subscribeUnreadable } from './seal-middleware'
import { SEALED } from './sealing'

export const SEAL_CHECK_KEY = 'seal-check'
const SEAL_CHECK_VALUE = 'sealed-v1'

/**
 * `sealed`: the key opens the check record, so the whole mirror is sealed with it. `unsealed`: no check record
 * yet (a new mirror, or one from before issue 15): seal-migration.ts seals what is in clear, then writes it.
 * `wrong-key`: the check record does not open (keychain reset, another key): nothing in the mirror will.
 */
export type SealState = 'sealed' | 'unsealed' | 'wrong-key'

export async function sealState(db: ContactsDb): Promise<SealState> {
  let unreadable = false
  const stop = subscribeUnreadable(db, (record) => {
    if (record.table === 'meta' && record.key === SEAL_CHECK_KEY) unreadable = true
  })
  try {
    const check = await db.meta.get(SEAL_CHECK_KEY)
    if (unreadable) return 'wrong-key'
    return check?.value === SEAL_CHECK_VALUE ? 'sealed' : 'unsealed'
  } finally {
    stop()
  }
}

/** Records that every record of the mirror is sealed with the key it was opened with. */
export async function writeSealCheck(db: ContactsDb): Promise<void> {
  await db.meta.put({ key: SEAL_CHECK_KEY, value: SEAL_CHECK_VALUE })
}

/** A mirror opened without a key that was sealed once: opening it plain would mix clear records into a sealed copy. */
export async function sealedWithoutKey(db: ContactsDb): Promise<boolean> {
  const check = (await db.meta.get(SEAL_CHECK_KEY)) as unknown
  return typeof check === 'object' && check !== null && SEALED in check
}
