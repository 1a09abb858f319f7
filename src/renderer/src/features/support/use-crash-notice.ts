// After the page crashed and was reloaded, says so once, and that the edits waiting to sync are safe (they live on disk).
import { onMounted } from 'vue'
import { useNotification } from 'naive-ui'
import { callBridge } from '../../bridge'
import { currentLocale, t } from '../../i18n'

/** The crash's time of day as the language writes it (the notice comes at the next start, the same day or near). */
const timeOf = (iso: string) => new Date(iso).toLocaleTimeString(currentLocale.value)

export function useCrashNotice(): void {
  const notification = useNotification()
  onMounted(async () => {
    const notice = await callBridge('app.crashNotice', {})
    if (!notice.ok || !notice.data) return
    notification.warning({
      title: t('support.crash.title'),
      content: t('support.crash.text', { reason: notice.data.reason, time: timeOf(notice.data.at) }),
      meta: t('support.crash.details'),
      keepAliveOnHover: true,
      duration: 15_000,
    })
  })
}
