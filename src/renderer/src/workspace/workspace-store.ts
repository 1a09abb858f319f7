// Workspace store: the signed-in account's open mirror and search, swapped when the account changes.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { t } from '../i18n'
import type { SearchClientOptions } from '../search/search-client'
import { deleteAccountDatabase } from '../db/database'
import { dropMirrorKey, holdMirrorKey } from '../db/mirror-keys'
import { grantFromMain, obtainDataKey, type GrantDataKey } from './data-key'
import { openWorkspace, type Workspace } from './workspace'

export type WorkspaceOptions = Omit<SearchClientOptions, 'db'> & {
  /** Where the account's data key comes from: main, over the contract (tests answer themselves). */
  grantKey?: GrantDataKey
}

/** What the user is told about the offline copy's seal: it was discarded (key lost), or records in it did not open. */
export type SealNotice = { kind: 'discarded'; queuedEdits: number } | { kind: 'unreadable'; queuedEdits: number; others: number }

export const useWorkspaceStore = defineStore('workspace', () => {
  const current = shallowRef<Workspace | null>(null)
  /** What stopped the mirror from opening (IndexedDB refused, disk full…): the browser's own words, kept as they came. */
  const openFailure = ref<string | null>(null)
  /** Why the mirror could not be opened, in the current language, shown instead of the contacts. */
  const error = computed(() => (openFailure.value === null ? null : t('workspace.openFailed', { detail: openFailure.value })))
  const sealNotice = ref<SealNotice | null>(null)
  /** The notice in the current language; null when there is nothing to say. */
  const sealNoticeText = computed(() => {
    const notice = sealNotice.value
    if (!notice) return null
    if (notice.kind === 'discarded') return t('workspace.copyDiscarded', { count: notice.queuedEdits })
    return t('workspace.recordsUnreadable', { edits: notice.queuedEdits })
  })
  /** Opens and closes run one after another, so a quick account switch never leaves two open. */
  let queue: Promise<void> = Promise.resolve()

  function serialized(step: () => Promise<void>): Promise<void> {
    queue = queue.then(step, step)
    return queue
  }

  /** Records of other tables than contacts that did not open, counted once each (every read meets them again). */
  function unreadableCounter() {
    const seen = new Set<string>()
    return (record: { table: string; key: unknown }) => {
      const id = `${record.table}\n${JSON.stringify(record.key)}`
      if (seen.has(id)) return
      seen.add(id)
      const before = sealNotice.value?.kind === 'unreadable' ? sealNotice.value : { kind: 'unreadable' as const, queuedEdits: 0, others: 0 }
      sealNotice.value = record.table === 'outbox' ? { ...before, queuedEdits: before.queuedEdits + 1 } : { ...before, others: before.others + 1 }
    }
  }

  /** Opens `accountId`'s workspace (closing another account's first); null closes it. */
  function open(accountId: string | null, options: WorkspaceOptions = {}): Promise<void> {
    return serialized(async () => {
      if (current.value?.accountId === accountId) return
      await closeCurrent(false)
      if (accountId === null) return
      const { grantKey = grantFromMain, ...searchOptions } = options
      try {
        const key = await obtainDataKey(accountId, grantKey)
        if (!key.ok) {
          openFailure.value = key.error.message
          return
        }
        holdMirrorKey(accountId, key.data.key)
        current.value = await openWorkspace(accountId, { ...searchOptions, onUnreadable: unreadableCounter() })
        const { discarded } = current.value
        // Without a keychain the key lasts one session, and the user was told so: a copy left from an earlier one is
        // expected to go. Only edits lost with it are news.
        if (discarded && (!key.data.sessionOnly || discarded.queuedEdits > 0)) sealNotice.value = { kind: 'discarded', ...discarded }
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
      dropMirrorKey(accountId)
    })
  }

  async function closeCurrent(deleteData: boolean): Promise<void> {
    const workspace = current.value
    current.value = null
    openFailure.value = null
    sealNotice.value = null
    await workspace?.close({ deleteData })
    if (workspace) dropMirrorKey(workspace.accountId)
  }

  return { current, error, sealNotice, sealNoticeText, dismissSealNotice: () => (sealNotice.value = null), open, forget }
})
