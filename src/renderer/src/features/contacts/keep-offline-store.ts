// "Keep offline first": the filters (a tag, a channel…) whose contacts' details and notes are read right after those opened lately.
import { defineStore } from 'pinia'
import { computed, shallowRef, watch } from 'vue'
import { unlessClosed } from '../../db/unless-closed'
import type { SearchFilters } from '../../search/search-client'
import { keepOfflineFirst, keptOfflineFirst, sameFilters } from '../../sync/hydrate'
import { useWorkspaceStore } from '../../workspace/workspace-store'
import { useSyncStore } from '../pending'
import { useContactsStore } from './contacts-store'

export const useKeepOfflineStore = defineStore('keep-offline', () => {
  const workspaceStore = useWorkspaceStore()
  const contacts = useContactsStore()
  const sync = useSyncStore()
  /** The open account's marks, as kept in its mirror. */
  const marks = shallowRef<SearchFilters[]>([])

  watch(
    () => workspaceStore.current,
    async (workspace) => {
      marks.value = []
      const kept = workspace ? await unlessClosed(keptOfflineFirst(workspace.db)) : undefined
      if (kept && workspaceStore.current === workspace) marks.value = kept
    },
    { immediate: true },
  )

  const hasFilter = computed(() => Object.values(contacts.filters).some((value) => value !== undefined))
  /** Whether the filter bar's current filters are marked. */
  const currentKept = computed(() => hasFilter.value && marks.value.some((mark) => sameFilters(mark, contacts.filters)))

  /** Marks the current filters, or unmarks them when they are; nothing without a filter. */
  async function toggleCurrent(): Promise<void> {
    const workspace = workspaceStore.current
    if (!workspace || !hasFilter.value) return
    const next = await unlessClosed(keepOfflineFirst(workspace.db, { ...contacts.filters }, !currentKept.value))
    if (!next || workspaceStore.current !== workspace) return
    marks.value = next
    sync.hydrationPrioritiesChanged()
  }

  return { marks, hasFilter, currentKept, toggleCurrent }
})
