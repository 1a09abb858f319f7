// The messages between the duplicates screen and its worker, which reads the whole mirror and groups it off the window's thread.
import type { ContactRow } from '../../../../shared/contact'
import type { DuplicateGroup } from './find-duplicates'

/** `key`: the account's data key for its sealed mirror (null: unsealed). */
export type ToDuplicatesWorker = { type: 'scan'; id: number; accountId: string; key: CryptoKey | null }

export interface DuplicateScan {
  groups: DuplicateGroup[]
  /** The rows of every contact in a group (only those: the screen shows nothing else). */
  members: ContactRow[]
  /** Contacts looked at. */
  scanned: number
}

/** `detail`: why the scan failed, in the browser's words (for support, not for the main text). */
export type FromDuplicatesWorker = { type: 'scan'; id: number; scan: DuplicateScan } | { type: 'failed'; id: number; detail: string }
