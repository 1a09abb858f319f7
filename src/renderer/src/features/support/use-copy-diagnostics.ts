// "Copy diagnostics" from a click or a command: copies the text and says whether it worked.
import { useMessage } from 'naive-ui'
import { liveText } from '../../i18n'
import { useSyncStore } from '../pending'
import { copyDiagnostics } from './copy-diagnostics'

export function useCopyDiagnostics(): () => Promise<void> {
  const sync = useSyncStore()
  const message = useMessage()
  return async () => {
    const copied = await copyDiagnostics(sync.snapshot())
    if (copied.ok) message.success(liveText('support.diagnosticsCopied'))
    else message.error(copied.error.message)
  }
}
