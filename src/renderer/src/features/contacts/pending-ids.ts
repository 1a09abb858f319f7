// The contacts with edits not yet on the server, kept current as the outbox changes: the table's badges.
import type { ShallowRef } from 'vue'
import { useLiveQuery } from '../../db/use-live-query'
import { outboxEvents, pendingContactIds } from '../../sync/outbox'
import type { Workspace } from '../../workspace/workspace'

export function usePendingIds(workspace: () => Workspace | null): Readonly<ShallowRef<ReadonlySet<number>>> {
  return useLiveQuery(
    workspace,
    (current) => pendingContactIds(current.db),
    new Set<number>() as ReadonlySet<number>,
    (current, reread) => outboxEvents(current.db).subscribe(reread),
  )
}
