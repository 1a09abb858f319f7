// Deep links: a link that opened the app (a contact or a search) waits here until the contacts screen shows it; a refused one is said.
import { defineStore } from 'pinia'
import { onBeforeUnmount, onMounted, shallowRef } from 'vue'
import { useNotification } from 'naive-ui'
import type { DeepLink, DeepLinkEvent } from '../../../../shared/deep-link'
import { liveText } from '../../i18n'

export const useDeepLinkStore = defineStore('deepLink', () => {
  /** The latest link not shown yet: a newer one replaces it. */
  const pending = shallowRef<DeepLink | null>(null)

  function take(): DeepLink | null {
    const link = pending.value
    pending.value = null
    return link
  }

  return { pending, take }
})

/** Listens at the root, whatever screen shows: links wait for the contacts screen (after sign-in, say). */
export function useDeepLinks(): void {
  const store = useDeepLinkStore()
  const notification = useNotification()
  const receive = (event: DeepLinkEvent) => {
    if ('link' in event) store.pending = event.link
    else notification.error({ title: liveText('contacts.link.refused'), content: event.refused, duration: 10_000 })
  }
  let off: () => void = () => {}
  onMounted(() => (off = window.skylightEvents?.onDeepLink(receive) ?? (() => {})))
  onBeforeUnmount(() => off())
}
