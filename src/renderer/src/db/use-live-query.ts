// Reads the mirror live for a component: a Dexie live query re-run whenever what it read changes, in this window or another, until unmount.
import { liveQuery, type Subscription } from 'dexie'
import { onScopeDispose, shallowRef, watch, type ShallowRef } from 'vue'

/**
 * The latest result of `query(input)`. A new input starts over from `initial` and drops the old
 * subscription; a null input pauses, keeping the last result (a closing drawer keeps its content).
 * Dexie itself ignores a closed database (sign-out) and aborted queries; other failures are logged.
 */
export function useLiveQuery<I, T>(input: () => I | null, query: (input: I) => Promise<T>, initial: T): Readonly<ShallowRef<T>> {
  const result = shallowRef<T>(initial)
  let subscription: Subscription | null = null
  watch(
    input,
    (current) => {
      subscription?.unsubscribe()
      subscription = null
      if (current === null) return
      result.value = initial
      subscription = liveQuery(() => query(current)).subscribe({
        next: (value) => (result.value = value),
        error: (error: unknown) => console.error('A live read of the offline copy failed:', error),
      })
    },
    { immediate: true },
  )
  onScopeDispose(() => subscription?.unsubscribe())
  return result
}
