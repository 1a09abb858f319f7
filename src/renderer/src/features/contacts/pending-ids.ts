// The contacts with edits not yet on the server, kept current as the outbox changes: the table's badges.
import { onBeforeUnmount, shallowRef, watch, type ShallowRef } from 'vue'
import { outboxEvents, pendingContactIds } from '../../sync/outbox'
import { unlessClosed } from '../../db/unless-closed'
import type { Workspace } from '../../workspace/workspace'

export function usePendingIds(workspace: () => Workspace | null): ShallowRef<ReadonlySet<number>> {
  const ids = shallowRef<ReadonlySet<number>>(new Set())
  let stop: () => void = () => {}

  watch(
    workspace,
    (current) => {
      stop()
      ids.value = new Set()
      if (!current) return
      let reading = 0
      const read = () => {
        const mine = ++reading
        void unlessClosed(pendingContactIds(current.db)).then((found) => found && mine === reading && (ids.value = found))
      }
      stop = outboxEvents(current.db).subscribe((event) => event.type === 'changed' && read())
      read()
    },
    { immediate: true },
  )
  onBeforeUnmount(() => stop())
  return ids
}
