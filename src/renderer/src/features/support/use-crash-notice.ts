// After the page crashed and was reloaded, says so once, and that the edits waiting to sync are safe (they live on disk).
import { onMounted } from 'vue'
import { useNotification } from 'naive-ui'
import { callBridge } from '../../bridge'
import { currentLocale, liveText, t } from '../../i18n'

/** The crash's time of day as the language writes it (the notice comes at the next start, the same day or near). */
const timeOf = (iso: string) => new Date(iso).toLocaleTimeString(currentLocale.value)

export function useCrashNotice(): void {
  const notification = useNotification()
  onMounted(async () => {
    const notice = await callBridge('app.crashNotice', {})
    if (!notice.ok || !notice.data) return
    const { reason, at } = notice.data
    notification.warning({
      title: liveText('support.crash.title'),
      // The time, too, as the language shown writes it.
      content: () => t('support.crash.text', { reason, time: timeOf(at) }),
      meta: liveText('support.crash.details'),
      keepAliveOnHover: true,
      duration: 15_000,
    })
  })
}
