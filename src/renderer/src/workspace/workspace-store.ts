// Workspace store: the signed-in account's open mirror and search, swapped when the account changes.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { t } from '../i18n'
import type { SearchClientOptions } from '../search/search-client'
import { deleteAccountDatabase } from '../db/database'
import { openWorkspace, type Workspace } from './workspace'

export type WorkspaceOptions = Omit<SearchClientOptions, 'db'>

export const useWorkspaceStore = defineStore('workspace', () => {
  const current = shallowRef<Workspace | null>(null)
  /** What stopped the mirror from opening (IndexedDB refused, disk full…): the browser's own words, kept as they came. */
  const openFailure = ref<string | null>(null)
  /** Why the mirror could not be opened, in the current language, shown instead of the contacts. */
  const error = computed(() => (openFailure.value === null ? null : t('workspace.openFailed', { detail: openFailure.value })))
  /** Opens and closes run one after another, so a quick account switch never leaves two open. */
  let queue: Promise<void> = Promise.resolve()

  function serialized(step: () => Promise<void>): Promise<void> {
    queue = queue.then(step, step)
    return queue
  }

  /** Opens `accountId`'s workspace (closing another account's first); null closes it. */
  function open(accountId: string | null, options: WorkspaceOptions = {}): Promise<void> {
    return serialized(async () => {
      if (current.value?.accountId === accountId) return
      await closeCurrent(false)
      if (accountId === null) return
      try {
        current.value = await openWorkspace(accountId, options)
      } catch (cause) {
        openFailure.value = cause instanceof Error ? cause.message : String(cause)
      }
    })
  }

  /**
   * Sign-out: deletes `accountId`'s mirror, closing it first if open (confirm pending edits
   * first). Queued after any open or close already asked for, so the database is really gone.
   */
  function forget(accountId: string): Promise<void> {
    return serialized(async () => {
      if (current.value?.accountId === accountId) await closeCurrent(true)
      else await deleteAccountDatabase(accountId)
    })
  }

  async function closeCurrent(deleteData: boolean): Promise<void> {
    const workspace = current.value
    current.value = null
    openFailure.value = null
    await workspace?.close({ deleteData })
  }

  return { current, error, open, forget }
})
