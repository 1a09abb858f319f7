// Overlay store: which dialog of the contacts screen is open (palette, help, a bulk action's picker) and for whom.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'

export type Overlay =
  | { kind: 'palette' }
  | { kind: 'help' }
  | { kind: 'tags'; mode: 'add' | 'remove' }
  | { kind: 'list' }
  | { kind: 'segment' }
  | { kind: 'channel' }

export const useOverlayStore = defineStore('overlay', () => {
  const current = ref<Overlay | null>(null)
  /** The contacts a picker's action will apply to, fixed when it opened. */
  const targets = shallowRef<number[]>([])
  const isOpen = computed(() => current.value !== null)

  function open(overlay: Overlay, forContacts: number[] = []): void {
    current.value = overlay
    targets.value = forContacts
  }

  function close(): void {
    current.value = null
  }

  return { current, targets, isOpen, open, close }
})
