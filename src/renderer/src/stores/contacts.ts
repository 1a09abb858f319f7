// Contacts store: the list the user sees, read page by page through `contacts.list` (the offline mirror replaces this later).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { callBridge } from '../bridge'
import type { ContactRow, PageMeta } from '../../../shared/contact'
import type { ApiError } from '../../../shared/result'

/** The API's maximum page size: fewer round trips for the same rows. */
export const PAGE_SIZE = 100
/** Long enough to skip the keystrokes of a word typed in one go, short enough to feel live. */
export const SEARCH_DEBOUNCE_MS = 250

export const useContactsStore = defineStore('contacts', () => {
  const rows = ref<ContactRow[]>([])
  const meta = ref<PageMeta | null>(null)
  const search = ref('')
  /** The search the shown rows answer (the box may be ahead of it while debouncing). */
  const shownSearch = ref('')
  const loading = ref<'first' | 'more' | null>(null)
  const error = ref<ApiError | null>(null)

  let accountId: string | null = null
  let debounce: ReturnType<typeof setTimeout> | undefined
  /** Bumped by every new query, so a slow answer to an old one is dropped. */
  let generation = 0

  const total = computed(() => meta.value?.total ?? 0)
  const hasMore = computed(() => meta.value !== null && meta.value.current_page < meta.value.last_page)

  async function fetchPage(page: number, append: boolean): Promise<void> {
    const mine = ++generation
    const query = search.value.trim()
    loading.value = append ? 'more' : 'first'
    error.value = null
    const result = await callBridge('contacts.list', { page, per_page: PAGE_SIZE, ...(query ? { search: query } : {}) })
    if (mine !== generation) return
    loading.value = null
    if (!result.ok) {
      error.value = result.error
      return
    }
    shownSearch.value = query
    meta.value = result.data.meta
    if (!append) {
      rows.value = result.data.data
      return
    }
    // Offset pages drift when contacts are added or removed meanwhile: never show one twice.
    const seen = new Set(rows.value.map((row) => row.id))
    rows.value = rows.value.concat(result.data.data.filter((row) => !seen.has(row.id)))
  }

  function cancelDebounce(): void {
    clearTimeout(debounce)
    debounce = undefined
  }

  /** Shows the first page of an account's contacts, forgetting another account's rows first. */
  async function open(account: string | null): Promise<void> {
    if (account !== accountId) {
      reset()
      accountId = account
    }
    await reload()
  }

  async function reload(): Promise<void> {
    cancelDebounce()
    await fetchPage(1, false)
  }

  async function loadMore(): Promise<void> {
    if (!hasMore.value || loading.value) return
    await fetchPage((meta.value?.current_page ?? 0) + 1, true)
  }

  function setSearch(text: string): void {
    search.value = text
    cancelDebounce()
    debounce = setTimeout(() => void reload(), SEARCH_DEBOUNCE_MS)
  }

  function reset(): void {
    cancelDebounce()
    generation++
    accountId = null
    rows.value = []
    meta.value = null
    search.value = ''
    shownSearch.value = ''
    loading.value = null
    error.value = null
  }

  return { rows, meta, search, shownSearch, loading, error, total, hasMore, open, reload, loadMore, setSearch, reset }
})
