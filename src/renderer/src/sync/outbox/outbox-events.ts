// Tells the UI and the replayer that the outbox changed, and when a temporary id became a server id;
// in every window of the app, as another window's replayer may be the one sending this window's edits.
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

/** Where windows of one origin hear each other's events about the database `name`. */
export const outboxChannelName = (name: string) => `skylight-outbox-events:${name}`

/**
 * Listeners of this window, plus a BroadcastChannel to the other windows on the same database (one
 * replayer holds the Web Lock for all of them, so the others learn of its progress only this way).
 * The channel is open while anyone here listens; an event from another window is not sent back out.
 */
function createOutboxEvents(name: string): OutboxEvents {
  const listeners = new Set<OutboxListener>()
  let channel: BroadcastChannel | null = null
  const deliver = (event: OutboxEvent) => {
    for (const listener of [...listeners]) listener(event)
  }
  function openChannel(): void {
    if (channel || typeof BroadcastChannel === 'undefined') return
    channel = new BroadcastChannel(outboxChannelName(name))
    channel.onmessage = (message: MessageEvent<OutboxEvent>) => deliver(message.data)
    // Node (unit tests) would otherwise keep running for an open channel.
    ;(channel as { unref?: () => void }).unref?.()
  }
  return {
    subscribe(listener) {
      listeners.add(listener)
      openChannel()
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) {
          channel?.close()
          channel = null
        }
      }
    },
    emit(event) {
      deliver(event)
      channel?.postMessage(event)
    },
  }
}

const byDb = new WeakMap<ContactsDb, OutboxEvents>()

/** One channel per open database, shared by the outbox functions, the replayer and the UI of this window. */
export function outboxEvents(db: ContactsDb): OutboxEvents {
  let events = byDb.get(db)
  if (!events) {
    events = createOutboxEvents(db.name)
    byDb.set(db, events)
  }
  return events
}
