// Reads one page of contacts for a pull, paced: waits out rate limits and retries transient faults.
import type { ContactPage } from '../../../../shared/contact'
import type { SkylightBridge } from '../../../../shared/contract'
import { pacedCall, type CallPolicy, type Paced } from '../pacing/paced-calls'

/** The one bridge method a page read needs; tests pass a fake or a real HTTP client here. */
export type ListBridge = Pick<SkylightBridge, 'contacts.list'>

export function fetchPage(bridge: ListBridge, page: number, perPage: number, policy: CallPolicy): Promise<Paced<ContactPage>> {
  return pacedCall(() => bridge['contacts.list']({ page, per_page: perPage }), policy)
}
