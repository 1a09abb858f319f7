// Selection store: the contacts picked for a bulk action, by id, with the anchor a range starts from.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'

export const useSelectionStore = defineStore('selection', () => {
  const ids = shallowRef<ReadonlySet<number>>(new Set())
  /** The row index a Shift range starts from: the last row toggled or clicked. */
  const anchor = ref<number | null>(null)
  const size = computed(() => ids.value.size)

  function has(id: number): boolean {
    return ids.value.has(id)
  }

  function toggle(id: number, index: number): void {
    const next = new Set(ids.value)
    if (!next.delete(id)) next.add(id)
    ids.value = next
    anchor.value = index
  }

  /**
   * Selects the rows between the anchor (or `from` when there is none) and `to`, both included.
   * `idsBetween` gives the ranked ids of rows [start, end] of the current search.
   */
  async function selectRange(from: number, to: number, idsBetween: (start: number, end: number) => Promise<number[]>): Promise<void> {
    const start = anchor.value ?? from
    anchor.value = start
    const range = await idsBetween(Math.min(start, to), Math.max(start, to))
    ids.value = new Set(range)
  }

  function selectAll(all: readonly number[]): void {
    ids.value = new Set(all)
    anchor.value = null
  }

  function clear(): void {
    ids.value = new Set()
    anchor.value = null
  }

  /** A contact created offline got its server id, or contacts were deleted: the selection follows. */
  function replaceId(from: number, to: number): void {
    if (!ids.value.has(from)) return
    const next = new Set(ids.value)
    next.delete(from)
    next.add(to)
    ids.value = next
  }

  function remove(gone: readonly number[]): void {
    const next = new Set(ids.value)
    for (const id of gone) next.delete(id)
    ids.value = next
  }

  return { ids, anchor, size, has, toggle, selectRange, selectAll, clear, replaceId, remove }
})
