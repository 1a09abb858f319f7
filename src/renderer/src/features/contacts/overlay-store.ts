// Overlay store: which dialog of the contacts screen is open (palette, help, settings, a bulk action's picker, a confirmation, import, export, duplicates) and for whom.
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { ContactRow } from '../../../../shared/contact'

export type Overlay =
  | { kind: 'palette' }
  | { kind: 'help' }
  | { kind: 'tags'; mode: 'add' | 'remove' }
  | { kind: 'list' }
  | { kind: 'segment' }
  | { kind: 'channel' }
  /** The contact form: a new contact (null) or an edit of this row. */
  | { kind: 'form'; contact: ContactRow | null }
  /** A confirmation naive-ui's dialog shows (delete): the table's keys wait while it is open. */
  | { kind: 'confirm' }
  /** The import of a chosen or dropped file (the import store holds the file and where it stands). */
  | { kind: 'import' }
  | { kind: 'export' }
  | { kind: 'duplicates' }
  | { kind: 'settings' }

export const useOverlayStore = defineStore('overlay', () => {
  const current = shallowRef<Overlay | null>(null)
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
