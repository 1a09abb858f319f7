// Selection store: the contacts picked for a bulk action, by id, with the anchor a range starts from and the query they were picked under.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { sameOrigin, type SelectionOrigin } from '../../sync/outbox'

export const useSelectionStore = defineStore('selection', () => {
  const ids = shallowRef<ReadonlySet<number>>(new Set())
  /** The row index a Shift range starts from: the last row toggled or clicked. */
  const anchor = ref<number | null>(null)
  /**
   * The search and filters every id was picked under: a bulk action over them is replayed from that
   * query's list pages. Null when unknown or when picks were made under different queries.
   */
  const origin = shallowRef<SelectionOrigin | null>(null)
  const size = computed(() => ids.value.size)

  /** A pick made under `under` added to what was picked before (or replacing it). */
  function pickedUnder(under: SelectionOrigin | undefined, replacing: boolean): void {
    if (replacing) origin.value = under ?? null
    else if (!under || !origin.value || !sameOrigin(origin.value, under)) origin.value = null
  }

  function has(id: number): boolean {
    return ids.value.has(id)
  }

  function toggle(id: number, index: number, under?: SelectionOrigin): void {
    pickedUnder(under, ids.value.size === 0)
    const next = new Set(ids.value)
    if (!next.delete(id)) next.add(id)
    ids.value = next
    anchor.value = index
  }

  /**
   * Selects the rows between the anchor (or `from` when there is none) and `to`, both included.
   * `idsBetween` gives the ranked ids of rows [start, end] of the current search (`under`).
   */
  async function selectRange(
    from: number,
    to: number,
    idsBetween: (start: number, end: number) => Promise<number[]>,
    under?: SelectionOrigin,
  ): Promise<void> {
    const start = anchor.value ?? from
    anchor.value = start
    const range = await idsBetween(Math.min(start, to), Math.max(start, to))
    ids.value = new Set(range)
    pickedUnder(under, true)
  }

  /** Every match of the search and filters `under`. */
  function selectAll(all: readonly number[], under?: SelectionOrigin): void {
    ids.value = new Set(all)
    anchor.value = null
    pickedUnder(under, true)
  }

  function clear(): void {
    ids.value = new Set()
    anchor.value = null
    origin.value = null
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

  return { ids, anchor, origin, size, has, toggle, selectRange, selectAll, clear, replaceId, remove }
})
