// "Copy diagnostics": main writes the text (versions, OS, sync state, the log's last lines; no key, no contact), the page copies it.
import type { SyncSnapshot } from '../../../../shared/support'
import { fail, type Result } from '../../../../shared/result'
import { callBridge } from '../../bridge'
import { copyText } from '../contact-details'

export async function copyDiagnostics(sync: SyncSnapshot, copy: (text: string) => Promise<Result<null>> = copyText): Promise<Result<null>> {
  const text = await callBridge('app.diagnostics', { sync })
  if (!text.ok) return fail(text.error)
  return copy(text.data)
}
