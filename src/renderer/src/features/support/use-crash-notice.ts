// After the page crashed and was reloaded, says so once, and that the edits waiting to sync are safe (they live on disk).
import { onMounted } from 'vue'
import { useNotification } from 'naive-ui'
import { callBridge } from '../../bridge'

export function useCrashNotice(): void {
  const notification = useNotification()
  onMounted(async () => {
    const notice = await callBridge('app.crashNotice', {})
    if (!notice.ok || !notice.data) return
    notification.warning({
      title: 'SkyLight Contacts stopped unexpectedly and was reopened',
      content: `Nothing was lost: edits that were waiting to sync are still queued. (${notice.data.reason}, ${new Date(notice.data.at).toLocaleTimeString()})`,
      meta: 'The details are in the log: Help › Copy Diagnostics.',
      keepAliveOnHover: true,
      duration: 15_000,
    })
  })
}
