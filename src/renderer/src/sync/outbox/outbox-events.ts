// Tells the UI and the replayer that the outbox changed, and when a temporary id became a server id.
import type { ContactsDb } from '../../db/database'

export type OutboxEvent =
  /** Rows were added, changed or removed: re-read counts, flags and the pending list. */
  | { type: 'changed' }
  /** A contact created offline now has its server id: a selection on `from` should move to `to`. */
  | { type: 'idChanged'; from: number; to: number }

export type OutboxListener = (event: OutboxEvent) => void

export interface OutboxEvents {
  subscribe(listener: OutboxListener): () => void
  emit(event: OutboxEvent): void
}

function createOutboxEvents(): OutboxEvents {
  const listeners = new Set<OutboxListener>()
  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    emit(event) {
      for (const listener of [...listeners]) listener(event)
    },
  }
}

const byDb = new WeakMap<ContactsDb, OutboxEvents>()

/** One channel per open database, shared by the outbox functions, the replayer and the UI of this window. */
export function outboxEvents(db: ContactsDb): OutboxEvents {
  let events = byDb.get(db)
  if (!events) {
    events = createOutboxEvents()
    byDb.set(db, events)
  }
  return events
}
