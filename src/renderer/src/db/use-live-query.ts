// Reads the mirror live for a component: the read runs again whenever what it read changes, in this window or another, until unmount.
import { liveQuery, type Subscription } from 'dexie'
import { onScopeDispose, shallowRef, watch, type ShallowRef } from 'vue'
import { unlessClosed } from './unless-closed'

/** Subscribes `reread` to the events that change what a read returns; gives back the unsubscribe. */
export type ChangeFeed<I> = (input: I, reread: () => void) => () => void

/**
 * The latest result of `read(input)`. By default a Dexie live query re-runs it when the tables and
 * keys it read change. `changes` replaces that with the events of a writer that announces its commits
 * (the outbox's, across windows): the outbox is read that way, so no live query of its own competes with
 * the replayer's transactions (measured: bulk-actions' undo-and-redo test then lost queued tags).
 * A new input starts over from `initial`; a null input pauses, keeping the last result (a closing drawer
 * keeps its content). A closed database (sign-out) ends a read quietly; other failures are logged.
 */
export function useLiveQuery<I, T>(input: () => I | null, read: (input: I) => Promise<T>, initial: T, changes?: ChangeFeed<I>): Readonly<ShallowRef<T>> {
  const result = shallowRef<T>(initial)
  let stop: () => void = () => {}
  let reading = 0
  watch(
    input,
    (current) => {
      stop()
      stop = () => {}
      if (current === null) return
      result.value = initial
      stop = changes ? followChanges(current, changes) : followLiveQuery(current)
    },
    { immediate: true },
  )
  onScopeDispose(() => stop())

  function followLiveQuery(current: I): () => void {
    const subscription: Subscription = liveQuery(() => read(current)).subscribe({
      next: (value) => (result.value = value),
      error: (error: unknown) => console.error('A live read of the offline copy failed:', error),
    })
    return () => subscription.unsubscribe()
  }

  function followChanges(current: I, feed: ChangeFeed<I>): () => void {
    let live = true
    const reread = () => {
      const mine = ++reading
      void unlessClosed(read(current).then((value) => ({ value }))).then((found) => {
        if (found && live && mine === reading) result.value = found.value
      })
    }
    const unsubscribe = feed(current, reread)
    reread()
    return () => {
      live = false
      unsubscribe()
    }
  }

  return result
}
