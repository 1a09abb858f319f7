// The open account's data key, asked of main over the contract and imported as a CryptoKey nobody can read back.
import { dataKeyGrant, type DataKeyGrant } from '../../../shared/contract'
import { fail, ok, type Result } from '../../../shared/result'
import { callBridge } from '../bridge'
import { importDataKey } from '../db/sealing'

/** How the key is asked for: main over the bridge; tests answer themselves. */
export type GrantDataKey = (accountId: string) => Promise<Result<DataKeyGrant>>

export const grantFromMain: GrantDataKey = () => callBridge('auth.dataKey', {})

/**
 * The data key for `accountId` (null: the host runs this account's copy unsealed, tests only). The grant is checked
 * against the contract's schema and must name the account asked for: an account switched meanwhile gets no key.
 */
export async function obtainDataKey(accountId: string, grant: GrantDataKey): Promise<Result<{ key: CryptoKey | null; sessionOnly: boolean }>> {
  const answer = await grant(accountId)
  if (!answer.ok) return answer
  const parsed = dataKeyGrant.safeParse(answer.data)
  if (!parsed.success || parsed.data.accountId !== accountId) {
    return fail({ kind: 'internal', message: 'The key for the offline copy came for another account.' })
  }
  const { key, sessionOnly } = parsed.data
  return ok({ key: key === null ? null : await importDataKey(key), sessionOnly })
}
