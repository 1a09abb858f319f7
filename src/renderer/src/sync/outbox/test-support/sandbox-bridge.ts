// For tests: the outbox's bridge over the real SkylightClient (as main wires it), with an offline switch.
import type { SkylightClient } from '../../../../../main/api/client'
import type { Result } from '../../../../../shared/result'
import type { OutboxBridge } from '../outbox-bridge'

export interface TestBridge {
  bridge: OutboxBridge
  /** Swappable, as main swaps its client when the user gives a new key. */
  client: SkylightClient
  /** While true every call fails as `offline` without reaching the server. */
  offline: boolean
  /** Resolves when every call made so far has settled: a "restart" waits for the old process's requests. */
  settled(): Promise<void>
}

export function testBridge(client: SkylightClient): TestBridge {
  const inFlight = new Set<Promise<unknown>>()
  const state = { offline: false, client }
  const track = <T>(send: () => Promise<Result<T>>): Promise<Result<T>> => {
    if (state.offline) return Promise.resolve({ ok: false, error: { kind: 'offline', message: 'The test switched the network off.' } })
    const promise = send()
    inFlight.add(promise)
    void promise.finally(() => inFlight.delete(promise))
    return promise
  }
  const bridge: OutboxBridge = {
    'contacts.get': ({ id }) => track(() => state.client.getContact(id)),
    'contacts.list': (query) => track(() => state.client.listContacts(query)),
    'contacts.create': ({ contact }) => track(() => state.client.createContact(contact)),
    'contacts.update': ({ id, patch }) => track(() => state.client.updateContact(id, patch)),
    'contacts.delete': ({ id }) => track(() => state.client.deleteContact(id)),
    'contacts.toggleBlacklist': ({ id }) => track(() => state.client.toggleBlacklist(id)),
    'notes.list': ({ id }) => track(() => state.client.listNotes(id)),
    'notes.add': ({ id, content }) => track(() => state.client.addNote(id, content)),
    'lists.add': ({ id, list_id }) => track(() => state.client.addToList(id, list_id)),
    'segments.add': ({ id, segment_id }) => track(() => state.client.addToSegment(id, segment_id)),
  }
  return {
    bridge,
    get client() {
      return state.client
    },
    set client(value: SkylightClient) {
      state.client = value
    },
    get offline() {
      return state.offline
    },
    set offline(value: boolean) {
      state.offline = value
    },
    settled: async () => {
      await Promise.allSettled([...inFlight])
    },
  }
}
