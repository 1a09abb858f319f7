// The bridge channels replay needs: every write of the contract, plus the reads that rebase and look-ups use.
import type { SkylightBridge } from '../../../../shared/contract'

export type OutboxBridge = Pick<
  SkylightBridge,
  | 'contacts.get'
  | 'contacts.list'
  | 'contacts.create'
  | 'contacts.update'
  | 'contacts.delete'
  | 'contacts.toggleBlacklist'
  | 'notes.list'
  | 'notes.add'
  | 'lists.add'
  | 'segments.add'
>
