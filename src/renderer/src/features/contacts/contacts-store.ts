// Contacts store: the search text and filters, the ranked rows the table shows, the focused and opened contact.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ContactRow } from '../../../../shared/contact'
import { getBridge } from '../../bridge'
import { RowWindow } from './row-window'
import { unlessClosed } from '../../db/unless-closed'
import type { NoteExcerpt, SearchFilters } from '../../search/search-client'
import { outboxEvents } from '../../sync/outbox'
import { searchRemotely } from '../../sync/remote-search/remote-search'
import type { Workspace } from '../../workspace/workspace'
import { useSelectionStore } from './selection-store'
import { useSyncStore } from '../pending'
import { t } from '../../i18n'
import { searchErrorText } from '../../search/search-stopped'

/** The server is asked only once typing pauses: a word typed in one go is one request. */
export const REMOTE_SEARCH_DEBOUNCE_MS = 300
/** Index updates during a pull arrive page by page; the table re-reads at most this often. */
export const REFRESH_THROTTLE_MS = 150

export const useContactsStore = defineStore('contacts', () => {
  const sync = useSyncStore()
  const text = ref('')
  const filters = ref<SearchFilters>({})
  const total = ref(0)
  /** False while rows come from the first-names preview (the index is loading). */
  const ready = ref(false)
  const loaded = ref(false)
  /** Matches a status or channel filter leaves out because that field is not known yet (details not read). */
  const unknown = ref(0)
  /** Bumped whenever rows changed: the table re-reads `rowAt` for what it shows. */
  const version = ref(0)
  /** Why the search failed, said in the current language by `error`. */
  const failure = shallowRef<{ key: 'contacts.error.search-stopped' | 'contacts.error.search-start'; cause: unknown } | null>(null)
  const error = computed(() => (failure.value ? t(failure.value.key, { reason: searchErrorText(failure.value.cause) }) : null))
  /** The server is being asked too: the first pull has not finished, or the query aims at emails the mirror lacks. */
  const remoteSearching = ref(false)
  const focusIndex = ref(0)
  const openId = ref<number | null>(null)
  const workspace = shallowRef<Workspace | null>(null)

  let window: RowWindow | null = null
  let detach: () => void = () => {}
  let refreshTimer: ReturnType<typeof setTimeout> | undefined
  let remoteTimer: ReturnType<typeof setTimeout> | undefined
  let remoteAbort: AbortController | null = null

  const hasQuery = computed(() => text.value.trim() !== '' || Object.values(filters.value).some((value) => value !== undefined))

  function rowAt(index: number): ContactRow | undefined {
    return window?.rowAt(index)
  }

  /** The note piece that made the row at `index` match, when it matched through its notes. */
  function excerptAt(index: number): NoteExcerpt | undefined {
    return window?.excerptAt(index)
  }

  function updated(): void {
    if (!window) return
    total.value = window.state.total
    ready.value = window.state.ready
    loaded.value = window.state.loaded
    unknown.value = window.state.unknown
    // Rows that arrive mean search answers again, unless its index never started: preview rows still come then.
    if (failure.value?.key !== 'contacts.error.search-start') failure.value = null
    if (focusIndex.value >= total.value) focusIndex.value = Math.max(0, total.value - 1)
    version.value++
  }

  /** Shows `next`'s contacts (or none), dropping everything about the previous workspace. */
  function attach(next: Workspace | null): void {
    detach()
    // Forgotten, not only stopped: a timer id left behind would hold back every re-read of the next workspace.
    clearTimeout(refreshTimer)
    refreshTimer = undefined
    cancelRemote()
    workspace.value = next
    window = null
    total.value = 0
    ready.value = false
    loaded.value = false
    unknown.value = 0
    failure.value = null
    focusIndex.value = 0
    openId.value = null
    version.value++
    if (!next) {
      detach = () => {}
      return
    }
    const search = next.search
    const current = new RowWindow(
      (offset, limit) => search.query({ text: text.value, filters: { ...filters.value }, offset, limit }),
      updated,
      (cause) => {
        failure.value = { key: 'contacts.error.search-stopped', cause }
      },
    )
    window = current
    const stopListening = search.onIndexChanged(scheduleRefresh)
    // A contact created offline got its server id: the open details and the selection follow it.
    const stopIds = outboxEvents(next.db).subscribe((event) => {
      if (event.type !== 'idChanged') return
      if (openId.value === event.from) openId.value = event.to
      useSelectionStore().replaceId(event.from, event.to)
    })
    // The preview rows are replaced by ranked ones the moment the index is ready.
    void search.ready.then(
      () => window === current && void current.refresh(),
      (cause) => window === current && (failure.value = { key: 'contacts.error.search-start', cause }),
    )
    detach = () => {
      stopListening()
      stopIds()
    }
    void current.refresh()
  }

  function scheduleRefresh(): void {
    if (refreshTimer !== undefined) return
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined
      void window?.refresh()
    }, REFRESH_THROTTLE_MS)
  }

  /** The table shows rows [start, end). */
  function show(start: number, end: number): void {
    window?.show(start, end)
  }

  function queryChanged(): void {
    focusIndex.value = 0
    void window?.refresh()
  }

  function setText(next: string): void {
    if (next === text.value) return
    text.value = next
    queryChanged()
    scheduleRemoteSearch()
  }

  function setFilter<K extends keyof SearchFilters>(key: K, value: SearchFilters[K] | undefined): void {
    const next = { ...filters.value }
    if (value === undefined) delete next[key]
    else next[key] = value
    filters.value = next
    queryChanged()
  }

  function clearFilters(): void {
    filters.value = {}
    queryChanged()
  }

  function clearQuery(): void {
    text.value = ''
    filters.value = {}
    cancelRemote()
    queryChanged()
  }

  function cancelRemote(): void {
    clearTimeout(remoteTimer)
    remoteAbort?.abort()
    remoteAbort = null
    remoteSearching.value = false
  }

  /**
   * Typed text also asks the API when the mirror may miss its matches (sync/remote-search-rule.ts);
   * matches land in the mirror, then the table. Not while the API is known to be unreachable.
   */
  function scheduleRemoteSearch(): void {
    cancelRemote()
    const bridge = getBridge()
    const current = workspace.value
    if (!bridge || !current || text.value.trim() === '' || sync.reachability === 'offline') return
    remoteTimer = setTimeout(() => {
      const abort = new AbortController()
      remoteAbort = abort
      remoteSearching.value = true
      void unlessClosed(searchRemotely(current.db, bridge, text.value, abort.signal)).finally(() => {
        if (remoteAbort === abort) {
          remoteAbort = null
          remoteSearching.value = false
        }
      })
    }, REMOTE_SEARCH_DEBOUNCE_MS)
  }

  function focus(index: number): void {
    focusIndex.value = Math.min(Math.max(0, index), Math.max(0, total.value - 1))
  }

  function open(id: number | null): void {
    openId.value = id
  }

  return {
    text,
    filters,
    total,
    ready,
    loaded,
    unknown,
    version,
    error,
    remoteSearching,
    focusIndex,
    openId,
    workspace,
    hasQuery,
    rowAt,
    excerptAt,
    attach,
    show,
    setText,
    setFilter,
    clearFilters,
    clearQuery,
    focus,
    open,
  }
})
